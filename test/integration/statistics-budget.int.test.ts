import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_QUERY_TIMEOUT_MS } from "../../src/statistics/snapshot-history.service.js";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { restRequest, rocketChatHeaders } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

/**
 * A filtered Rocket.Chat statistics page runs under its own statement budget on PostgreSQL (2 s,
 * well below the store's 15 s statement timeout), and a page cut off by it is the vendor's
 * error-invalid-query, not a 500. The statement is held past its budget by a lock another session
 * takes on the snapshots table: the filter itself is an allowed one.
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))("statistics filter budget on postgres", () => {
  let server: GraphQLTestServer;
  let rocketChat: Record<string, string>;
  let locker: pg.Client;

  beforeAll(async () => {
    server = await startGraphQLTestServer("postgres");
    rocketChat = await rocketChatHeaders(server.store.db.prisma, "admin@nordhafen.test");
    locker = new pg.Client({ connectionString: server.store.url });
    await locker.connect();
  }, 120_000);
  afterAll(async () => {
    await locker?.end();
    await server?.close();
  });

  const list = (query: object) =>
    restRequest(server.url, `/api/v1/statistics.list?count=5&query=${encodeURIComponent(JSON.stringify(query))}`, { headers: rocketChat });

  it("a filtered page held past its budget answers Rocket.Chat's error-invalid-query within the budget, not the store's timeout", async () => {
    // Each query once: a repeated one would be answered from the operation cache without running.
    expect((await list({ version: { $regex: "^\\d" } })).status).toBe(200);
    const query = { version: { $regex: "^\\d+\\." } };
    await locker.query('BEGIN; LOCK TABLE "WorkspaceStatisticsSnapshot" IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const reply = await list(query);
      const elapsed = Date.now() - started;
      expect(reply.status, reply.text.slice(0, 300)).toBe(400);
      expect(reply.body).toEqual({
        success: false,
        error: `Invalid query parameter provided: "${JSON.stringify(query)}" [error-invalid-query]`,
        errorType: "error-invalid-query",
        details: { helperMethod: "parseJsonQuery" },
      });
      expect(reply.text).not.toMatch(/statement|57014|canceling/i);
      expect(elapsed).toBeGreaterThanOrEqual(USER_QUERY_TIMEOUT_MS - 100);
      expect(elapsed).toBeLessThan(USER_QUERY_TIMEOUT_MS + 3_000);
    } finally {
      await locker.query("ROLLBACK");
    }
    expect((await list({ version: { $regex: "^\\d+\\.\\d" } })).status).toBe(200);
  });
});
