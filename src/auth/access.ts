import type { Role } from "../db/generated/enums.js";
import type { Viewer } from "./viewer.js";
import { forbidden, notFound, unauthenticated } from "../errors.js";

/**
 * Who may see what; the one place tenancy and roles are decided, for GraphQL and REST alike.
 * SUPERADMIN sees every organization; ADMIN its own organization; TEAM_ADMIN its own team;
 * MEMBER only itself. Objects outside the viewer's organization are reported as not found, so
 * their existence does not leak; a visible object whose details the role may not read is FORBIDDEN.
 */

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

const isSuper = (viewer: Viewer) => viewer.role === "SUPERADMIN";

/** Name and settings of an organization: any of its users, and superadmins. */
export function canSeeOrganization(viewer: Viewer, organizationId: string): boolean {
  return isSuper(viewer) || viewer.organizationId === organizationId;
}

/** Organization-wide data (all users, all teams, aggregates): admins of it, and superadmins. */
export function canAdministerOrganization(viewer: Viewer, organizationId: string): boolean {
  return isSuper(viewer) || (viewer.role === "ADMIN" && viewer.organizationId === organizationId);
}

export function canSeeTeam(viewer: Viewer, team: { id: string; organizationId: string }): boolean {
  return (
    canAdministerOrganization(viewer, team.organizationId) || (viewer.organizationId === team.organizationId && viewer.teamId === team.id)
  );
}

/** A team's members and usage: organization admins, and the team's own TEAM_ADMIN. */
export function canAdministerTeam(viewer: Viewer, team: { id: string; organizationId: string }): boolean {
  return (
    canAdministerOrganization(viewer, team.organizationId) ||
    (viewer.role === "TEAM_ADMIN" && viewer.organizationId === team.organizationId && viewer.teamId === team.id)
  );
}

export function canSeeUser(viewer: Viewer, user: { id: string; organizationId: string; teamId: string | null }): boolean {
  if (viewer.userId === user.id || canAdministerOrganization(viewer, user.organizationId)) return true;
  return (
    viewer.role === "TEAM_ADMIN" && viewer.organizationId === user.organizationId && user.teamId !== null && user.teamId === viewer.teamId
  );
}

/** An API token: its owner's, and any of the organization's for its admins (and superadmins). */
export function canManageApiToken(viewer: Viewer, token: { userId: string; organizationId: string }): boolean {
  return token.userId === viewer.userId || canAdministerOrganization(viewer, token.organizationId);
}

/** Throws NOT_FOUND unless the organization is the viewer's (or the viewer is a superadmin). */
export function assertSeesOrganization(viewer: Viewer, organizationId: string): void {
  if (!canSeeOrganization(viewer, organizationId)) throw notFound("organization", organizationId);
}

export function assertAdministersOrganization(viewer: Viewer, organizationId: string, what: string): void {
  assertSeesOrganization(viewer, organizationId);
  if (!canAdministerOrganization(viewer, organizationId)) throw forbidden(`${what} needs the ADMIN role in this organization`);
}

export function assertAdministersTeam(viewer: Viewer, team: { id: string; organizationId: string }, what: string): void {
  assertSeesOrganization(viewer, team.organizationId);
  if (!canAdministerTeam(viewer, team)) throw forbidden(`${what} needs the ADMIN role, or TEAM_ADMIN of this team`);
}

// Higher roles first: a writer manages only the roles below its own.
const ROLE_ORDER: readonly Role[] = ["SUPERADMIN", "ADMIN", "TEAM_ADMIN", "MEMBER"];

/** The roles strictly below `role`: whose users a writer of that role may create and change. */
export function rolesBelow(role: Role): readonly Role[] {
  return ROLE_ORDER.slice(ROLE_ORDER.indexOf(role) + 1);
}

/**
 * What a write may touch: the organizations (every one, or those listed), and the roles of the
 * users it may create or change (never its own role or a higher one). A viewer's comes from
 * {@link ingestAuthority}; a connector writes as its source's organization's ADMIN would.
 */
export interface WriteAuthority {
  readonly organizations: "ALL" | readonly string[];
  readonly manages: readonly Role[];
  /**
   * A row naming a user of a role it does not manage: refused as a problem (a viewer's batch), or
   * kept to linking the user's vendor identities, its profile untouched (a connector, whose vendor
   * directory lists the organization's admins too).
   */
  readonly aboveManaged: "refuse" | "identitiesOnly";
}

/** Ingesting usage: an ADMIN into its own organization, a SUPERADMIN into any. */
export function ingestAuthority(viewer: Viewer | null): WriteAuthority {
  const { role, organizationId } = requireViewer(viewer);
  if (role === "SUPERADMIN") return { organizations: "ALL", manages: rolesBelow(role), aboveManaged: "refuse" };
  if (role === "ADMIN") return { organizations: [organizationId], manages: rolesBelow(role), aboveManaged: "refuse" };
  throw forbidden("ingesting usage needs the ADMIN role (own organization) or SUPERADMIN");
}

export function mayWriteTo(authority: WriteAuthority, organizationId: string): boolean {
  return authority.organizations === "ALL" || authority.organizations.includes(organizationId);
}

/**
 * The email-domain rule of an organization: with no domains any address may join it; otherwise only
 * addresses in one of its domains (compared without case). Ingest, connectors and the CLI apply it.
 */
export function addressInDomains(email: string, domains: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return domains.length === 0 || domains.some((candidate) => candidate.toLowerCase() === domain);
}
