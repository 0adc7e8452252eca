import { notFound } from "../../errors.js";
import {
  TabnineAccountUtilizationsDocument,
  TabnineLicenseDocument,
  TabnineOrganizationDocument,
  TabnineOrganizationUsageDocument,
  TabnineOrganizationUsersDocument,
  TabninePermissionUsersDocument,
  TabnineTeamsDocument,
} from "../__generated__/operations.js";
import { collectRange } from "../paging.js";
import { defineRoute, type VendorRoute } from "../route.js";
import { ownOrganization, requireAdmin } from "./access.js";
import { ERRORS } from "./errors.js";
import { pageMeta, tabnineLicense, tabnineUser, TEAM_MEMBERS, usageContainer, usageVariables } from "./mappers.js";
import * as s from "./schemas.js";
import { teamRoutes } from "./team.routes.js";
import { userRoutes } from "./user.routes.js";

/** Every Tabnine endpoint, in mount order: organization, license and permissions here, then teams and users. */
export const tabnineRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/organization",
    summary: "Get current organization ID and high-level settings",
    authorize: requireAdmin,
    response: s.organization,
    errors: ERRORS,
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
    description: "Teams in creation order (oldest first); `usersCount` is the number of users `GET /api/v1/team/{teamId}/users` lists.",
    authorize: requireAdmin,
    query: s.teamListQuery,
    response: s.teamList,
    errors: ERRORS,
    async handle({ caller, query }) {
      const { items, total } = await collectRange(
        async (offset, first) => (await caller.run(TabnineTeamsDocument, { offset, first, members: TEAM_MEMBERS })).organization!.teams,
        query.offset,
        query.limit,
      );
      const data = items.map((team) => ({
        id: team.id,
        name: team.name,
        usersCount: team.users.totalCount,
        isDefaultTeam: team.isDefault,
      }));
      return { data, meta: pageMeta(query.offset, data.length, total, query.limit) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/organization/account-utilizations",
    summary: "Get account utilization info (monthly)",
    description: "`month` is zero-based (0 = January).",
    authorize: requireAdmin,
    query: s.accountUtilizationsQuery,
    response: s.accountUtilizations,
    errors: ERRORS,
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
    authorize: requireAdmin,
    query: s.organizationUsageQuery,
    response: s.organizationUsage,
    errors: ERRORS,
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
    authorize: requireAdmin,
    query: s.organizationUsersQuery,
    response: s.userList,
    errors: ERRORS,
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
    authorize: requireAdmin,
    response: s.license,
    errors: ERRORS,
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
    authorize: requireAdmin,
    query: s.roleQuery,
    response: s.permissionUsers,
    errors: ERRORS,
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
  ...teamRoutes,
  ...userRoutes,
] as unknown as readonly VendorRoute<never, never, unknown>[];
