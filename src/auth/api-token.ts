import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "../db/database.js";

const TOKEN_PREFIX = "ugw_";

/** SHA-256 of a token, the only form in which tokens are stored. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a bearer value has the shape of a gateway API token (as opposed to a JWT). */
export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}

/**
 * Creates an API token for a user. The secret is returned once and stored only as its hash.
 * @param ttlSeconds lifetime; undefined for a token that does not expire.
 */
export async function issueApiToken(
  prisma: Prisma,
  user: { id: string; organizationId: string },
  options: { name: string; ttlSeconds?: number | undefined; scopes?: string[]; now?: Date },
): Promise<{ token: string; id: string; expiresAt: Date | null }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const now = options.now ?? new Date();
  const expiresAt = options.ttlSeconds === undefined ? null : new Date(now.getTime() + options.ttlSeconds * 1_000);
  const record = await prisma.apiToken.create({
    data: {
      organizationId: user.organizationId,
      userId: user.id,
      name: options.name,
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashApiToken(token),
      scopes: options.scopes ?? [],
      expiresAt,
      createdAt: now,
    },
  });
  return { token, id: record.id, expiresAt };
}
