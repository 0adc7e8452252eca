import { DomainError, forbidden, notFound } from "../../errors.js";
import { TabnineTeamOrganizationDocument } from "../__generated__/operations.js";
import type { Caller } from "../route.js";

/**
 * "Only users with Admin access to Tabnine can access the Usage API": every endpoint needs a
 * Tabnine Admin, i.e. a gateway ADMIN or SUPERADMIN; team leads (TEAM_ADMIN) and members get the
 * documented 403 (docs/vendors/tabnine.md §3.0.2), before any parameter is looked at.
 */
export function requireAdmin(caller: Caller): void {
  const { role } = caller.viewer;
  if (role === "ADMIN" || role === "SUPERADMIN") return;
  throw forbidden("the Tabnine Usage API is for Admins only");
}

/** Another tenant's team or user is 403 on the endpoints that document 403 (3.11–3.13). */
export async function forbidOtherTenant<T>(result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (error) {
    if (error instanceof DomainError && error.otherTenant) throw forbidden("the object belongs to another organization");
    throw error;
  }
}

/**
 * The team must belong to the caller's organization, Superadmins included (GraphQL lets them see
 * every organization's teams; the Tabnine API is always scoped to the caller's). Another
 * organization's team is 404 where the endpoint documents no 403 (3.8–3.10), else 403 (3.11).
 */
export async function requireOwnTeam(caller: Caller, teamId: string, otherTenant: "403" | "404"): Promise<void> {
  const lookup = caller.run(TabnineTeamOrganizationDocument, { teamId });
  const { team } = await (otherTenant === "403" ? forbidOtherTenant(lookup) : lookup);
  if (!team) throw notFound("team", teamId);
  if (team.organization.id === caller.viewer.organizationId) return;
  throw otherTenant === "403" ? forbidden("the team belongs to another organization") : notFound("team", teamId);
}

export function ownOrganization(caller: Caller, organizationId: string, otherwise: "403" | "404"): void {
  if (organizationId === caller.viewer.organizationId) return;
  throw otherwise === "403" ? forbidden("organizationId is not the caller's organization") : notFound("organization", organizationId);
}
