import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphQLTestServer, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";

// OpenTelemetry (OTEL_EXPORTER_OTLP_ENDPOINT): a local OTLP/HTTP receiver gets the spans of one
// GraphQL request and one vendor REST request, and the test checks their tree: HTTP server span →
// operation → resolver → SQL statements, each request's spans in one trace with its request id.

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

function otlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (req.url === "/v1/traces" && req.headers["content-type"]?.includes("json")) {
        const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ReceivedSpan[] }[] }[] };
        for (const resource of payload.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return {
    spans,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const attribute = (span: ReceivedSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? value?.intValue;
};

describe("OpenTelemetry tracing", () => {
  const receiver = otlpReceiver();
  let server: GraphQLTestServer;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    server = await startGraphQLTestServer("pglite", {
      seed: TEST_SEED,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: "ug-test" },
    });
  });
  afterAll(async () => {
    await server?.close();
    await receiver.close();
  });

  /** The spans of the trace whose HTTP server span carries `requestId`, once the receiver has them all. */
  async function traceOf(requestId: string, expected: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
    for (let i = 0; i < 100; i++) {
      const root = receiver.spans.find((span) => attribute(span, "usage_gateway.request_id") === requestId && !span.parentSpanId);
      const spans = root ? receiver.spans.filter((span) => span.traceId === root.traceId) : [];
      if (root && expected(spans)) return spans;
      await delay(100);
    }
    throw new Error(`no complete trace for ${requestId}; received: ${receiver.spans.map((span) => span.name).join(", ")}`);
  }

  const ancestors = (spans: ReceivedSpan[], span: ReceivedSpan): string[] => {
    const names: string[] = [];
    for (
      let parent = spans.find((s) => s.spanId === span.parentSpanId);
      parent;
      parent = spans.find((s) => s.spanId === parent.parentSpanId)
    ) {
      names.push(parent.name);
    }
    return names;
  };

  it("traces a GraphQL request: HTTP → operation → resolvers → SQL, with the request id", { timeout: 30_000 }, async () => {
    const token = await server.tokenFor("admin@nordhafen.test");
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": "trace-graphql-1" },
      body: JSON.stringify({
        query:
          'query Dashboard { viewer { organization { name usage(from: "2025-03-01T00:00:00Z", to: "2025-03-05T00:00:00Z", resolution: DAY) { totals { value } } } } }',
      }),
    });
    expect(response.status).toBe(200);

    const spans = await traceOf(
      "trace-graphql-1",
      (all) => all.some((span) => span.name === "Organization.usage") && all.some((span) => span.name.startsWith("prisma:")),
    );
    const root = spans.find((span) => !span.parentSpanId)!;
    expect(root.name).toBe("POST /graphql");
    expect(attribute(root, "http.response.status_code")).toBe(200);
    const operation = spans.find((span) => span.parentSpanId === root.spanId && span.name === "query Dashboard")!;
    expect(operation).toBeDefined();
    expect(attribute(operation, "graphql.operation.name")).toBe("Dashboard");
    expect(attribute(operation, "usage_gateway.request_id")).toBe("trace-graphql-1");
    const viewer = spans.find((span) => span.name === "Query.viewer")!;
    expect(viewer.parentSpanId).toBe(operation.spanId);
    const usage = spans.find((span) => span.name === "Organization.usage")!;
    expect(attribute(usage, "graphql.field.path")).toBe("viewer.organization.usage");
    expect(usage.parentSpanId).toBe(operation.spanId);
    const statements = spans.filter((span) => span.name === "prisma:client:db_query" || attribute(span, "db.query.text") !== undefined);
    expect(statements.length).toBeGreaterThan(0);
    // Authentication runs before the operation, in the HTTP span; the rest of the SQL runs in the operation.
    for (const statement of statements) expect(ancestors(spans, statement).at(-1)).toBe("POST /graphql");
    expect(statements.filter((statement) => ancestors(spans, statement).includes("query Dashboard")).length).toBeGreaterThan(0);
    expect(statements.some((statement) => ancestors(spans, statement).includes("Organization.usage"))).toBe(true);
  });

  it("traces a vendor REST request: HTTP route → stored operation → SQL", { timeout: 30_000 }, async () => {
    const token = await server.tokenFor("admin@nordhafen.test");
    const response = await fetch(`${server.url}/api/v1/organization/teams`, {
      headers: { authorization: `Bearer ${token}`, "x-request-id": "trace-rest-1" },
    });
    expect(response.status).toBe(200);

    const spans = await traceOf(
      "trace-rest-1",
      (all) => all.some((span) => span.name.startsWith("prisma:")) && all.some((span) => span.name.startsWith("rest ")),
    );
    const root = spans.find((span) => !span.parentSpanId)!;
    expect(root.name).toBe("GET /api/v1/organization/teams");
    expect(attribute(root, "http.route")).toBe("/api/v1/organization/teams");
    const operation = spans.find((span) => span.name.startsWith("rest ") && span.parentSpanId === root.spanId)!;
    expect(operation.name).toMatch(/^rest Tabnine\w+$/);
    const sql = spans.filter((span) => attribute(span, "db.query.text") !== undefined);
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) expect(ancestors(spans, statement).at(-1)).toBe(root.name);
    expect(sql.filter((statement) => ancestors(spans, statement).includes(operation.name)).length).toBeGreaterThan(0);
  });

  it("continues the caller's trace (W3C traceparent)", { timeout: 30_000 }, async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const parentId = "00f067aa0ba902b7";
    const response = await fetch(`${server.url}/healthz`, {
      headers: { traceparent: `00-${traceId}-${parentId}-01`, "x-request-id": "trace-parent-1" },
    });
    expect(response.status).toBe(200);
    for (let i = 0; i < 100 && !receiver.spans.some((span) => attribute(span, "usage_gateway.request_id") === "trace-parent-1"); i++)
      await delay(100);
    const span = receiver.spans.find((candidate) => attribute(candidate, "usage_gateway.request_id") === "trace-parent-1");
    expect(span).toMatchObject({ traceId, parentSpanId: parentId, name: "GET /healthz" });
  });
});
