import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrganizationUsageDocument } from "../__generated__/graphql.js";
import { expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { expectOk, restRequest } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

/**
 * The in-process answer caches stay within their byte budgets (GRAPHQL_CACHE_MAX_BYTES,
 * REST_CACHE_MAX_BYTES) while distinct large answers keep arriving: the least recently used go,
 * and /metrics reports what each holds.
 */

const BUDGET = 1_048_576; // the smallest budget the settings allow
const DAY = 86_400_000;

async function cacheBytes(url: string): Promise<Record<string, { bytes: number; max: number }>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const sizes: Record<string, { bytes: number; max: number }> = {};
  for (const [, name, cache, value] of text.matchAll(/^(answer_cache_(?:max_)?bytes)\{cache="(\w+)"\} (\d+)$/gm)) {
    sizes[cache!] ??= { bytes: 0, max: 0 };
    sizes[cache!]![name === "answer_cache_bytes" ? "bytes" : "max"] = Number(value);
  }
  return sizes;
}

describe.each(STORE_KINDS)("answer cache memory on %s", (kind) => {
  let server: GraphQLTestServer;
  let admin: string;
  let orgId: string;

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind, {
      env: { GRAPHQL_CACHE_MAX_BYTES: String(BUDGET), REST_CACHE_MAX_BYTES: String(BUDGET) },
    });
    admin = await server.tokenFor("admin@nordhafen.test");
    orgId = (await server.store.db.prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } })).id;
  });
  afterAll(() => server?.close());

  it("GraphQL: hourly series of distinct ranges never take more than the budget; older ones are let go", async () => {
    let answered = 0;
    let largest = 0;
    for (let i = 0; i < 10; i++) {
      const from = new Date(Date.UTC(2024, 11, 1) + i * DAY);
      const variables = { from: from.toISOString(), to: new Date(from.getTime() + 14 * DAY).toISOString(), resolution: "HOUR" as const };
      const response = await server.request(OrganizationUsageDocument, variables, admin);
      const text = JSON.stringify(response.body);
      answered += text.length;
      largest = Math.max(largest, text.length);
      expect(expectNoErrors(response).organization!.usage.points).toHaveLength(14 * 24);
      const { graphql } = await cacheBytes(server.url);
      expect(graphql!.max).toBe(BUDGET);
      expect(graphql!.bytes).toBeGreaterThan(0);
      expect(graphql!.bytes).toBeLessThanOrEqual(BUDGET);
    }
    // The answers together are several times the budget, so older ones were let go.
    expect(answered).toBeGreaterThan(3 * BUDGET);
    expect((await cacheBytes(server.url)).graphql!.bytes).toBeGreaterThan(BUDGET - 2 * largest);
  });

  it("REST: daily Tabnine usage of distinct ranges never takes more than its budget", async () => {
    let answered = 0;
    for (let i = 0; i < 12; i++) {
      const from = new Date(Date.UTC(2023, 0, 1) + i * DAY).toISOString();
      const to = new Date(Date.UTC(2025, 3, 1)).toISOString();
      const response = await restRequest(
        server.url,
        `/api/v1/organization/usage?organizationId=${orgId}&from=${from}&to=${to}&granularity=daily`,
        {
          token: admin,
        },
      );
      expectOk(response);
      answered += response.text.length;
      const { rest } = await cacheBytes(server.url);
      expect(rest!.max).toBe(BUDGET);
      expect(rest!.bytes).toBeGreaterThan(0);
      expect(rest!.bytes).toBeLessThanOrEqual(BUDGET);
    }
    expect(answered).toBeGreaterThan(BUDGET);
  });
});
