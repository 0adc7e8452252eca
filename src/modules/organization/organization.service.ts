import { assertSeesOrganization, requireViewer } from "../../auth/access.js";
import type { Viewer } from "../../auth/viewer.js";
import type { Prisma } from "../../db/database.js";
import type { Organization } from "../../db/generated/client.js";
import { badInput, forbidden, notFound } from "../../errors.js";
import { isUuid } from "../../ids.js";
import type { Loaders } from "../../loaders/index.js";
import { decodeCursor, pageOf, pageRequest, type Page } from "../../db/pagination.js";

/** Responsible for finding organizations the viewer may see. */

/** The organization with `id`, or the viewer's own. @throws NOT_FOUND outside the viewer's reach. */
export async function findOrganization(viewer: Viewer | null, loaders: Loaders, id: string | null | undefined): Promise<Organization> {
  const me = requireViewer(viewer);
  const organizationId = id ?? me.organizationId;
  assertSeesOrganization(me, organizationId);
  const organization = await loaders.organizationById.load(organizationId);
  if (!organization) throw notFound("organization", organizationId);
  return organization;
}

/**
 * The organization with `number` (Teamwire's `organisation_id`).
 * @throws BAD_USER_INPUT with an id too; NOT_FOUND when unknown or outside the viewer's reach.
 */
export async function findOrganizationByNumber(
  viewer: Viewer | null,
  prisma: Prisma,
  loaders: Loaders,
  id: string | null | undefined,
  number: number,
): Promise<Organization> {
  const me = requireViewer(viewer);
  if (id !== null && id !== undefined) throw badInput("give either id or number, not both", { argument: "number" });
  // The viewer's own organization is usually the one asked for, and usually already loaded.
  const own = await loaders.organizationById.load(me.organizationId);
  const organization = own?.number === number ? own : number >= 1 ? await prisma.organization.findUnique({ where: { number } }) : null;
  if (!organization) throw notFound("organization", String(number));
  if (organization.id !== me.organizationId && me.role !== "SUPERADMIN") throw notFound("organization", String(number), true);
  loaders.organizationById.prime(organization.id, organization);
  return organization;
}

/** Every organization, by name (SUPERADMIN only). */
export async function listOrganizations(
  viewer: Viewer | null,
  prisma: Prisma,
  args: { first?: number | null; after?: string | null; offset?: number | null },
): Promise<Page<Organization>> {
  const me = requireViewer(viewer);
  if (me.role !== "SUPERADMIN") throw forbidden("listing organizations needs the SUPERADMIN role");
  const request = pageRequest(args.first, args.after, args.offset);
  const after = request.after ? decodeCursor(request.after) : null;
  if (after && !isUuid(after[1])) throw badInput("after is not a cursor of this connection", { argument: "after" });
  const [rows, totalCount] = await Promise.all([
    prisma.organization.findMany({
      where: after ? { OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] } : {},
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: request.offset,
      take: request.first + 1,
    }),
    prisma.organization.count(),
  ]);
  return pageOf(rows, request.first, totalCount, (organization) => organization.name);
}
