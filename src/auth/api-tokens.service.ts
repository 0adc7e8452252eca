import type { Prisma } from "../db/database.js";
import type { ApiToken } from "../db/generated/client.js";
import { badInput, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { canManageApiToken, requireViewer } from "./access.js";
import { issueApiToken } from "./api-token.js";
import type { Viewer } from "./viewer.js";

/** Responsible for the viewer's API tokens: listing, issuing and revoking them. */

/** Longest lifetime of an issued token, in days. */
export const MAX_TOKEN_DAYS = 3_650;

/** The viewer's API tokens, newest first. @throws UNAUTHENTICATED without a viewer. */
export function listApiTokens(viewer: Viewer | null, prisma: Prisma): Promise<ApiToken[]> {
  const me = requireViewer(viewer);
  return prisma.apiToken.findMany({ where: { userId: me.userId }, orderBy: { createdAt: "desc" } });
}

/**
 * Issues an API token for the viewer; the secret is returned only here.
 * @param request.name a label of 1 to 100 characters (trimmed).
 * @param request.expiresInDays lifetime, 1 to {@link MAX_TOKEN_DAYS} days; null for no expiry.
 * @throws UNAUTHENTICATED without a viewer; BAD_USER_INPUT for a bad name or lifetime.
 */
export async function issueViewerApiToken(
  viewer: Viewer | null,
  prisma: Prisma,
  request: { name: string; expiresInDays: number | null },
): Promise<{ token: string; apiToken: ApiToken }> {
  const me = requireViewer(viewer);
  const { name, expiresInDays: days } = request;
  if (name.trim().length < 1 || name.length > 100) throw badInput("name must be 1 to 100 characters", { argument: "name" });
  if (days != null && (days < 1 || days > MAX_TOKEN_DAYS))
    throw badInput(`expiresInDays must be between 1 and ${MAX_TOKEN_DAYS}`, { argument: "expiresInDays" });
  const issued = await issueApiToken(
    prisma,
    { id: me.userId, organizationId: me.organizationId },
    {
      name: name.trim(),
      ttlSeconds: days == null ? undefined : days * 86_400,
    },
  );
  return { token: issued.token, apiToken: await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } }) };
}

/**
 * Revokes an API token (again: keeps the first revocation time): the viewer's own, or any of
 * the organization's for its ADMIN.
 * @throws UNAUTHENTICATED without a viewer; NOT_FOUND for a token the viewer may not manage, so
 * other users' tokens are not disclosed.
 */
export async function revokeApiToken(viewer: Viewer | null, prisma: Prisma, id: string): Promise<ApiToken> {
  const me = requireViewer(viewer);
  const token = isUuid(id) ? await prisma.apiToken.findUnique({ where: { id } }) : null;
  if (!token || !canManageApiToken(me, token)) throw notFound("API token", id);
  return prisma.apiToken.update({ where: { id }, data: { revokedAt: token.revokedAt ?? new Date() } });
}
