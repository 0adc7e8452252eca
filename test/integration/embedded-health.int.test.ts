import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";

// PGlite runs a statement synchronously from start to end. On the gateway's own thread one heavy
// statement would stall every request meanwhile (7.4 s of /healthz in issue #15); on its own thread
// (src/db/pglite-thread.ts) the event loop stays free and /healthz keeps answering at once.

const ROWS = 3_000_000;
const HEAVY_STATEMENT = `SELECT count(*)::int AS n FROM generate_series(1, ${ROWS}) AS g(i) WHERE i % 7 = 3`;
const HEALTH_WITHIN_MS = 200;

describe("the embedded store during a heavy statement", () => {
  let server: GraphQLTestServer;
  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", { seed: null });
  });
  afterAll(() => server?.close());

  it(`answers /healthz within ${HEALTH_WITHIN_MS} ms while the statement runs`, async () => {
    const started = Date.now();
    let finishedAt = 0;
    const heavy = server.store.db.prisma.$queryRawUnsafe<{ n: number }[]>(HEAVY_STATEMENT).then((rows) => {
      finishedAt = Date.now();
      return rows;
    });
    const latencies: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 100));
    while (finishedAt === 0) {
      const asked = Date.now();
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      if (finishedAt === 0) latencies.push(Date.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await heavy)[0]?.n).toBe(Math.floor((ROWS - 3) / 7) + 1);
    // The statement must really be heavy for the test to mean anything.
    expect(finishedAt - started).toBeGreaterThan(1_000);
    expect(latencies.length).toBeGreaterThan(5);
    // Nearly every answer comes at once; on a busy machine one may wait for a core, never for the statement.
    const sorted = latencies.toSorted((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(HEALTH_WITHIN_MS);
    expect(sorted.at(-1)).toBeLessThan((finishedAt - started) / 3);
  });
});
