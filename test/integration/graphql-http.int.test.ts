import { serverAudits, type AuditResult } from "graphql-http";
import type { ExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphQLTestServer, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";

/**
 * GraphQL-over-HTTP conformance of /graphql, checked with graphql-http's server audits. The audits
 * send no Authorization header; they only query `__typename` and `__type`, which need no login.
 *
 * Every MUST audit is a test of its own, run with plain fetch (no extra headers). SHOULD and MAY
 * audits run too, but only their summary is logged, since they are not requirements. Known
 * differences, both deliberate in Apollo Server 5:
 * - 572B, FDE2, 7B9B: parse, validation and variable-coercion failures get 400, not 200, under
 *   `application/json` (what the spec asks for `application/graphql-response+json`).
 * - 5A70, D6D5, 6A70: GET requests without a `content-type` or an `apollo-require-preflight` /
 *   `x-apollo-operation-name` header are refused with 400 by CSRF prevention (`csrfPrevention: true`).
 */

// The audit list does not depend on the URL: build it once to name the tests, run it against the server.
const AUDITS = serverAudits({ url: "http://127.0.0.1/graphql" });
const MUST = AUDITS.filter((audit) => audit.name.startsWith("MUST"));
const OPTIONAL = AUDITS.filter((audit) => !audit.name.startsWith("MUST"));

let server: GraphQLTestServer;
let audits: Map<string, () => Promise<AuditResult>>;

beforeAll(async () => {
  server = await startGraphQLTestServer("pglite", { seed: TEST_SEED });
  audits = new Map(serverAudits({ url: `${server.url}/graphql` }).map((audit) => [audit.id, audit.fn]));
});

afterAll(async () => {
  await server?.close();
});

async function explain(result: AuditResult): Promise<string> {
  if (result.status === "ok") return "ok";
  const body = await result.response.text().catch(() => "<unreadable body>");
  return `${result.reason}\nHTTP ${result.response.status} ${result.response.headers.get("content-type")}\n${body}`;
}

describe("GraphQL over HTTP (graphql-http server audits)", () => {
  it("finds MUST audits to run", () => {
    expect(MUST.length).toBeGreaterThanOrEqual(10);
  });

  for (const audit of MUST) {
    it(`${audit.id}: ${audit.name}`, async () => {
      const result = await audits.get(audit.id)!();
      expect(result.status, await explain(result)).toBe("ok");
    });
  }

  it(`runs the ${OPTIONAL.length} SHOULD/MAY audits and reports them (never fails on them)`, async () => {
    const lines: string[] = [];
    for (const audit of OPTIONAL) {
      const result = await audits.get(audit.id)!();
      lines.push(
        `${result.status === "ok" ? "ok  " : result.status.padEnd(4)} ${audit.id} ${audit.name}${result.status === "ok" ? "" : ` — ${result.reason}`}`,
      );
    }
    const passed = lines.filter((line) => line.startsWith("ok")).length;
    console.info(`graphql-http SHOULD/MAY audits: ${passed}/${OPTIONAL.length} pass\n${lines.join("\n")}`);
  });
});

describe("what /graphql tells about itself", () => {
  it("is counted under its own route in /metrics", async () => {
    await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/graphql"[^}]*\} \d+/);
  });

  it("suggests field names only while introspection is on", async () => {
    const ask = (url: string) =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ viewr { id } }" }),
      }).then((response) => response.text());
    expect(await ask(server.url)).toContain("Did you mean");
    const closed = await startGraphQLTestServer("pglite", { seed: null, env: { GRAPHQL_INTROSPECTION: "false" } });
    try {
      const text = await ask(closed.url);
      expect(text).toContain("GRAPHQL_VALIDATION_FAILED");
      expect(text).not.toContain("Did you mean");
    } finally {
      await closed.close();
    }
  });

  it("suggests enum values and input fields in variable errors only while introspection is on", async () => {
    const query =
      'query ($r: Resolution!, $f: UserFilterInput) { organization { users(filter: $f) { totalCount } usage(from: "2025-01-01T00:00:00Z", to: "2025-01-02T00:00:00Z", resolution: $r) { resolution } } }';
    const ask = (url: string, variables: Record<string, unknown>) =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as ExecutionResult }));
    const wrongEnum = { r: "HOURS" };
    const wrongField = { r: "HOUR", f: { rols: ["ADMIN"] } };
    expect((await ask(server.url, wrongEnum)).body.errors?.[0]?.message).toMatch(/Did you mean the enum value "HOUR"\?$/);
    expect((await ask(server.url, wrongField)).body.errors?.[0]?.message).toMatch(/Did you mean "roles"\?$/);
    const closed = await startGraphQLTestServer("pglite", { seed: null, env: { GRAPHQL_INTROSPECTION: "false" } });
    try {
      for (const variables of [wrongEnum, wrongField]) {
        const { status, body } = await ask(closed.url, variables);
        expect(status).toBe(400);
        expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
        const message = body.errors?.[0]?.message;
        expect(message).toMatch(/^Variable "\$[rf]" got invalid value/);
        expect(message).not.toContain("Did you mean");
        expect(message).not.toMatch(/"HOUR"|"roles"/);
      }
    } finally {
      await closed.close();
    }
  });
});
