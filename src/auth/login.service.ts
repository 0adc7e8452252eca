import type { Prisma } from "../db/database.js";
import type { User } from "../db/generated/client.js";
import { unauthenticated } from "../errors.js";
import { signAccessToken, type JwtSettings } from "./jwt.js";
import { hashPassword, verifyPassword } from "./password.js";

/** Lifetime of a token obtained with a password. */
export const SESSION_SECONDS = 12 * 3_600;
// Compared against when the email is unknown, so both failures cost the same scrypt work.
const DECOY_HASH = hashPassword("decoy-password");

/**
 * Exchanges the email (any case, trimmed) and password of a REGISTERED user who has a password
 * for a gateway JWT valid {@link SESSION_SECONDS} seconds.
 * @throws UNAUTHENTICATED, with one message for every failure.
 */
export async function loginWithPassword(
  prisma: Prisma,
  jwt: JwtSettings,
  credentials: { email: string; password: string },
): Promise<{ token: string; expiresAt: Date; user: User }> {
  const user = await prisma.user.findUnique({ where: { email: credentials.email.trim().toLowerCase() } });
  // Users without a password (and unknown emails) are checked against a decoy hash so that every
  // failure costs the same; they are refused whatever the decoy's password is.
  const matches = await verifyPassword(credentials.password, user?.passwordHash ?? DECOY_HASH);
  if (!matches || !user?.passwordHash || user.status !== "REGISTERED") throw unauthenticated("the email or password is wrong");
  const token = signAccessToken({ sub: user.id, org: user.organizationId, role: user.role }, jwt, SESSION_SECONDS);
  return { token, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1_000), user };
}
