import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrganizationUsageDocument, OrgUsersDocument, SnapshotHistoryDocument } from "../__generated__/graphql.js";
import { expectErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { expectReply, restRequest, rocketChatHeaders } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

const TABNINE_400 = { error: "BAD_REQUEST", message: "Invalid or missing parameters.", status: 400 };

/** A JSON object text nested `depth` levels deep (objects and arrays), written out: too deep for JSON.stringify to build. */
const nestedText = (depth: number): string => '{"$and":['.repeat(depth / 2) + '{"totalUsers":1}' + "]}".repeat(depth / 2);

// Inputs that used to reach PostgreSQL or a library and come back as 500s are bad input.
describe.each(STORE_KINDS)("bad input answered as bad input (%s)", (kind) => {
  let server: GraphQLTestServer;
  let admin: string;
  let rocketChat: Record<string, string>;
  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    admin = await server.tokenFor("admin@nordhafen.test");
    rocketChat = await rocketChatHeaders(server.store.db.prisma, "admin@nordhafen.test");
  }, 120_000);
  afterAll(() => server?.close());

  it("a cursor holding a NUL character", async () => {
    const after = Buffer.from(JSON.stringify(["a\u0000b", "x"])).toString("base64url");
    const response = await server.request(OrgUsersDocument, { after }, admin);
    expectErrors(response, "BAD_USER_INPUT");
  });

  it("a usage range starting in year 0", async () => {
    const response = await server.request(
      OrganizationUsageDocument,
      { from: "0000-01-01T00:00:00Z", to: "0000-01-03T00:00:00Z", resolution: "DAY" },
      admin,
    );
    expectErrors(response, "BAD_USER_INPUT");
    expectReply(
      await restRequest(server.url, "/api/v1/organization/usage?from=0000-01-01T00:00:00Z&to=0000-02-01T00:00:00Z&granularity=daily", {
        token: admin,
      }),
      400,
      TABNINE_400,
    );
  });

  it("a statistics filter and a Rocket.Chat query nested 5,000 deep", async () => {
    const filter = nestedText(5_000);
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
      body: `{"query":${JSON.stringify(print(SnapshotHistoryDocument))},"variables":{"filter":${filter}}}`,
    });
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBeLessThan(500);
    expect(text).toContain("BAD_USER_INPUT");
    // Brackets travel unencoded, so this query fits the URL limits: 5,000 levels in 10 KB.
    const deepQuery = `{%22totalUsers%22:${"[".repeat(4_999)}1${"]".repeat(4_999)}}`;
    const reply = await restRequest(server.url, `/api/v1/statistics.list?query=${deepQuery}`, { headers: rocketChat });
    expect(reply.status, reply.text.slice(0, 300)).toBe(400);
    expect(reply.body).toMatchObject({ success: false, errorType: "error-invalid-query" });
  });

  it("a Rocket.Chat $regex of unbounded cost is refused at once, and the store stays free", async () => {
    const query = JSON.stringify({ createdAt: { $regex: "^(.*)(.*)(.*)(.*)(.*)(.*)(.*)\\1\\2\\3\\4\\5\\6\\7$" } });
    const started = Date.now();
    const reply = await restRequest(server.url, `/api/v1/statistics.list?count=0&query=${encodeURIComponent(query)}`, {
      headers: rocketChat,
    });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.body).toMatchObject({ success: false, errorType: "error-invalid-query" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("Rocket.Chat engagement dates beyond the years PostgreSQL stores", async () => {
    const reply = await restRequest(
      server.url,
      "/api/v1/engagement-dashboard/users/active-users?start=%2B275760-01-01T00:00:00.000Z&end=%2B275760-01-02T00:00:00.000Z",
      { headers: rocketChat },
    );
    expect(reply.status, reply.text).toBe(400);
  });

  it("a persisted-query hash that does not match the query", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: "{ viewer { id } }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    expect(text).not.toContain("INTERNAL_SERVER_ERROR");
  });

  it("an operationName the document does not define", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: "{ __typename }", operationName: "X" }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(body.errors[0]!.message).toBe('Unknown operation named "X".');
    expect(body.errors[0]!.extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
  });
});
