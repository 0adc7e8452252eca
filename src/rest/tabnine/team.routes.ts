import {
  TabnineTeamDocument,
  TabnineTeamUsageDocument,
  TabnineTeamUsersDocument,
  TabnineTeamUtilizationDocument,
} from "../__generated__/operations.js";
import { collectRange } from "../paging.js";
import { defineRoute, type VendorRoute } from "../route.js";
import { forbidOtherTenant, ownOrganization, requireAdmin, requireOwnTeam } from "./access.js";
import { ERRORS } from "./errors.js";
import { pageMeta, tabnineUser, TEAM_MEMBERS, TEAM_UTILIZATION, usageContainer, usageVariables } from "./mappers.js";
import * as s from "./schemas.js";

/** Tabnine team endpoints (docs/vendors/tabnine.md §3.8–3.11). */
export const teamRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/team/account-utilizations",
    summary: "Get current team utilization info",
    description:
      "The team's Tabnine accounts now: `registered` + `deactivated` are the users of its user list; `invited`: pending invitations.",
    authorize: requireAdmin,
    query: s.teamIdQuery,
    response: s.teamUtilization,
    errors: ERRORS,
    async handle({ caller, query }) {
      await requireOwnTeam(caller, query.teamId, "404");
      const { team } = await caller.run(TabnineTeamUtilizationDocument, { teamId: query.teamId, ...TEAM_UTILIZATION });
      return { registered: team!.registered.totalCount, deactivated: team!.deactivated.totalCount, invited: team!.invited.totalCount };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/team/usage",
    summary: "Team-level usage",
    authorize: requireAdmin,
    query: s.teamUsageQuery,
    response: s.teamUsage,
    errors: ERRORS,
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
    description: "Members with a Tabnine account that signed up, registered or deactivated (not pending invitations), by email.",
    authorize: requireAdmin,
    params: s.teamIdParams,
    query: s.pagingQuery,
    response: s.userList,
    errors: ERRORS,
    async handle({ caller, params, query }) {
      await requireOwnTeam(caller, params.teamId, "404");
      const { items, total } = await collectRange(
        async (offset, first) =>
          (await caller.run(TabnineTeamUsersDocument, { teamId: params.teamId, offset, first, members: TEAM_MEMBERS })).team!.users,
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
    authorize: requireAdmin,
    params: s.teamIdParams,
    response: s.teamInfo,
    errors: ERRORS,
    async handle({ caller, params }) {
      await requireOwnTeam(caller, params.teamId, "404");
      const { team } = await caller.run(TabnineTeamDocument, { teamId: params.teamId });
      return { id: team!.id, name: team!.name };
    },
  }),
] as unknown as readonly VendorRoute<never, never, unknown>[];
