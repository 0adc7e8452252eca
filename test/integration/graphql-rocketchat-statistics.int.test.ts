import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dailyActiveUsers } from "../../src/statistics/daily-active-users.service.js";
import { liveRocketChatStatistics } from "../../src/modules/statistics/rocketchat-live.service.js";
import {
  DailyActiveUsersDocument,
  SnapshotHistoryDocument,
  TakeStatisticsSnapshotDocument,
  type SnapshotHistoryQueryVariables,
} from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { countStatements } from "../helpers/statements.js";
import { STORE_KINDS } from "../helpers/stores.js";

// Statistics snapshots (taking, filtering, sorting, paging) and daily active users, against
// independent SQL over the seed's tables (events, not rollups, where it matters).
describe.each(STORE_KINDS)("Rocket.Chat statistics in GraphQL on %s", (kind) => {
  let server: GraphQLTestServer;
  const tokens = { admin: "", member: "", otherAdmin: "", superadmin: "" };
  let orgId = "";
  let otherOrgId = "";
  const sql = <T = Record<string, unknown>>(text: string, ...params: unknown[]) =>
    server.store.db.prisma.$queryRawUnsafe<T[]>(text, ...params);
  const history = (variables: SnapshotHistoryQueryVariables, token = tokens.admin) =>
    server.request(SnapshotHistoryDocument, variables, token);
  const ids = async (variables: SnapshotHistoryQueryVariables) =>
    expectNoErrors(await history(variables)).organization!.statisticsHistory.nodes.map((node) => node.id);

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    const prisma = server.store.db.prisma;
    orgId = (await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } })).id;
    otherOrgId = (await prisma.organization.findUniqueOrThrow({ where: { slug: "kestrel" } })).id;
    const member = await prisma.user.findFirstOrThrow({
      where: { organizationId: orgId, role: "MEMBER", status: "REGISTERED" },
      orderBy: { email: "asc" },
    });
    tokens.admin = await server.tokenFor("admin@nordhafen.test");
    tokens.member = await server.tokenFor(member.email);
    tokens.otherAdmin = await server.tokenFor("admin@kestrel.test");
    tokens.superadmin = await server.tokenFor("superadmin@demo.test");
  });
  afterAll(() => server?.close());

  describe("statistics history: filter, sort, offset", () => {
    it("filters by equality, $or, $and, array elements and $regex like the columns say", async () => {
      const [some] = await sql<{ id: string; totalUsers: number }>(
        `SELECT "id", "totalUsers" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt" LIMIT 1`,
        orgId,
      );
      const sameUsers = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid AND "totalUsers" = $2 ORDER BY "takenAt" DESC, "id" DESC`,
        orgId,
        some!.totalUsers,
      );
      expect(await ids({ filter: { totalUsers: some!.totalUsers } })).toEqual(sameUsers.map((row) => row.id));
      expect(await ids({ filter: { _id: some!.id } })).toEqual([some!.id]);
      expect(
        await ids({ filter: { version: "6.5.0", "wizard.registerServer": true, "enterprise.tags": "Gold" }, first: 100 }),
      ).toHaveLength(10);
      expect(await ids({ filter: { "enterprise.tags": "Silver" } })).toEqual([]);
      expect(await ids({ filter: { "teams.totalTeams": { $regex: "1" } } })).toEqual([]); // numbers never match a $regex

      const march = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid
        AND "takenAt" >= '2025-03-01' AND "takenAt" < '2025-03-04' ORDER BY "takenAt"`,
        orgId,
      );
      expect(march.length).toBeGreaterThan(0);
      expect(await ids({ filter: { createdAt: { $regex: "^2025-03-0[1-3]T" } }, oldestFirst: true })).toEqual(march.map((row) => row.id));
      const two = [march[0]!.id, march.at(-1)!.id];
      expect(await ids({ filter: { $or: two.map((id) => ({ _id: id })) }, sort: { createdAt: 1 } })).toEqual(two);
      expect(await ids({ filter: { $and: [{ _id: two[0] }, { _id: two[1] }] } })).toEqual([]);
      expect(await ids({ filter: { "wizard.industry": { $regex: "TECHNOLOGY" } } })).toEqual([]);
      expect(await ids({ filter: { "wizard.industry": { $regex: "^TECHNOLOGY", $options: "i" } }, first: 100 })).toHaveLength(10);
      expect(await ids({ filter: { "enterprise.modules": { $regex: "^engagement-" } }, first: 100 })).toHaveLength(10);
    });

    it("sorts by fields in order and pages by offset with totalCount before paging", async () => {
      const expected = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid
        ORDER BY "totalMessages" DESC, "takenAt" DESC, "id" DESC`,
        orgId,
      );
      expect(await ids({ sort: { totalMessages: -1 }, first: 100 })).toEqual(expected.map((row) => row.id));
      const ascending = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt", "id"`,
        orgId,
      );
      const page = expectNoErrors(await history({ sort: { createdAt: 1 }, offset: 3, first: 4 })).organization!.statisticsHistory;
      expect(page.nodes.map((node) => node.id)).toEqual(ascending.slice(3, 7).map((row) => row.id));
      expect(page.totalCount).toBe(ascending.length);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const next = expectNoErrors(await history({ sort: { createdAt: 1 }, after: page.pageInfo.endCursor, first: 100 })).organization!
        .statisticsHistory;
      expect(next.nodes.map((node) => node.id)).toEqual(ascending.slice(7).map((row) => row.id));
      const beyond = expectNoErrors(await history({ filter: { version: "6.5.0" }, offset: 50 })).organization!.statisticsHistory;
      expect(beyond).toMatchObject({ totalCount: ascending.length, nodes: [], pageInfo: { hasNextPage: false } });
      // The default order (newest first) pages by offset too.
      expect(await ids({ offset: 8, first: 5 })).toEqual(
        ascending
          .slice(0, 2)
          .reverse()
          .map((row) => row.id),
      );
      // Payloads keep the vendor's key order.
      expect(Object.keys(page.nodes[0]!.payload).slice(0, 4)).toEqual(["_id", "wizard", "uniqueId", "installedAt"]);
    });

    it.each<[string, SnapshotHistoryQueryVariables]>([
      ["$where", { filter: { $where: "sleep(100)" } }],
      ["$function", { filter: { totalUsers: { $function: { body: "return 1", args: [], lang: "js" } } } }],
      ["$expr", { filter: { $expr: { $gt: ["$totalUsers", 1] } } }],
      ["$accumulator", { filter: { $or: [{ $accumulator: {} }] } }],
      ["$ne", { filter: { totalUsers: { $ne: 1 } } }],
      ["a too long $regex", { filter: { version: { $regex: "a".repeat(257) } } }],
      ["an invalid $regex", { filter: { version: { $regex: "([" } } }],
      ["a $regex PostgreSQL refuses", { filter: { version: { $regex: "\\p{L}" } } }],
      ["bad $options", { filter: { version: { $regex: "a", $options: "g" } } }],
      ["a sort direction of 2", { sort: { totalUsers: 2 } }],
      ["a sort on an operator", { sort: { $natural: 1 } }],
      ["a negative offset", { offset: -1 }],
      ["a huge offset", { offset: 2_000_000_000 }],
      [
        "a keyset cursor with a filter",
        { filter: {}, after: Buffer.from(JSON.stringify(["2025-03-01T00:10:00.000Z", "x"])).toString("base64url") },
      ],
      ["a forged position cursor", { sort: {}, after: Buffer.from(JSON.stringify(["position", "-3"])).toString("base64url") }],
    ])("refuses %s as BAD_USER_INPUT", async (_, variables) => {
      const response = await history(variables);
      expectErrors(response, "BAD_USER_INPUT");
      expect(response.status).toBeLessThan(500);
    });

    it("answers a position beyond every row, past the 32-bit range, with an empty page", async () => {
      const after = Buffer.from(JSON.stringify(["position", "3000000000"])).toString("base64url");
      const page = expectNoErrors(await history({ sort: {}, after })).organization!.statisticsHistory;
      expect(page.nodes).toEqual([]);
      expect(page.totalCount).toBeGreaterThan(0);
    });

    it("refuses non-object JSON for filter and sort", async () => {
      for (const variables of [{ filter: "x" }, { filter: [1] }, { sort: 1 }] as unknown as SnapshotHistoryQueryVariables[]) {
        const response = await history(variables);
        expectErrors(response, "BAD_USER_INPUT");
        expect(response.status).toBe(400);
      }
    });

    it("needs ADMIN and never shows another organization", async () => {
      expectErrors(await history({ first: 1 }, tokens.member), "FORBIDDEN");
      expectErrors(await history({ id: orgId, first: 1 }, tokens.otherAdmin), "NOT_FOUND");
      expectErrors(await history({ id: orgId, first: 1, filter: { $where: "1" } }, tokens.otherAdmin), "NOT_FOUND");
      const other = await history({ first: 100 }, tokens.otherAdmin);
      const otherIds = expectNoErrors(other).organization!.statisticsHistory.nodes.map((node) => node.id);
      const own = await sql<{ id: string }>(`SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid`, orgId);
      expect(otherIds.length).toBeGreaterThan(0);
      expect(otherIds.filter((id) => own.some((row) => row.id === id))).toEqual([]);
      // A filter naming the other organization's snapshot finds nothing in one's own.
      expect(await ids({ filter: { _id: otherIds[0] } })).toEqual([]);
    });
  });

  describe("takeStatisticsSnapshot", () => {
    it("stores a new snapshot that is the latest and has the vendor's keys in order", async () => {
      const [latest] = await sql<{ payload: Record<string, unknown> }>(
        `SELECT "payload" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt" DESC LIMIT 1`,
        orgId,
      );
      const taken = expectNoErrors(await server.request(TakeStatisticsSnapshotDocument, {}, tokens.admin)).takeStatisticsSnapshot;
      expect(taken.id).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$/);
      expect(Object.keys(taken.payload)).toEqual(Object.keys(latest!.payload));
      expect(taken.payload).toMatchObject({ _id: taken.id, createdAt: taken.takenAt, _updatedAt: taken.takenAt, version: "6.5.0" });
      const [users] = await sql<{ total: number; active: number; deactivated: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE u."status" = 'REGISTERED' AND u."kind" <> 'APP')::int AS active,
           count(*) FILTER (WHERE u."status" = 'DEACTIVATED')::int AS deactivated
         FROM "User" u JOIN "Identity" i ON i."userId" = u."id" AND i."vendor" = 'ROCKETCHAT' WHERE u."organizationId" = $1::uuid`,
        orgId,
      );
      expect(taken).toMatchObject({ totalUsers: users!.total, activeUsers: users!.active });
      expect(taken.payload.nonActiveUsers).toBe(users!.deactivated);
      const [messages] = await sql<{ total: number; channel: number }>(
        `SELECT sum("value")::float8 AS total, sum("value") FILTER (WHERE "roomType" = 'CHANNEL')::float8 AS channel FROM "UsageEvent"
         WHERE "organizationId" = $1::uuid AND "vendor" = 'ROCKETCHAT' AND "metric" = 'MESSAGES_SENT'`,
        orgId,
      );
      expect(taken).toMatchObject({
        totalMessages: messages!.total,
        payload: { totalMessages: messages!.total, totalChannelMessages: messages!.channel },
      });
      expect(taken.totalRooms).toBe(latest!.payload.totalRooms);

      const newest = expectNoErrors(await history({ first: 1 })).organization!.statisticsHistory;
      expect(newest.nodes[0]!.id).toBe(taken.id);
      expect(newest.totalCount).toBe(11);
      expect(Object.keys(newest.nodes[0]!.payload)).toEqual(Object.keys(latest!.payload));
      await server.store.db.prisma.workspaceStatisticsSnapshot.delete({ where: { id: taken.id } });
    });

    it("recomputes the seed's last snapshot at its time (sessions by OS, messages, workspace values)", async () => {
      const [seeded] = await sql<{ takenAt: Date; payload: Record<string, unknown> }>(
        `SELECT "takenAt", "payload" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt" DESC LIMIT 1`,
        orgId,
      );
      const live = await liveRocketChatStatistics(server.store.db.prisma, orgId, "x", seeded!.takenAt);
      const same = [
        "uniqueId",
        "installedAt",
        "wizard",
        "version",
        "totalRooms",
        "teams",
        "apps",
        "services",
        "integrations",
        "enterprise",
        "uniqueOSOfYesterday",
        "uniqueOSOfLastWeek",
        "uniqueOSOfLastMonth",
        "uniqueDevicesOfYesterday",
        "uniqueDevicesOfLastWeek",
        "uniqueDevicesOfLastMonth",
        "uniqueUsersOfYesterday",
        "uniqueUsersOfLastWeek",
        "uniqueUsersOfLastMonth",
        "deploymentFingerprintHash",
        "roomsInsideTeams",
        "livechatEnabled",
        "settings",
        "matrixFederation",
        "totalMessages",
        "totalDirectMessages",
        "totalDiscussionsMessages",
        "createdAt",
      ];
      const pick = (payload: Record<string, unknown>) => Object.fromEntries(same.map((key) => [key, payload[key]]));
      expect(pick(live)).toEqual(pick(seeded!.payload));
      expect(Object.keys(live)).toEqual(Object.keys(seeded!.payload));
      for (const key of ["uniqueOSOfLastMonth", "uniqueDevicesOfLastMonth", "uniqueUsersOfLastMonth"])
        expect((live[key] as { data: unknown[] }).data.length, key).toBeGreaterThan(0);
      // The server part is the process computing it, not the seeded server's.
      expect(live).toMatchObject({ process: { pid: process.pid }, instanceCount: 1 });
    });

    it("needs ADMIN of the organization; SUPERADMIN may name any", async () => {
      expectErrors(await server.request(TakeStatisticsSnapshotDocument, {}, tokens.member), "FORBIDDEN");
      expectErrors(await server.request(TakeStatisticsSnapshotDocument, { organizationId: orgId }, tokens.otherAdmin), "NOT_FOUND");
      expectErrors(await server.request(TakeStatisticsSnapshotDocument, { organizationId: "not-a-uuid" }, tokens.superadmin), "NOT_FOUND");
      expectErrors(
        await server.request(TakeStatisticsSnapshotDocument, { organizationId: "00000000-0000-4000-8000-000000000000" }, tokens.superadmin),
        "NOT_FOUND",
      );
      const taken = expectNoErrors(
        await server.request(TakeStatisticsSnapshotDocument, { organizationId: otherOrgId }, tokens.superadmin),
      ).takeStatisticsSnapshot;
      const row = await server.store.db.prisma.workspaceStatisticsSnapshot.findUniqueOrThrow({ where: { id: taken.id } });
      expect(row.organizationId).toBe(otherOrgId);
      await server.store.db.prisma.workspaceStatisticsSnapshot.delete({ where: { id: taken.id } });
    });
  });

  describe("dailyActiveUsers", () => {
    const from = "2025-02-01T13:00:00.000Z";
    const to = "2025-03-04T01:00:00.000Z";

    it("gives every UTC day of the range with the distinct users, as the events say", async () => {
      const days = expectNoErrors(await server.request(DailyActiveUsersDocument, { from, to, vendor: "ROCKETCHAT" }, tokens.admin))
        .organization!.dailyActiveUsers;
      expect(days).toHaveLength(32);
      expect(days[0]).toMatchObject({ year: 2025, month: 2, day: 1 });
      expect(days.at(-1)).toMatchObject({ year: 2025, month: 3, day: 4 });
      const rows = await sql<{ day: string; userIds: string[]; vendorUserIds: string[] }>(
        `SELECT to_char(date_trunc('day', e."occurredAt", 'UTC'), 'YYYY-MM-DD') AS day,
           array_agg(DISTINCT e."userId"::text ORDER BY e."userId"::text) AS "userIds",
           array_agg(DISTINCT i."externalId" ORDER BY i."externalId") AS "vendorUserIds"
         FROM "UsageEvent" e JOIN "Identity" i ON i."userId" = e."userId" AND i."vendor" = 'ROCKETCHAT'
         WHERE e."organizationId" = $1::uuid AND e."vendor" = 'ROCKETCHAT' AND e."metric" = 'ACTIVE_USERS'
           AND e."occurredAt" >= '2025-02-01' AND e."occurredAt" < '2025-03-05'
         GROUP BY 1`,
        orgId,
      );
      const byDay = new Map(rows.map((row) => [row.day, row]));
      expect(days.some((day) => day.count === 0) || rows.length === 32).toBe(true);
      for (const day of days) {
        const key = `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
        const row = byDay.get(key);
        expect(day, key).toEqual({
          ...day,
          count: row?.userIds.length ?? 0,
          userIds: row?.userIds ?? [],
          vendorUserIds: row?.vendorUserIds ?? [],
        });
      }
      const all = expectNoErrors(await server.request(DailyActiveUsersDocument, { from, to }, tokens.admin)).organization!.dailyActiveUsers;
      const [union] = await sql<{ n: number }>(
        `SELECT count(DISTINCT "userId")::int AS n FROM "UsageEvent" WHERE "organizationId" = $1::uuid
        AND "metric" = 'ACTIVE_USERS' AND "occurredAt" >= '2025-03-03' AND "occurredAt" < '2025-03-04'`,
        orgId,
      );
      expect(all.at(-2)).toMatchObject({ day: 3, count: union!.n, vendorUserIds: null });
    });

    it("answers in one SQL statement", async () => {
      const { statements, result } = await countStatements(server.store.db.prisma, () =>
        dailyActiveUsers(server.store.db.prisma, orgId, new Date(from), new Date(to), "ROCKETCHAT"),
      );
      expect(result).toHaveLength(32);
      expect(statements).toBe(1);
    });

    it("is empty when from is on a later day than to; same-day reversed times give that day", async () => {
      const request = (variables: { from: string; to: string }) =>
        server.request(DailyActiveUsersDocument, { ...variables, vendor: "ROCKETCHAT" }, tokens.admin);
      expect(
        expectNoErrors(await request({ from: "2025-03-04T00:00:00Z", to: "2025-03-03T23:59:59Z" })).organization!.dailyActiveUsers,
      ).toEqual([]);
      expect(
        expectNoErrors(await request({ from: "2025-03-03T20:00:00Z", to: "2025-03-03T01:00:00Z" })).organization!.dailyActiveUsers,
      ).toHaveLength(1);
      expect(
        expectNoErrors(await request({ from: "2015-03-06T00:00:00Z", to: "2025-03-05T00:00:00Z" })).organization!.dailyActiveUsers,
      ).toHaveLength(3_653);
    });

    it.each([
      ["more than 3660 days", { from: "2015-01-01T00:00:00Z", to: "2025-03-05T00:00:00Z" }],
      ["a date before 1970", { from: "1969-12-31T00:00:00Z", to: "1970-01-02T00:00:00Z" }],
      ["a malformed date", { from: "2025-13-01T00:00:00Z", to: "2025-03-05T00:00:00Z" }],
      ["a date that is not one", { from: "yesterday", to: "2025-03-05T00:00:00Z" }],
    ])("refuses %s as BAD_USER_INPUT", async (_, variables) => {
      const response = await server.request(DailyActiveUsersDocument, variables, tokens.admin);
      expectErrors(response, "BAD_USER_INPUT");
      expect(response.status).toBeLessThan(500);
    });

    it("needs ADMIN and stays in the tenant", async () => {
      expectErrors(await server.request(DailyActiveUsersDocument, { from, to }, tokens.member), "FORBIDDEN");
      expectErrors(await server.request(DailyActiveUsersDocument, { id: orgId, from, to }, tokens.otherAdmin), "NOT_FOUND");
      expectNoErrors(await server.request(DailyActiveUsersDocument, { id: orgId, from, to }, tokens.superadmin));
    });
  });
});
