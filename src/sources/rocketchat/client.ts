import { z } from "zod";
import { createHttpClient, parsePayload, type HttpClientOptions } from "../http-client.js";

/** statistics.list page size (the vendor clamps `count` to 100). */
export const ROCKETCHAT_PAGE_SIZE = 100;
/** Longest engagement-dashboard window asked at once, in days (the vendor's own dashboard asks 59). */
export const ROCKETCHAT_ACTIVE_USERS_WINDOW_DAYS = 31;

// Payloads of docs/vendors/rocketchat.md §2.2 and §2.3, as far as the connector reads them. A snapshot is
// kept whole (unknown keys included, in the vendor's key order), so it is not parsed further.

const snapshot = z.looseObject({
  _id: z.string().min(1),
  uniqueId: z.string().optional(),
  createdAt: z.string().optional(),
  _updatedAt: z.string().optional(),
  totalUsers: z.number().optional(),
  activeUsers: z.number().optional(),
  onlineUsers: z.number().optional(),
  totalRooms: z.number().optional(),
  totalMessages: z.number().optional(),
});
const statisticsList = z.object({
  statistics: z.array(snapshot),
  count: z.number().int(),
  offset: z.number().int(),
  total: z.number().int(),
});
const activeUsers = z.object({
  month: z.array(
    z.object({ usersList: z.array(z.string()), users: z.number(), day: z.number().int(), month: z.number().int(), year: z.number().int() }),
  ),
});

export type RcSnapshot = z.output<typeof snapshot>;
export type RcActiveDay = z.output<typeof activeUsers>["month"][number];

export interface RocketChatClient {
  /** One page of stored statistics snapshots, newest first. */
  snapshotsNewestFirst(offset: number, count: number): Promise<{ statistics: RcSnapshot[]; total: number }>;
  /** Days in [start, end] with their active users (descending, days without any omitted, as the vendor sends them). */
  activeUsers(start: Date, end: Date): Promise<RcActiveDay[]>;
}

/** The Rocket.Chat REST API (docs/vendors/rocketchat.md §2) as a user holding view-statistics and view-engagement-dashboard. */
export function createRocketChatClient(
  baseUrl: string,
  userId: string,
  authToken: string,
  options: Omit<HttpClientOptions, "baseUrl" | "headers"> = {},
): RocketChatClient {
  const http = createHttpClient({ ...options, baseUrl, headers: { "x-user-id": userId, "x-auth-token": authToken } });
  return {
    async snapshotsNewestFirst(offset, count) {
      const path = "/api/v1/statistics.list";
      const raw = await http.getJson<{ statistics: RcSnapshot[] }>(path, { offset, count, sort: JSON.stringify({ createdAt: -1 }) });
      const parsed = parsePayload(statisticsList, raw, `GET ${path}`);
      // Validated, but the snapshots are kept as received: clients depend on the vendor's key order.
      return { statistics: raw.statistics, total: parsed.total };
    },
    async activeUsers(start, end) {
      const path = "/api/v1/engagement-dashboard/users/active-users";
      return parsePayload(activeUsers, await http.getJson(path, { start: start.toISOString(), end: end.toISOString() }), `GET ${path}`)
        .month;
    },
  };
}
