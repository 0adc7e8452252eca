import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiToken } from "../../src/auth/api-token.js";
import { DailyActiveUsersDocument, SnapshotHistoryDocument } from "../__generated__/graphql.js";
import { expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { STORE_KINDS } from "../helpers/stores.js";

// Rocket.Chat REST contract (docs/vendors/rocketchat.md §2): documented shapes and key order, exact error
// bodies, equivalence with GraphQL and with SQL over the seed, tenancy and hostile parameters.

/** A documented example response (docs/vendors/rocketchat.md §2), stored in src/rest/rocketchat/fixtures. */
const fixture = (name: "statistics" | "statistics-list" | "active-users") =>
  JSON.parse(readFileSync(new URL(`../../src/rest/rocketchat/fixtures/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;

/** Same keys in the same order, same JSON types, recursively (arrays: every item against the example's first). */
function expectSameShape(actual: unknown, example: unknown, path = "$"): void {
  const type = (value: unknown) => (Array.isArray(value) ? "array" : value === null ? "null" : typeof value);
  expect(type(actual), path).toBe(type(example));
  if (Array.isArray(example) && Array.isArray(actual) && example.length > 0) {
    for (const [i, item] of actual.entries()) expectSameShape(item, example[0], `${path}[${i}]`);
  } else if (type(example) === "object") {
    const exampleObject = example as Record<string, unknown>;
    const actualObject = actual as Record<string, unknown>;
    // Maps keyed by data (languages, custom OAuth providers) are compared by value type only.
    if (path.endsWith(".userLanguages") || path.endsWith(".custom")) return;
    expect(Object.keys(actualObject), path).toEqual(Object.keys(exampleObject));
    for (const key of Object.keys(exampleObject)) expectSameShape(actualObject[key], exampleObject[key], `${path}.${key}`);
  }
}

const UNAUTHORIZED = {
  success: false,
  error: "You must be logged in to do this.",
  status: "error",
  message: "You must be logged in to do this.",
};
const NOT_ALLOWED = { success: false, error: "error-not-allowed" };
const NO_PERMISSION = { success: false, error: "User does not have the permissions required for this action [error-unauthorized]" };
const invalidJson = (name: string, raw: string) => ({
  success: false,
  error: `Invalid ${name} parameter provided: "${raw}" [error-invalid-${name}]`,
  errorType: `error-invalid-${name}`,
  details: { helperMethod: "parseJsonQuery" },
});
const invalidParams = (error: string) => ({ success: false, errorType: "error-invalid-params", error });

interface Credentials {
  readonly userId: string;
  readonly token: string;
}

describe.each(STORE_KINDS)("Rocket.Chat REST adapter on %s", (kind) => {
  let server: GraphQLTestServer;
  const who = {} as Record<"admin" | "member" | "otherAdmin" | "noRocketChatAdmin", Credentials>;
  let adminJwt = "";
  const org = { own: "", other: "", noRocketChat: "" };
  const sql = <T = Record<string, unknown>>(text: string, ...params: unknown[]) =>
    server.store.db.prisma.$queryRawUnsafe<T[]>(text, ...params);

  async function get(path: string, credentials?: Credentials | Record<string, string>, init: RequestInit = {}) {
    const headers =
      credentials && "token" in credentials ? { "X-User-Id": credentials.userId, "X-Auth-Token": credentials.token } : (credentials ?? {});
    const response = await fetch(`${server.url}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
    };
  }
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    const prisma = server.store.db.prisma;
    const credentials = async (email: string) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      return { userId: user.id, token: (await issueApiToken(prisma, user, { name: "rest test" })).token };
    };
    org.own = (await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } })).id;
    org.other = (await prisma.organization.findUniqueOrThrow({ where: { slug: "kestrel" } })).id;
    org.noRocketChat = (await prisma.organization.findUniqueOrThrow({ where: { slug: "bergwerk" } })).id;
    const member = await prisma.user.findFirstOrThrow({
      where: { organizationId: org.own, role: "MEMBER", status: "REGISTERED" },
      orderBy: { email: "asc" },
    });
    who.admin = await credentials("admin@nordhafen.test");
    who.member = await credentials(member.email);
    who.otherAdmin = await credentials("admin@kestrel.test");
    who.noRocketChatAdmin = await credentials("admin@bergwerk.test");
    adminJwt = await server.tokenFor("admin@nordhafen.test");
  });
  afterAll(() => server?.close());

  describe("GET /api/v1/statistics", () => {
    it("returns the latest snapshot in the documented shape, success last, equal to GraphQL", async () => {
      const response = await get("/api/v1/statistics", who.admin);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expectSameShape(response.body, fixture("statistics"));
      expect(Object.keys(response.body).at(-1)).toBe("success");
      expect(response.body.success).toBe(true);
      const latest = expectNoErrors(await server.request(SnapshotHistoryDocument, { first: 1 }, adminJwt)).organization!.statisticsHistory
        .nodes[0]!;
      expect(response.text).toBe(JSON.stringify({ ...latest.payload, success: true }));
      const [row] = await sql<{ id: string; totalUsers: number; takenAt: Date }>(
        `SELECT "id", "totalUsers", "takenAt" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt" DESC LIMIT 1`,
        org.own,
      );
      expect(response.body).toMatchObject({
        _id: row!.id,
        totalUsers: row!.totalUsers,
        createdAt: row!.takenAt.toISOString(),
        version: "6.5.0",
      });
      const [source] = await sql<{ externalId: string }>(
        `SELECT "externalId" FROM "Source" WHERE "organizationId" = $1::uuid AND "vendor" = 'ROCKETCHAT'`,
        org.own,
      );
      expect(response.body.uniqueId).toBe(source!.externalId);
    });

    it("serves the SUPERADMIN its own organization only (the API has no organization parameter)", async () => {
      const superadmin = await server.store.db.prisma.user.findUniqueOrThrow({ where: { email: "superadmin@demo.test" } });
      const credentials = {
        userId: superadmin.id,
        token: (await issueApiToken(server.store.db.prisma, superadmin, { name: "rest test" })).token,
      };
      const list = await get("/api/v1/statistics.list?count=0", credentials);
      const stored = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt"`,
        superadmin.organizationId,
      );
      expect((list.body.statistics as { _id: string }[]).map((item) => item._id)).toEqual(stored.map((row) => row.id));
    });

    it("accepts a JWT of the same user as X-Auth-Token; other refresh values behave as false", async () => {
      const viaJwt = await get("/api/v1/statistics", { userId: who.admin.userId, token: adminJwt });
      const [latest] = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt" DESC LIMIT 1`,
        org.own,
      );
      expect(viaJwt).toMatchObject({ status: 200, body: { _id: latest!.id } });
      for (const refresh of ["1", "TRUE", "yes", ""])
        expect((await get(`/api/v1/statistics?refresh=${refresh}`, who.admin)).body._id).toBe(latest!.id);
    });

    it("refresh=true computes, stores and returns a new snapshot that statistics.list then shows", async () => {
      const before = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid`,
        org.own,
      );
      const response = await get("/api/v1/statistics?refresh=true", who.admin);
      expect(response.status).toBe(200);
      expectSameShape(response.body, fixture("statistics"));
      const id = response.body._id as string;
      expect(id).toMatch(/^[23456789A-HJ-NP-Za-km-z]{17}$/);
      const [users] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Identity" WHERE "organizationId" = $1::uuid AND "vendor" = 'ROCKETCHAT'`,
        org.own,
      );
      expect(response.body.totalUsers).toBe(users!.n);
      const list = await get(`/api/v1/statistics.list?${q({ sort: '{"createdAt":-1}', count: "1" })}`, who.admin);
      expect(list.body).toMatchObject({ statistics: [{ _id: id }], total: before[0]!.n + 1 });
      expect((await get("/api/v1/statistics", who.admin)).body._id).toBe(id);
      await server.store.db.prisma.workspaceStatisticsSnapshot.delete({ where: { id } });
    });

    it("computes a first snapshot when the workspace has none (defaults without a Rocket.Chat source)", async () => {
      const response = await get("/api/v1/statistics", who.noRocketChatAdmin);
      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(Object.keys(fixture("statistics")));
      expect(response.body).toMatchObject({
        uniqueId: org.noRocketChat,
        totalUsers: 0,
        totalRooms: 0,
        version: "8.8.1",
        apps: { engineVersion: "", totalInstalled: 0, totalActive: 0, totalFailed: 0 },
        enterprise: { modules: [], tags: [], seatRequests: 0 },
      });
      const stored = await server.store.db.prisma.workspaceStatisticsSnapshot.findMany({ where: { organizationId: org.noRocketChat } });
      expect(stored.map((row) => row.id)).toEqual([response.body._id]);
      await server.store.db.prisma.workspaceStatisticsSnapshot.deleteMany({ where: { organizationId: org.noRocketChat } });
    });
  });

  describe("GET /api/v1/statistics.list", () => {
    it("serves the documented projected example request", async () => {
      const fields = '{"totalUsers":1,"activeUsers":1,"totalMessages":1,"createdAt":1}';
      const response = await get(`/api/v1/statistics.list?count=2&${q({ sort: '{"createdAt":-1}', fields })}`, who.admin);
      expect(response.status).toBe(200);
      expectSameShape(response.body, fixture("statistics-list"));
      const rows = await sql<{ id: string; totalUsers: number; activeUsers: number; totalMessages: number; takenAt: Date }>(
        `SELECT "id", "totalUsers", "activeUsers", "totalMessages", "takenAt" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt" DESC`,
        org.own,
      );
      expect(response.body).toEqual({
        statistics: rows.slice(0, 2).map((row) => ({
          _id: row.id,
          totalUsers: row.totalUsers,
          activeUsers: row.activeUsers,
          totalMessages: row.totalMessages,
          createdAt: row.takenAt.toISOString(),
        })),
        count: 2,
        offset: 0,
        total: rows.length,
        success: true,
      });
    });

    it("defaults to insertion order and count 50, pages by offset, 0 = all, equal to GraphQL", async () => {
      const all = await get("/api/v1/statistics.list", who.admin);
      const graphql = expectNoErrors(await server.request(SnapshotHistoryDocument, { first: 100, oldestFirst: true }, adminJwt))
        .organization!.statisticsHistory;
      expect(all.body.statistics).toEqual(graphql.nodes.map((node) => node.payload));
      expect(all.body).toMatchObject({ count: 10, offset: 0, total: 10 });
      expect(Object.keys(all.body)).toEqual(["statistics", "count", "offset", "total", "success"]);
      const page = await get("/api/v1/statistics.list?offset=8&count=0", who.admin);
      expect(page.body).toMatchObject({ count: 2, offset: 8, total: 10, statistics: graphql.nodes.slice(8).map((node) => node.payload) });
      const beyond = await get("/api/v1/statistics.list?offset=5000000", who.admin);
      expect(beyond.body).toEqual({ statistics: [], count: 0, offset: 5_000_000, total: 10, success: true });
    });

    it("clamps count to 100", async () => {
      const prisma = server.store.db.prisma;
      const base = Date.UTC(2025, 0, 1);
      await prisma.workspaceStatisticsSnapshot.createMany({
        data: Array.from({ length: 120 }, (_, i) => ({
          id: `clampTest${String(i).padStart(8, "0")}`,
          organizationId: org.noRocketChat,
          vendor: "ROCKETCHAT" as const,
          takenAt: new Date(base + i * 60_000),
          totalUsers: i,
          activeUsers: 0,
          onlineUsers: 0,
          totalRooms: 0,
          totalMessages: 0,
          payload: { _id: `clampTest${String(i).padStart(8, "0")}`, totalUsers: i },
        })),
      });
      try {
        const clamped = await get("/api/v1/statistics.list?count=1000", who.noRocketChatAdmin);
        expect(clamped.body).toMatchObject({ count: 100, offset: 0, total: 120 });
        expect((await get("/api/v1/statistics.list?count=0", who.noRocketChatAdmin)).body).toMatchObject({ count: 120, total: 120 });
        expect((await get("/api/v1/statistics.list", who.noRocketChatAdmin)).body).toMatchObject({ count: 50 });
        const sorted = await get(
          `/api/v1/statistics.list?${q({ sort: '{"totalUsers":-1}', count: "3", fields: '{"totalUsers":1,"_id":0}' })}`,
          who.noRocketChatAdmin,
        );
        expect(sorted.body.statistics).toEqual([{ totalUsers: 119 }, { totalUsers: 118 }, { totalUsers: 117 }]);
      } finally {
        await prisma.workspaceStatisticsSnapshot.deleteMany({ where: { organizationId: org.noRocketChat } });
      }
    });

    it("filters with query ($regex, $or, dotted equality) and projects with fields like GraphQL", async () => {
      const rows = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid
        AND "takenAt" >= '2025-03-02' ORDER BY "takenAt"`,
        org.own,
      );
      const byRegex = await get(
        `/api/v1/statistics.list?${q({ query: '{"createdAt":{"$regex":"^2025-03-0[2-9]"}}', fields: '{"_id":1}' })}`,
        who.admin,
      );
      expect(byRegex.body).toEqual({
        statistics: rows.map((row) => ({ _id: row.id })),
        count: rows.length,
        offset: 0,
        total: rows.length,
        success: true,
      });
      const query = JSON.stringify({ $or: [{ _id: rows[0]!.id }, { "services.ldap.enabled": true }], version: "6.5.0" });
      const byOr = await get(
        `/api/v1/statistics.list?${q({ query, fields: '{"services.ldap.enabled":1,"uniqueOSOfLastMonth.data.name":1}' })}`,
        who.admin,
      );
      expect(byOr.body.total).toBe(1);
      const item = (byOr.body.statistics as Record<string, unknown>[])[0]!;
      expect(Object.keys(item)).toEqual(["_id", "uniqueOSOfLastMonth", "services"]);
      expect(item.services).toEqual({ ldap: { enabled: false } });
      for (const os of (item.uniqueOSOfLastMonth as { data: object[] }).data) expect(Object.keys(os)).toEqual(["name"]);
      const excluded = await get(
        `/api/v1/statistics.list?${q({ fields: '{"services":0,"uniqueOSOfLastMonth":0,"_id":0}', count: "1" })}`,
        who.admin,
      );
      const keys = Object.keys((excluded.body.statistics as object[])[0]!);
      expect(keys).not.toContain("services");
      expect(keys).not.toContain("_id");
      expect(keys).toContain("uniqueOSOfLastWeek");
    });

    it.each<[string, Record<string, string>, unknown]>([
      ["sort that is not JSON", { sort: "{createdAt:1" }, invalidJson("sort", "{createdAt:1")],
      ["sort with direction 2", { sort: '{"createdAt":2}' }, invalidJson("sort", '{"createdAt":2}')],
      ["sort that is an array", { sort: "[1]" }, invalidJson("sort", "[1]")],
      ["sort on an operator", { sort: '{"$natural":1}' }, invalidJson("sort", '{"$natural":1}')],
      ["fields that are not JSON", { fields: "totalUsers" }, invalidJson("fields", "totalUsers")],
      ["fields with a value of 2", { fields: '{"totalUsers":2}' }, invalidJson("fields", '{"totalUsers":2}')],
      [
        "fields mixing inclusion and exclusion",
        { fields: '{"totalUsers":1,"version":0}' },
        invalidJson("fields", '{"totalUsers":1,"version":0}'),
      ],
      ["query that is not JSON", { query: '{"a":' }, invalidJson("query", '{"a":')],
      ["query with $where", { query: '{"$where":"sleep(1000)"}' }, invalidJson("query", '{"$where":"sleep(1000)"}')],
      [
        "query with $function",
        { query: '{"totalUsers":{"$function":{"body":"x","args":[],"lang":"js"}}}' },
        invalidJson("query", '{"totalUsers":{"$function":{"body":"x","args":[],"lang":"js"}}}'),
      ],
      ["query with $expr", { query: '{"$expr":{"$gt":["$totalUsers",0]}}' }, invalidJson("query", '{"$expr":{"$gt":["$totalUsers",0]}}')],
      ["query with $accumulator", { query: '{"$or":[{"$accumulator":{}}]}' }, invalidJson("query", '{"$or":[{"$accumulator":{}}]}')],
      ["query with $ne", { query: '{"totalUsers":{"$ne":1}}' }, invalidJson("query", '{"totalUsers":{"$ne":1}}')],
      [
        "query with a too long $regex",
        { query: `{"version":{"$regex":"${"a".repeat(300)}"}}` },
        invalidJson("query", `{"version":{"$regex":"${"a".repeat(300)}"}}`),
      ],
      ["query with an invalid $regex", { query: '{"version":{"$regex":"(["}}' }, invalidJson("query", '{"version":{"$regex":"(["}}')],
      [
        "query with a deeply nested value",
        { query: `{"a":${"[".repeat(2000)}${"]".repeat(2000)}}` },
        invalidJson("query", `{"a":${"[".repeat(2000)}${"]".repeat(2000)}}`),
      ],
      [
        "a negative offset (MongoDB's answer)",
        { offset: "-1" },
        { success: false, error: "BSON field 'skip' value must be >= 0, actual value '-1'" },
      ],
      ["a count that is not a number", { count: "all" }, invalidParams("must be number")],
      ["an unknown parameter", { counts: "1" }, invalidParams("must NOT have additional properties")],
    ])("answers %s with the exact 400 body", async (_, params, body) => {
      const response = await get(`/api/v1/statistics.list?${q(params)}`, who.admin);
      expect(response.status).toBe(400);
      expect(response.text).toBe(JSON.stringify(body));
    });

    it("checks offset and count before sort, fields and query, and sort before query", async () => {
      expect((await get(`/api/v1/statistics.list?${q({ query: "x", sort: "y", count: "many" })}`, who.admin)).body).toEqual(
        invalidParams("must be number"),
      );
      expect((await get(`/api/v1/statistics.list?${q({ query: "x", sort: "y", count: "-1" })}`, who.admin)).body).toEqual(
        invalidJson("sort", "y"),
      );
      expect((await get(`/api/v1/statistics.list?${q({ query: "x", sort: "y" })}`, who.admin)).body).toEqual(invalidJson("sort", "y"));
      expect((await get("/api/v1/statistics.list?offset=1&offset=2", who.admin)).body).toEqual(invalidParams("must be number"));
    });

    it("reads count and offset leniently, as getPaginationItems and MongoDB do", async () => {
      const page = async (params: Record<string, string>) => {
        const { status, body } = await get(`/api/v1/statistics.list?${q(params)}`, who.admin);
        expect(status, JSON.stringify(params)).toBe(200);
        return { count: body.count, offset: body.offset };
      };
      expect(await page({ count: "1.5", offset: "1.9" })).toEqual({ count: 1, offset: 1 });
      expect(await page({ count: "-2" })).toEqual({ count: 2, offset: 0 });
      expect(await page({ count: "", offset: "" })).toEqual({ count: 10, offset: 0 });
      expect(await page({ count: "0.5", offset: "8" })).toEqual({ count: 2, offset: 8 });
      expect(await page({ count: "1e0", offset: "1".repeat(40) })).toEqual({ count: 1, offset: 1 });
      expect(await page({ count: "0x2", offset: "-0.5" })).toEqual({ count: 2, offset: 0 });
    });

    it("never shows another organization's snapshots", async () => {
      const other = await get("/api/v1/statistics.list?count=0", who.otherAdmin);
      const otherIds = (other.body.statistics as { _id: string }[]).map((item) => item._id);
      const stored = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid ORDER BY "takenAt"`,
        org.other,
      );
      expect(otherIds).toEqual(stored.map((row) => row.id));
      const [own] = await sql<{ id: string }>(
        `SELECT "id" FROM "WorkspaceStatisticsSnapshot" WHERE "organizationId" = $1::uuid LIMIT 1`,
        org.own,
      );
      const probe = await get(`/api/v1/statistics.list?${q({ query: JSON.stringify({ _id: own!.id }) })}`, who.otherAdmin);
      expect(probe.body).toEqual({ statistics: [], count: 0, offset: 0, total: 0, success: true });
      const latest = await get("/api/v1/statistics", who.otherAdmin);
      expect(latest.body._id).toBe(stored.at(-1)!.id);
    });
  });

  describe("GET /api/v1/engagement-dashboard/users/active-users", () => {
    const path = "/api/v1/engagement-dashboard/users/active-users";
    const window = { start: "2025-02-20T10:00:00.000Z", end: "2025-03-04T09:00:00.000Z" };

    it("gives the days with active users, newest first, in the documented shape, equal to GraphQL and the events", async () => {
      const response = await get(`${path}?${q(window)}`, who.admin);
      expect(response.status).toBe(200);
      expectSameShape(response.body, fixture("active-users"));
      const month = response.body.month as { usersList: string[]; users: number; day: number; month: number; year: number }[];
      const days = expectNoErrors(
        await server.request(DailyActiveUsersDocument, { from: window.start, to: window.end, vendor: "ROCKETCHAT" }, adminJwt),
      ).organization!.dailyActiveUsers;
      expect(month).toEqual(
        days
          .filter((day) => day.count > 0)
          .reverse()
          .map((day) => ({ usersList: day.vendorUserIds, users: day.count, day: day.day, month: day.month, year: day.year })),
      );
      const rows = await sql<{ day: string; ids: string[] }>(
        `SELECT to_char(date_trunc('day', e."occurredAt", 'UTC'), 'FMDD.FMMM.YYYY') AS day, array_agg(DISTINCT i."externalId" ORDER BY i."externalId") AS ids
         FROM "UsageEvent" e JOIN "Identity" i ON i."userId" = e."userId" AND i."vendor" = 'ROCKETCHAT'
         WHERE e."organizationId" = $1::uuid AND e."vendor" = 'ROCKETCHAT' AND e."metric" = 'ACTIVE_USERS'
           AND e."occurredAt" >= '2025-02-20' AND e."occurredAt" < '2025-03-05'
         GROUP BY date_trunc('day', e."occurredAt", 'UTC') ORDER BY date_trunc('day', e."occurredAt", 'UTC') DESC`,
        org.own,
      );
      expect(month.map((entry) => `${entry.day}.${entry.month}.${entry.year}`)).toEqual(rows.map((row) => row.day));
      expect(month.map((entry) => entry.usersList)).toEqual(rows.map((row) => row.ids));
      for (const entry of month) expect(entry.usersList.every((id) => /^[23456789A-HJ-NP-Za-km-z]{17}$/.test(id))).toBe(true);
    });

    it("answers start after end with an empty month", async () => {
      const response = await get(`${path}?${q({ start: window.end, end: window.start })}`, who.admin);
      expect(response.status).toBe(200);
      expect(response.text).toBe('{"month":[],"success":true}');
    });

    it.each([
      ["missing start", { end: window.end }, "Match error: Missing key 'start'"],
      ["missing end", { start: window.start }, "Match error: Missing key 'end'"],
      ["both missing", {}, "Match error: Missing key 'start'"],
      [
        "start without milliseconds",
        { start: "2025-02-20T10:00:00Z", end: window.end },
        "Match error: Failed Match.Where validation in field start",
      ],
      ["start as a date only", { start: "2025-02-20", end: window.end }, "Match error: Failed Match.Where validation in field start"],
      [
        "start with an offset",
        { start: "2025-02-20T10:00:00.000+01:00", end: window.end },
        "Match error: Failed Match.Where validation in field start",
      ],
      [
        "an impossible start",
        { start: "2025-02-30T10:00:00.000Z", end: window.end },
        "Match error: Failed Match.Where validation in field start",
      ],
      ["end that is not a date", { start: window.start, end: "yesterday" }, "Match error: Failed Match.Where validation in field end"],
      [
        "start repeated",
        { start: [window.start, window.start], end: window.end },
        "Match error: Failed Match.Where validation in field start",
      ],
    ])("answers %s with the exact Match error", async (_, params, error) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) for (const item of [value].flat()) search.append(key, item);
      const response = await get(`${path}?${search.toString()}`, who.admin);
      expect(response.status).toBe(400);
      expect(response.text).toBe(JSON.stringify({ success: false, error }));
    });

    it("clips dates before 1970 (nothing is stored there)", async () => {
      expect((await get(`${path}?${q({ start: "1960-01-01T00:00:00.000Z", end: "1969-12-31T23:59:59.999Z" })}`, who.admin)).text).toBe(
        '{"month":[],"success":true}',
      );
      const clipped = await get(`${path}?${q({ start: "1965-01-01T00:00:00.000Z", end: "1970-01-02T00:00:00.000Z" })}`, who.admin);
      expect(clipped).toMatchObject({ status: 200, body: { month: [], success: true } });
    });

    it("refuses a range over ten years with 400, never 500", async () => {
      const response = await get(`${path}?${q({ start: "2000-01-01T00:00:00.000Z", end: "2025-01-01T00:00:00.000Z" })}`, who.admin);
      expect(response.status).toBe(400);
      expect(response.body.success).toBe(false);
    });
  });

  describe("auth, permissions and routing", () => {
    const paths = [
      "/api/v1/statistics",
      "/api/v1/statistics.list",
      "/api/v1/engagement-dashboard/users/active-users?start=2025-03-01T00:00:00.000Z&end=2025-03-02T00:00:00.000Z",
    ];

    it.each(paths)("%s: 401 with the exact body without valid credentials of one user", async (path) => {
      const cases: Record<string, string>[] = [
        {},
        { "X-User-Id": who.admin.userId },
        { "X-Auth-Token": who.admin.token },
        { "X-User-Id": who.admin.userId, "X-Auth-Token": "ugw_not-a-token" },
        { "X-User-Id": who.admin.userId, "X-Auth-Token": who.member.token },
        { "X-User-Id": "someone", "X-Auth-Token": who.admin.token },
        { "X-User-Id": who.admin.userId, "X-Auth-Token": "eyJhbGciOiJub25lIn0.e30." },
        { "x-user-id": who.admin.userId, "x-auth-token": `${who.admin.token}x` },
      ];
      for (const headers of cases) {
        const response = await get(path, headers);
        expect(response.status, JSON.stringify(headers)).toBe(401);
        expect(response.text).toBe(JSON.stringify(UNAUTHORIZED));
      }
    });

    it("refuses users without the permission with the documented bodies (engagement dashboard: before validating parameters)", async () => {
      for (const path of [
        "/api/v1/statistics",
        "/api/v1/statistics?refresh=true",
        "/api/v1/statistics.list",
        "/api/v1/statistics.list?offset=-1",
      ]) {
        const response = await get(path, who.member);
        expect(response.status, path).toBe(400);
        expect(response.text).toBe(JSON.stringify(NOT_ALLOWED));
      }
      for (const path of [paths[2]!, "/api/v1/engagement-dashboard/users/active-users"]) {
        const response = await get(path, who.member);
        expect(response.status, path).toBe(403);
        expect(response.text).toBe(JSON.stringify(NO_PERMISSION));
      }
    });

    it("answers undocumented URLs and other methods in Rocket.Chat style when its headers are present", async () => {
      for (const path of ["/api/v1/statistics/", "/api/v1/statistics.lists", "/api/v1/engagement-dashboard/users/new-users"]) {
        const response = await get(path, who.admin);
        expect(response.status, path).toBe(404);
        expect(response.body).toEqual({ status: "error", message: "API endpoint does not exist" });
      }
      const anonymous = await get("/api/v1/statistics/");
      expect(anonymous.status).toBe(404);
      expect(anonymous.body).not.toHaveProperty("message", "API endpoint does not exist"); // Tabnine's 404 without Rocket.Chat headers
      const post = await get("/api/v1/statistics", who.admin, { method: "POST" });
      expect(post.status).toBe(405);
      expect(post.headers.get("allow")).toBe("GET");
    });
  });
});
