import type { Prisma } from "../db/database.js";
import type { Role } from "../db/generated/enums.js";
import { DomainError, forbidden, unauthenticated } from "../errors.js";
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

/** The user a token names, with what decides whether it may act: its status and its organization's flag. */
interface Principal {
  readonly id: string;
  readonly organizationId: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly status: string;
  readonly disabled: boolean;
}

// One statement: the user and its organization's disabled flag (a request's authentication stays one read).
async function principalOf(prisma: Prisma, userId: string): Promise<Principal | undefined> {
  const rows = await prisma.$queryRaw<Principal[]>`
    SELECT u.id, u."organizationId", u.role::text AS role, u."teamId", u.status::text AS status, o.disabled
    FROM "User" u JOIN "Organization" o ON o.id = u."organizationId" WHERE u.id = ${userId}::uuid`;
  return rows[0];
}

/**
 * Who may act at all, on every surface (GraphQL, the vendor adapters, /ingest, exports): not a
 * deactivated user, nor any user of a disabled organization (FORBIDDEN, its own SUPERADMIN
 * included). A SUPERADMIN of another organization still sees a disabled one.
 */
function viewerOf(user: Principal, via: Viewer["via"]): Viewer {
  if (user.status === "DEACTIVATED") throw unauthenticated("the token's user is deactivated");
  if (user.disabled) throw organizationDisabled();
  return { userId: user.id, organizationId: user.organizationId, role: user.role, teamId: user.teamId, via };
}

/** The refusal of a user whose organization is disabled. */
export const organizationDisabled = () => forbidden("the organization is disabled");

/**
 * Resolves a bearer token (gateway JWT or API token) to the viewer. The user is read from the
 * store, so a deactivated user, a disabled organization or a changed role takes effect at once.
 * @throws DomainError UNAUTHENTICATED for a token that is invalid, expired, revoked or whose user is
 * gone or deactivated; FORBIDDEN when the user's organization is disabled.
 */
export async function authenticate(token: string, prisma: Prisma, jwt: JwtSettings, now = new Date()): Promise<Viewer> {
  if (looksLikeApiToken(token)) {
    const record = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
    if (!record || record.revokedAt) throw unauthenticated("the API token is invalid or revoked");
    if (record.expiresAt && record.expiresAt <= now) throw unauthenticated("the API token has expired");
    const user = await principalOf(prisma, record.userId);
    if (!user) throw unauthenticated("the API token is invalid or revoked");
    const viewer = viewerOf(user, "api-token");
    if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await prisma.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
    }
    return viewer;
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
  const user = await principalOf(prisma, claims.sub);
  if (!user || user.organizationId !== claims.org) throw unauthenticated("the token's user does not exist");
  return viewerOf(user, "jwt");
}
