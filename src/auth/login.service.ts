import type { Prisma } from "../db/database.js";
import type { User } from "../db/generated/client.js";
import { unauthenticated } from "../errors.js";
import type { RateLimits } from "../http/rate-limits.js";
import { signAccessToken, type JwtSettings } from "./jwt.js";
import { organizationDisabled } from "./viewer.js";
import { hashPassword, verifyPassword } from "./password.js";

/** Lifetime of a token obtained with a password. */
export const SESSION_SECONDS = 12 * 3_600;
// Compared against when the email is unknown, so both failures cost the same scrypt work.
const DECOY_HASH = hashPassword("decoy-password");

/** The sign-in limits a login is counted against, and the client it comes from. */
export interface SignInLimits {
  readonly rateLimits: RateLimits | undefined;
  readonly clientAddress: string | undefined;
}

/**
 * Exchanges the email (any case, trimmed) and password of a REGISTERED user who has a password
 * for a gateway JWT valid {@link SESSION_SECONDS} seconds. With `limits`, a locked account or a
 * client address over its attempts is refused before the password is checked, and failures count.
 * @throws UNAUTHENTICATED, with one message for every failure; RATE_LIMITED; FORBIDDEN when the
 * password is right but the user's organization is disabled
 */
export async function loginWithPassword(
  prisma: Prisma,
  jwt: JwtSettings,
  credentials: { email: string; password: string },
  limits?: SignInLimits,
): Promise<{ token: string; expiresAt: Date; user: User }> {
  const email = credentials.email.trim().toLowerCase();
  const rateLimits = limits?.rateLimits;
  const attempt = await rateLimits?.beforeSignIn(email, limits?.clientAddress);
  const user = await prisma.user
    .findUnique({ where: { email }, include: { organization: { select: { disabled: true } } } })
    .catch(async (error: unknown) => {
      await attempt?.withdrawn();
      throw error;
    });
  // Users without a password (and unknown emails) are checked against a decoy hash so that every
  // failure costs the same; they are refused whatever the decoy's password is.
  const matches = await verifyPassword(credentials.password, user?.passwordHash ?? DECOY_HASH);
  if (!matches || !user?.passwordHash || user.status !== "REGISTERED") {
    await attempt?.failed();
    throw unauthenticated("the email or password is wrong");
  }
  await attempt?.succeeded();
  // Only once the password is right, so the answer tells a guesser nothing about the account.
  if (user.organization.disabled) throw organizationDisabled();
  const { organization: _organization, ...record } = user;
  const token = signAccessToken({ sub: user.id, org: user.organizationId, role: user.role }, jwt, SESSION_SECONDS);
  return { token, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1_000), user: record };
}
