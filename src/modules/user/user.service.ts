import { assertSeesOrganization, canSeeUser, requireViewer } from "../../auth/access.js";
import type { GraphQLContext } from "../../context.js";
import type { User } from "../../db/generated/client.js";
import type { Vendor } from "../../db/generated/enums.js";
import { notFound } from "../../errors.js";

/** Responsible for finding users by their vendor accounts. */

/**
 * The user whose `vendor` account has `externalId`, in `organizationId` (default: the viewer's).
 * @throws NOT_FOUND when there is none the viewer may see (flagged `otherTenant` when the account
 * exists only in another organization).
 */
export async function findUserByIdentity(
  ctx: Pick<GraphQLContext, "viewer" | "prisma" | "loaders">,
  vendor: Vendor,
  externalId: string,
  organizationId: string | null,
): Promise<User> {
  const viewer = requireViewer(ctx.viewer);
  const orgId = organizationId ?? viewer.organizationId;
  assertSeesOrganization(viewer, orgId);
  const identity = await ctx.prisma.identity.findUnique({
    where: { organizationId_vendor_externalId: { organizationId: orgId, vendor, externalId } },
    include: { user: true },
  });
  if (identity && canSeeUser(viewer, identity.user)) {
    ctx.loaders.userById.prime(identity.user.id, identity.user);
    return identity.user;
  }
  const elsewhere = identity
    ? false
    : (await ctx.prisma.identity.count({ where: { vendor, externalId, organizationId: { not: orgId } } })) > 0;
  throw notFound("user", externalId, elsewhere);
}
