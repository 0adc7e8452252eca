import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { restRequest, rocketChatHeaders, type RestResponse } from "../helpers/rest.js";
import { rocketChatValidators, vendorVerdict, type VendorValidator } from "../helpers/rocketchat-validators.js";
import { STORE_KINDS } from "../helpers/stores.js";

// Rocket.Chat request handling (docs/vendors/rocketchat.md, "Request handling"), judged by Rocket.Chat's own
// validators: @rocket.chat/rest-typings 8.8.1 on the query as qs parses it. The gateway must accept exactly
// what they accept and refuse the rest with the router's body and ajv's message.

const json = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** Query strings as a client sends them, valid JSON wherever a value is meant to pass. */
const STATISTICS_QUERIES = [
  "",
  "refresh=false",
  "refresh=yes",
  "refresh=",
  "refresh",
  "toString=1",
  "hasOwnProperty=1&refresh=false",
  "foo=1",
  "refresh=true&refresh=false",
  "refresh[]=true",
  "refresh[a]=true",
  "refresh=false&count=1",
  "Refresh=false",
];

const LIST_QUERIES = [
  "",
  "count=1.5",
  "count=-1",
  "count=",
  "count=%20",
  "count=1e3",
  "count=0x2",
  "count=.5",
  "count=%2B2",
  "count=Infinity",
  "offset=1.9",
  "offset=",
  "offset=0&count=0",
  "toString=1",
  `sort=${json({ createdAt: -1 })}&fields=${json({ totalUsers: 1 })}&query=${json({ version: "6.5.0" })}`,
  "sort=&fields=&query=",
  "foo=1",
  "count=abc",
  "count=NaN",
  "count=1_000",
  "count=1&count=2",
  "count[]=1",
  "count[x]=1",
  "offset=0b2x",
  "fields=a&fields=b",
  "sort[createdAt]=1",
  "query[$where]=1",
  "foo=1&count=abc",
  "fields[]=a&count=abc",
  "count=abc&sort=bad",
  "refresh=true",
];

describe.each(STORE_KINDS)("Rocket.Chat request handling on %s", (kind) => {
  let server: GraphQLTestServer;
  let admin: Record<string, string>;
  let member: Record<string, string>;
  let validators: { statistics: VendorValidator; statisticsList: VendorValidator };
  const get = (path: string, headers?: Record<string, string>) => restRequest(server.url, path, { headers });

  beforeAll(async () => {
    validators = await rocketChatValidators();
    server = await startGraphQLTestServer(kind);
    admin = await rocketChatHeaders(server.store.db.prisma, "admin@nordhafen.test");
    const user = await server.store.db.prisma.user.findFirstOrThrow({
      where: { organization: { slug: "nordhafen" }, role: "MEMBER", status: "REGISTERED" },
      orderBy: { email: "asc" },
    });
    member = await rocketChatHeaders(server.store.db.prisma, user.email);
  });
  afterAll(() => server?.close());

  function expectVerdict(response: RestResponse, verdict: ReturnType<typeof vendorVerdict>, what: string) {
    const context = `${what} → ${response.status} ${response.text.slice(0, 300)}`;
    if (verdict.ok) {
      expect(response.status, context).toBe(200);
      expect(response.headers.get("content-type"), context).toBe("application/json");
      expect(response.headers.get("cache-control"), context).toBe("no-store");
      expect(response.headers.get("pragma"), context).toBe("no-cache");
      return;
    }
    expect(response.status, context).toBe(400);
    expect(response.text, context).toBe(JSON.stringify({ success: false, errorType: "error-invalid-params", error: verdict.error }));
    expect(response.headers.get("content-type"), context).toBe("application/json");
    expect(response.headers.get("cache-control"), context).toBeNull();
  }

  it.each(STATISTICS_QUERIES)("GET /api/v1/statistics?%s: as isStatisticsProps decides", async (search) => {
    const verdict = vendorVerdict(validators.statistics, search);
    expectVerdict(await get(`/api/v1/statistics?${search}`, admin), verdict, search);
  });

  it.each(LIST_QUERIES)("GET /api/v1/statistics.list?%s: as isStatisticsListProps decides", async (search) => {
    const verdict = vendorVerdict(validators.statisticsList, search);
    expectVerdict(await get(`/api/v1/statistics.list?${search}`, admin), verdict, search);
  });

  it("the judge refuses what it should (the table holds both verdicts)", () => {
    const verdicts = LIST_QUERIES.map((search) => vendorVerdict(validators.statisticsList, search));
    expect(verdicts.filter((verdict) => verdict.ok).length).toBeGreaterThan(5);
    expect(new Set(verdicts.flatMap((verdict) => (verdict.ok ? [] : [verdict.error])))).toEqual(
      new Set(["must NOT have additional properties", "must be number", "must be string"]),
    );
  });

  it("checks credentials first, then the query, then the permission (statistics)", async () => {
    const unauthenticated = await get("/api/v1/statistics.list?foo=1");
    expect(unauthenticated.status).toBe(401);
    expect((await get("/api/v1/statistics.list?foo=1", member)).text).toBe(
      JSON.stringify({ success: false, errorType: "error-invalid-params", error: "must NOT have additional properties" }),
    );
    expect((await get("/api/v1/statistics?refresh=a&refresh=b", member)).body).toMatchObject({ errorType: "error-invalid-params" });
    // parseJsonQuery runs before getStatistics checks view-statistics; the store comes last.
    expect((await get("/api/v1/statistics.list?sort=bad", member)).body).toMatchObject({ errorType: "error-invalid-sort" });
    for (const path of ["/api/v1/statistics.list?offset=-1", "/api/v1/statistics?refresh=true"]) {
      const response = await get(path, member);
      expect(response.status, path).toBe(400);
      expect(response.text, path).toBe('{"success":false,"error":"error-not-allowed"}');
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("checks the permission before the query on the engagement dashboard (permissionsRequired, then check)", async () => {
    const response = await get("/api/v1/engagement-dashboard/users/active-users?start=x", member);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("refuses a query string past qs's limits after the credentials, with the router's body", async () => {
    const search = Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join("&");
    expect((await get(`/api/v1/statistics?${search}`)).status).toBe(401);
    const response = await get(`/api/v1/statistics?${search}`, admin);
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"success":false,"error":"Invalid query parameters"}');
    const repeated = await get(`/api/v1/statistics.list?${"count=1&".repeat(501)}`, admin);
    expect(repeated.text).toBe('{"success":false,"error":"Invalid query parameters"}');
  });
});
