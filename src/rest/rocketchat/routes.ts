import { DomainError } from "../../errors.js";
import {
  RocketChatActiveUsersDocument,
  RocketChatLatestStatisticsDocument,
  RocketChatStatisticsListDocument,
  RocketChatTakeStatisticsDocument,
} from "../__generated__/operations.js";
import { collectRange } from "../paging.js";
import { defineRoute, type Caller, type VendorRoute } from "../route.js";
import { invalidJsonParameter, requirePermission } from "./errors.js";
import { activeUsersBody, statisticsBody, statisticsListBody } from "./mappers.js";
import { pageWindow, paginationItems, RC_DEFAULT_COUNT, RC_MAX_COUNT } from "./pagination.js";
import * as s from "./schemas.js";

const EPOCH = "1970-01-01T00:00:00.000Z";
const viewStatistics = (caller: Caller) => requirePermission(caller, "view-statistics");

/** A query or sort the GraphQL translator refused is the vendor's parseJsonQuery error for that parameter. */
async function asParseJsonQueryError<T>(result: Promise<T>, raw: { sort?: string | undefined; query?: string | undefined }): Promise<T> {
  try {
    return await result;
  } catch (error) {
    const argument = error instanceof DomainError && error.code === "BAD_USER_INPUT" ? error.details?.argument : undefined;
    if (argument === "filter") throw invalidJsonParameter("query", raw.query);
    if (argument === "sort") throw invalidJsonParameter("sort", raw.sort);
    throw error;
  }
}

// Order of checks (Rocket.Chat 8): credentials → the query validator → what the route reads (paging, then
// sort, fields, query) → view-statistics (getLastStatistics / getStatistics) → the store. The engagement
// dashboard checks its permission before reading the query (permissionsRequired, then Meteor's check).
export const rocketChatRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/statistics",
    summary: "Get statistics",
    description:
      "The latest stored statistics snapshot of the workspace; `refresh=true` (or no snapshot yet) computes, stores and returns a new one.",
    query: s.statisticsQuery,
    response: s.statistics,
    errors: [400, 401],
    async handle({ caller, query }) {
      viewStatistics(caller);
      if (!query.refresh) {
        const latest = (await caller.run(RocketChatLatestStatisticsDocument, {})).organization!.statisticsHistory.nodes[0];
        if (latest) return statisticsBody(latest.payload);
      }
      return statisticsBody((await caller.run(RocketChatTakeStatisticsDocument, {})).takeStatisticsSnapshot.payload);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/statistics.list",
    summary: "Get statistics about the Rocket.Chat workspace (stored snapshots)",
    description: `Snapshots in insertion order unless \`sort\`; \`count\` defaults to ${RC_DEFAULT_COUNT}, is clamped to ${RC_MAX_COUNT}, 0 = all.`,
    query: s.statisticsListQuery,
    response: s.statisticsList,
    errors: [400, 401],
    async handle({ caller, query }) {
      const items = paginationItems(query);
      viewStatistics(caller);
      const { offset, limit } = pageWindow(items);
      const variables = { filter: query.query?.value ?? null, sort: query.sort?.value ?? null };
      const { items: page, total } = await asParseJsonQueryError(
        collectRange(
          async (at, first) =>
            (await caller.run(RocketChatStatisticsListDocument, { ...variables, offset: at, first })).organization!.statisticsHistory,
          offset,
          limit,
        ),
        { sort: query.sort?.raw, query: query.query?.raw },
      );
      return statisticsListBody(
        page.map((item) => item.payload),
        offset,
        total,
        query.fields?.value,
      );
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/engagement-dashboard/users/active-users",
    summary: "Active users of the workspace per day",
    description: "Days from the day of `start` to the day of `end` (UTC) with at least one active user, newest first.",
    authorize: (caller) => requirePermission(caller, "view-engagement-dashboard"),
    query: s.activeUsersQuery,
    response: s.activeUsers,
    errors: [400, 401, 403],
    async handle({ caller, query }) {
      // The store holds nothing before 1970 (and the gateway refuses such dates): clip, as the vendor would find nothing there.
      if (Date.parse(query.end) < 0) return activeUsersBody([]);
      const from = Date.parse(query.start) < 0 ? EPOCH : query.start;
      const { organization } = await caller.run(RocketChatActiveUsersDocument, { from, to: query.end });
      return activeUsersBody(organization!.dailyActiveUsers);
    },
  }),
] as unknown as readonly VendorRoute<never, never, unknown>[];
