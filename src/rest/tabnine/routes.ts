import { DomainError, forbidden, notFound } from "../../errors.js";
import {
  TabnineAccountUtilizationsDocument,
  TabnineLicenseDocument,
  TabnineOrganizationDocument,
  TabnineOrganizationUsageDocument,
  TabnineOrganizationUsersDocument,
  TabninePermissionUsersDocument,
  TabnineTeamDocument,
  TabnineTeamOrganizationDocument,
  TabnineTeamUsageDocument,
  TabnineTeamUsersDocument,
  TabnineTeamsDocument,
  TabnineTeamUtilizationDocument,
  TabnineUserDocument,
  TabnineUserUsageDocument,
} from "../__generated__/operations.js";
import { collectRange } from "../paging.js";
import { defineRoute, type Caller, type VendorRoute } from "../route.js";
import { requireTabnineAdmin } from "./access.js";
import { pageMeta, RESOLUTION_OF, tabnineLicense, tabnineUser, usageContainer, USAGE_BLOCK_METRICS } from "./mappers.js";
import * as s from "./schemas.js";

const ALL = [400, 401, 404, 500];
const WITH_403 = [400, 401, 403, 404, 500];
const admin = (caller: Caller) => requireTabnineAdmin(caller);

/** Another tenant's team or user is 403 on the endpoints that document 403 (3.11–3.13). */
async function forbidOtherTenant<T>(result: Promise<T>): Promise<T> {
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
async function requireOwnTeam(caller: Caller, teamId: string, otherTenant: "403" | "404"): Promise<void> {
  const lookup = caller.run(TabnineTeamOrganizationDocument, { teamId });
  const { team } = await (otherTenant === "403" ? forbidOtherTenant(lookup) : lookup);
  if (!team) throw notFound("team", teamId);
  if (team.organization.id === caller.viewer.organizationId) return;
  throw otherTenant === "403" ? forbidden("the team belongs to another organization") : notFound("team", teamId);
}

function ownOrganization(caller: Caller, organizationId: string, otherwise: "403" | "404"): void {
  if (organizationId === caller.viewer.organizationId) return;
  throw otherwise === "403" ? forbidden("organizationId is not the caller's organization") : notFound("organization", organizationId);
}

const usageVariables = (query: { from: Date; to: Date; granularity: s.Granularity }) => ({
  from: query.from.toISOString(),
  to: query.to.toISOString(),
  resolution: RESOLUTION_OF[query.granularity],
  metrics: USAGE_BLOCK_METRICS,
});

export const tabnineRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/organization",
    summary: "Get current organization ID and high-level settings",
    authorize: admin,
    response: s.organization,
    errors: ALL,
    async handle({ caller }) {
      const { organization: o } = await caller.run(TabnineOrganizationDocument, {});
      const { publicKey, plan, ...rest } = o!;
      return {
        ...(publicKey ? { publicKey } : {}),
        samlEnabled: rest.samlEnabled,
        smtpConfigured: rest.smtpConfigured,
        usernamePasswordEnabled: rest.usernamePasswordEnabled,
        name: rest.name,
        domains: rest.domains,
        planType: plan,
        id: rest.id,
      };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/organization/teams",
    summary: "Get list of teams for the given organization",
    authorize: admin,
    query: s.teamListQuery,
    response: s.teamList,
    errors: ALL,
    async handle({ caller, query }) {
      const { items, total } = await collectRange(
        async (offset, first) => (await caller.run(TabnineTeamsDocument, { offset, first })).organization!.teams,
        query.offset,
        query.limit,
      );
      const data = items.map((team) => ({ id: team.id, name: team.name, usersCount: team.usersCount, isDefaultTeam: team.isDefault }));
      return { data, meta: pageMeta(query.offset, data.length, total, query.limit) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/organization/account-utilizations",
    summary: "Get account utilization info (monthly)",
    description: "`month` is zero-based (0 = January).",
    authorize: admin,
    query: s.accountUtilizationsQuery,
    response: s.accountUtilizations,
    errors: ALL,
    async handle({ caller, query }) {
      const { organization } = await caller.run(TabnineAccountUtilizationsDocument, { startMonth: query.startDate ?? null });
      return organization!.accountUtilization.map((m) => ({
        year: m.year,
        month: m.month - 1,
        registered: m.registered,
        deactivated: m.deactivated,
        active: m.active,
        pending: m.pending,
      }));
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/organization/usage",
    summary: "Get organization-level usage",
    authorize: admin,
    query: s.organizationUsageQuery,
    response: s.organizationUsage,
    errors: ALL,
    async handle({ caller, query }) {
      ownOrganization(caller, query.organizationId, "404");
      const { organization } = await caller.run(TabnineOrganizationUsageDocument, usageVariables(query));
      return {
        organizationId: organization!.id,
        from: query.from.toISOString(),
        to: query.to.toISOString(),
        usage: usageContainer(organization!.usage, query.granularity, query.from, query.to),
      };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/organization/users",
    summary: "Get users who are not assigned to a team",
    description: "`teamMember=false`: users without a team; `active=true`: registered users, `false`: deactivated ones.",
    authorize: admin,
    query: s.organizationUsersQuery,
    response: s.userList,
    errors: ALL,
    async handle({ caller, query }) {
      const filter = {
        vendor: "TABNINE" as const,
        teamAssigned: query.teamMember,
        statuses: [query.active ? ("REGISTERED" as const) : ("DEACTIVATED" as const)],
      };
      const { items, total } = await collectRange(
        async (offset, first) => (await caller.run(TabnineOrganizationUsersDocument, { offset, first, filter })).organization!.users,
        query.offset,
        query.limit,
      );
      return { data: items.map(tabnineUser), meta: pageMeta(query.offset, items.length, total, query.limit) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/license",
    summary: "Get license info",
    authorize: admin,
    response: s.license,
    errors: ALL,
    async handle({ caller }) {
      const license = (await caller.run(TabnineLicenseDocument, {})).organization!.licenses[0];
      if (!license) throw notFound("license", "TABNINE");
      return tabnineLicense(license);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/instance/permissions",
    summary: "Get account permissions info (list of account admins)",
    description: "Users holding the Tabnine role `role` (Admin, Manager, TeamLead, Member); an unknown role gives [].",
    authorize: admin,
    query: s.roleQuery,
    response: s.permissionUsers,
    errors: ALL,
    async handle({ caller, query }) {
      let organizationId = caller.viewer.organizationId;
      const { items } = await collectRange(
        async (offset, first) => {
          const { organization } = await caller.run(TabninePermissionUsersDocument, { offset, first, role: query.role });
          organizationId = organization!.id;
          return organization!.users;
        },
        0,
        0,
      );
      return items.map((user) => ({ username: user.username, organizationId }));
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/team/account-utilizations",
    summary: "Get current team utilization info",
    authorize: (caller, _params, raw) => requireTabnineAdmin(caller, raw.teamId),
    query: s.teamIdQuery,
    response: s.teamUtilization,
    errors: ALL,
    async handle({ caller, query }) {
      await requireOwnTeam(caller, query.teamId, "404");
      const { team } = await caller.run(TabnineTeamUtilizationDocument, { teamId: query.teamId });
      const { registered, deactivated, invited } = team!.utilization;
      return { registered, deactivated, invited };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/team/usage",
    summary: "Team-level usage",
    authorize: (caller, _params, raw) => requireTabnineAdmin(caller, raw.teamId),
    query: s.teamUsageQuery,
    response: s.teamUsage,
    errors: WITH_403,
    async handle({ caller, query }) {
      ownOrganization(caller, query.organizationId, "403");
      await requireOwnTeam(caller, query.teamId, "403");
      const { team } = await forbidOtherTenant(caller.run(TabnineTeamUsageDocument, { teamId: query.teamId, ...usageVariables(query) }));
      return {
        organizationId: query.organizationId,
        teamId: team!.id,
        from: query.from.toISOString(),
        to: query.to.toISOString(),
        usage: usageContainer(team!.usage, query.granularity, query.from, query.to),
      };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/team/:teamId/users",
    summary: "Get users of a given team",
    authorize: (caller, params) => requireTabnineAdmin(caller, params.teamId),
    params: s.teamIdParams,
    query: s.pagingQuery,
    response: s.userList,
    errors: ALL,
    async handle({ caller, params, query }) {
      await requireOwnTeam(caller, params.teamId, "404");
      const { items, total } = await collectRange(
        async (offset, first) => (await caller.run(TabnineTeamUsersDocument, { teamId: params.teamId, offset, first })).team!.users,
        query.offset,
        query.limit,
      );
      return { data: items.map(tabnineUser), meta: pageMeta(query.offset, items.length, total, query.limit) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/team/:teamId",
    summary: "Get team name",
    authorize: (caller, params) => requireTabnineAdmin(caller, params.teamId),
    params: s.teamIdParams,
    response: s.teamInfo,
    errors: ALL,
    async handle({ caller, params }) {
      await requireOwnTeam(caller, params.teamId, "404");
      const { team } = await caller.run(TabnineTeamDocument, { teamId: params.teamId });
      return { id: team!.id, name: team!.name };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/user/usage",
    summary: "User-level usage",
    authorize: admin,
    query: s.userUsageQuery,
    response: s.userUsage,
    errors: WITH_403,
    async handle({ caller, query }) {
      ownOrganization(caller, query.organizationId, "403");
      const { userByIdentity: user } = await forbidOtherTenant(
        caller.run(TabnineUserUsageDocument, { userId: query.userId, ...usageVariables(query) }),
      );
      return {
        organizationId: query.organizationId,
        userId: query.userId,
        from: query.from.toISOString(),
        to: query.to.toISOString(),
        usage: usageContainer(user!.usage, query.granularity, query.from, query.to),
      };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/user/:user_id",
    summary: "User-level info",
    authorize: admin,
    params: s.userIdParams,
    response: s.userInfo,
    errors: WITH_403,
    async handle({ caller, params }) {
      const { userByIdentity: user } = await forbidOtherTenant(caller.run(TabnineUserDocument, { userId: params.user_id }));
      const account = user!.identities[0]!;
      return {
        user: {
          organization_id: user!.organization.id,
          user_id: account.externalId,
          email: user!.email,
          role: account.vendorRole ?? "Member",
          createdAt: new Date(user!.createdAt).toISOString(),
          updatedAt: new Date(user!.updatedAt).toISOString(),
        },
        teams: user!.team ? { team_id: user!.team.id, team_name: user!.team.name } : {},
      };
    },
  }),
] as unknown as readonly VendorRoute<never, never, unknown>[];
