import type { RocketChatActiveUsersQuery } from "../__generated__/operations.js";
import { project, type Projection } from "./projection.js";

/** GraphQL results → Rocket.Chat JSON (docs/vendors/rocketchat.md §2): the endpoint's keys, then `"success": true`. */

/** `GET statistics`: the snapshot object spread at the top level. */
export const statisticsBody = (payload: Record<string, unknown>) => ({ ...payload, success: true as const });

/** `GET statistics.list`: the (projected) snapshots of the page with its paging numbers. */
export function statisticsListBody(
  payloads: readonly Record<string, unknown>[],
  offset: number,
  total: number,
  projection: Projection | undefined,
) {
  const statistics = projection ? payloads.map((payload) => project(payload, projection)) : [...payloads];
  return { statistics, count: statistics.length, offset, total, success: true as const };
}

type Day = NonNullable<RocketChatActiveUsersQuery["organization"]>["dailyActiveUsers"][number];

/** Engagement active users: days with at least one Rocket.Chat user, newest first; keys usersList, users, day, month, year. */
export function activeUsersBody(days: readonly Day[]) {
  const month = days
    .filter((day) => (day.vendorUserIds ?? []).length > 0)
    .reverse()
    .map((day) => ({ usersList: day.vendorUserIds!, users: day.vendorUserIds!.length, day: day.day, month: day.month, year: day.year }));
  return { month, success: true as const };
}
