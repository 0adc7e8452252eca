import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { expectReply, restRequest, rocketChatHeaders } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

const TABNINE_400 = { error: "BAD_REQUEST", message: "Invalid or missing parameters.", status: 400 };
const TABNINE_404 = { error: "NOT_FOUND", message: "Resource not found.", status: 404 };

// Input PostgreSQL cannot store (NUL characters) and URLs that are not valid percent-encoding
// must get the vendor's documented error, never a 500 from the database or the router.
describe.each(STORE_KINDS)("hostile input on every surface (%s)", (kind) => {
  let server: GraphQLTestServer;
  let admin: string;
  let rocketChat: Record<string, string>;
  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    admin = await server.tokenFor("admin@nordhafen.test");
    rocketChat = await rocketChatHeaders(server.store.db.prisma, "admin@nordhafen.test");
  }, 120_000);
  afterAll(() => server?.close());
  const get = (path: string, headers: Record<string, string> = {}) =>
    restRequest(server.url, path, { token: headers["X-User-Id"] ? undefined : admin, headers });

  it("NUL characters in Tabnine path and query parameters: 404 and 400 bodies", async () => {
    expectReply(await get("/api/v1/user/%00"), 404, TABNINE_404, "path");
    expectReply(await get("/api/v1/instance/permissions?role=%00"), 400, TABNINE_400, "query");
    expectReply(
      await get("/api/v1/user/usage?organizationId=x&userId=%00&from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&granularity=all"),
      400,
      TABNINE_400,
      "usage",
    );
  });

  it("NUL characters in Teamwire parameters: 400 {}", async () => {
    expectReply(await get("/v1/admin/stats/device/os/?os=%00"), 400, {});
  });

  it("NUL characters in Rocket.Chat parameters are refused without a 500", async () => {
    const response = await get(`/api/v1/statistics.list?query=${encodeURIComponent('{"version":"\\u0000"}')}`, rocketChat);
    expect(response.status, response.text).toBe(400);
    expect(response.body).toMatchObject({ success: false });
    const dates = await get("/api/v1/engagement-dashboard/users/active-users?start=%00&end=2025-01-01T00:00:00.000Z", rocketChat);
    expect(dates.status, dates.text).toBe(400);
    // As Rocket.Chat's validator words them where it refuses them too (docs/vendors/rocketchat.md, "Request handling").
    const invalid = (error: string) => ({ success: false, errorType: "error-invalid-params", error });
    expect((await get("/api/v1/statistics.list?count=%00", rocketChat)).text).toBe(JSON.stringify(invalid("must be number")));
    expect((await get("/api/v1/statistics.list?a%00=1", rocketChat)).text).toBe(
      JSON.stringify(invalid("must NOT have additional properties")),
    );
    expect((await get("/api/v1/statistics?refresh=%00", rocketChat)).text).toBe(JSON.stringify(invalid("must not contain NUL characters")));
  });

  it("malformed percent-encoding in a path segment: the vendor's 404", async () => {
    expectReply(await get("/v1/admin/stats/active_users/%ZZ/?year=2025"), 404, {});
    expectReply(await get("/api/v1/team/%ZZ"), 404, TABNINE_404);
  });

  it("NUL characters in GraphQL variables or literals: 400 BAD_USER_INPUT", async () => {
    for (const body of [
      { query: "query($os: String) { organization { deviceStats(discriminator: OS, os: $os) { total } } }", variables: { os: "a\u0000" } },
      { query: '{ organization { deviceStats(discriminator: OS, os: "a\\u0000") { total } } }' },
    ]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(response.status).toBe(400);
      expect(result.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
    }
  });
});
