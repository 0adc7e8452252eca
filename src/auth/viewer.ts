import type { Prisma } from "../db/database.js";
import type { Role } from "../db/generated/enums.js";
import { DomainError, unauthenticated } from "../errors.js";
import { isUuid } from "../ids.js";
import { hashApiToken, looksLikeApiToken } from "./api-token.js";
import { verifyAccessToken, type JwtSettings } from "./jwt.js";

/** Who is calling: resolved once per request from the bearer token, authoritative from the store. */
export interface Viewer {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly via: "jwt" | "api-token";
}

const LAST_USED_PRECISION_MS = 60_000;

/** The token of an `Authorization: Bearer <token>` header; undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated("the Authorization header must be: Bearer <token>");
  return match[1];
}

/**
 * Resolves a bearer token (gateway JWT or API token) to the viewer. The user is read from the
 * store, so a deactivated user or a changed role takes effect at once.
 * @throws DomainError UNAUTHENTICATED for a token that is invalid, expired, revoked or whose user is gone.
 */
export async function authenticate(token: string, prisma: Prisma, jwt: JwtSettings, now = new Date()): Promise<Viewer> {
  if (looksLikeApiToken(token)) {
    const record = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
    if (!record || record.revokedAt) throw unauthenticated("the API token is invalid or revoked");
    if (record.expiresAt && record.expiresAt <= now) throw unauthenticated("the API token has expired");
    if (record.user.status === "DEACTIVATED") throw unauthenticated("the token's user is deactivated");
    if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await prisma.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
    }
    const { user } = record;
    return { userId: user.id, organizationId: user.organizationId, role: user.role, teamId: user.teamId, via: "api-token" };
  }
  let claims;
  try {
    claims = verifyAccessToken(token, jwt);
  } catch (error) {
    const reason = (error as Error).name === "TokenExpiredError" ? "the token has expired" : "the token is invalid";
    throw new DomainError("UNAUTHENTICATED", reason);
  }
  // Ids that are not UUIDs name nobody (and must not reach a uuid column).
  if (!isUuid(claims.sub) || !isUuid(claims.org)) throw unauthenticated("the token is invalid");
  const user = await prisma.user.findUnique({ where: { id: claims.sub } });
  if (!user || user.organizationId !== claims.org) throw unauthenticated("the token's user does not exist");
  if (user.status === "DEACTIVATED") throw unauthenticated("the token's user is deactivated");
  return { userId: user.id, organizationId: user.organizationId, role: user.role, teamId: user.teamId, via: "jwt" };
}
