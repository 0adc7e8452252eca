import http from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { startServer, type RunningServer } from "../../src/server.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: "test", PORT: "0", LOG_LEVEL: "info", ...env });
}

/** A logger writing into memory, so tests can read what would reach stdout. */
function capturedLogger(): { logger: Logger; raw: string[]; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void raw.push(line) });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** Routes standing in for the GraphQL and vendor routers that later code mounts. */
function mountTestRoutes(app: express.Express): void {
  const api = express.Router();
  api.get("/things/:id", (req, res) => {
    res.json({ id: req.params.id });
  });
  api.get("/boom", () => {
    throw new Error("kaboom: internal detail");
  });
  app.use("/test/api", api);
  app.post("/test/echo", (req, res) => {
    res.json({ received: req.body as unknown });
  });
}

/** The value of one Prometheus sample with these labels, or undefined when absent. */
function sample(metricsText: string, name: string, labels: Record<string, string>): number | undefined {
  const line = metricsText
    .split("\n")
    .find(
      (candidate) =>
        candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

/** A GET on a fresh connection (no keep-alive pool): resolves with the status or rejects with the socket error. */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

describe.each(STORE_KINDS)("HTTP server on %s", (kind) => {
  let store: TestStore;
  let running: RunningServer;
  const logs = capturedLogger();

  beforeAll(async () => {
    store = await createTestStore(kind);
    running = await startServer({ config: testConfig(), db: store.db, logger: logs.logger, mount: mountTestRoutes });
  });
  afterAll(async () => {
    await running?.close();
    await store?.dispose();
  });

  it("listens on a real port on 127.0.0.1 when PORT=0", () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.url).not.toMatch(/:0$/);
  });

  it("GET /healthz answers 200 ok without an X-Powered-By header", async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it(`GET /readyz answers 200 with store "${kind}" when migrations are applied`, async () => {
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", store: kind, migrations: "applied" });
  });

  it("GET / is a landing page linking GraphiQL, the REST docs, health and metrics (JSON for non-browsers)", async () => {
    const page = await fetch(`${running.url}/`, { headers: { accept: "text/html,*/*;q=0.8" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    for (const href of ["/graphql", "/docs", "/openapi.json", "/healthz", "/readyz", "/metrics"]) expect(html).toContain(`href="${href}"`);
    expect(html).toContain("user create --organization");
    const json = await fetch(`${running.url}/`, { headers: { accept: "application/json" } });
    expect(await json.json()).toMatchObject({
      name: "Usage Gateway",
      links: expect.arrayContaining([expect.objectContaining({ href: "/graphql" })]) as unknown,
    });
  });

  it("answers an unknown route with a JSON 404 naming method and path (no query)", async () => {
    const response = await fetch(`${running.url}/nope/here?x=1`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "NOT_FOUND", message: "No route GET /nope/here" });
    const post = await fetch(`${running.url}/healthz`, { method: "POST" });
    expect(post.status).toBe(404);
    expect(await post.json()).toEqual({ error: "NOT_FOUND", message: "No route POST /healthz" });
  });

  it("echoes a well-formed X-Request-Id and replaces a malformed or missing one with a UUID", async () => {
    const echoed = await fetch(`${running.url}/healthz`, { headers: { "X-Request-Id": "trace-42.a_B" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-42.a_B");

    for (const bad of ["has spaces in it", "../../etc/passwd", "x".repeat(129)]) {
      const replaced = await fetch(`${running.url}/healthz`, { headers: { "X-Request-Id": bad } });
      expect(replaced.headers.get("x-request-id")).toMatch(UUID);
    }
    const generated = await fetch(`${running.url}/nope`);
    expect(generated.headers.get("x-request-id")).toMatch(UUID);
  });

  it("writes one access-log line per request, without query values or credentials", async () => {
    const requestId = `log-check-${kind}`;
    const response = await fetch(`${running.url}/test/api/things/7?token=query-secret&from=2026-01-01`, {
      headers: {
        "X-Request-Id": requestId,
        Authorization: "Bearer header-secret-jwt",
        "X-Auth-Token": "header-secret-rc",
        Cookie: "session=header-secret-cookie",
      },
    });
    expect(await response.json()).toEqual({ id: "7" });

    await vi.waitFor(() => expect(logs.lines().filter((line) => line.requestId === requestId)).toHaveLength(1));
    const line = logs.lines().find((candidate) => candidate.requestId === requestId);
    expect(line).toMatchObject({
      level: "info",
      msg: "request completed",
      method: "GET",
      path: "/test/api/things/7",
      route: "/test/api/things/:id",
      status: 200,
    });
    expect(typeof line?.durationMs).toBe("number");
    const text = logs.raw.join("");
    for (const secret of ["query-secret", "header-secret-jwt", "header-secret-rc", "header-secret-cookie"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("masks an unexpected error as a 500 with the request id, and logs the original", async () => {
    const response = await fetch(`${running.url}/test/api/boom`);
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(UUID);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: "INTERNAL_SERVER_ERROR", requestId });
    expect(body).not.toContain("kaboom");

    await vi.waitFor(() => {
      const logged = logs.lines().filter((line) => line.requestId === requestId);
      expect(logged.find((line) => line.msg === "unhandled error")).toMatchObject({
        level: "error",
        err: { message: "kaboom: internal detail" },
      });
      expect(logged.find((line) => line.msg === "request failed")).toMatchObject({ status: 500, level: "error" });
    });
  });

  it("parses JSON bodies and rejects malformed or oversized ones with JSON client errors", async () => {
    const post = (body: string) =>
      fetch(`${running.url}/test/echo`, { method: "POST", headers: { "Content-Type": "application/json" }, body });

    const ok = await post(JSON.stringify({ a: 1 }));
    expect(await ok.json()).toEqual({ received: { a: 1 } });

    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: "BAD_USER_INPUT", requestId: expect.any(String) as unknown });

    const oversized = await post(JSON.stringify({ blob: "x".repeat(1_100_000) }));
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({ error: "PAYLOAD_TOO_LARGE" });
  });

  it("exposes Prometheus metrics labelled by route pattern, not by raw URL", async () => {
    await fetch(`${running.url}/healthz`);
    await fetch(`${running.url}/test/api/things/123456`);
    await fetch(`${running.url}/no/such/route/987`);
    await fetch(`${running.url}/test/api/boom`);

    const response = await fetch(`${running.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    expect(text).toContain("# TYPE http_requests_total counter");
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(sample(text, "http_requests_total", { method: "GET", route: "/healthz", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "http_requests_total", { route: "/test/api/things/:id", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "http_requests_total", { route: "unmatched", status: "404" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "http_requests_total", { route: "/test/api/boom", status: "500" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "http_request_duration_seconds_count", { route: "/healthz" })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("123456");
    expect(text).not.toContain("/no/such");
  });
});

describe.each(STORE_KINDS)("readiness failures on %s", (kind) => {
  const stores: TestStore[] = [];
  const servers: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(stores.map((store) => store.dispose().catch(() => undefined)));
  });

  it("GET /readyz answers 503 naming the migrations not applied", async () => {
    const store = await createTestStore(kind, { migrate: false });
    stores.push(store);
    const running = await startServer({ config: testConfig(), db: store.db, logger: createLogger("silent") });
    servers.push(running);
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body.status).toBe("not_ready");
    expect(body.reason).toMatch(/^\d+ migrations? not applied/);
  });

  it("GET /readyz answers 503 'database unreachable' once the store is gone, /healthz stays 200", async () => {
    const store = await createTestStore(kind);
    const running = await startServer({ config: testConfig(), db: store.db, logger: createLogger("silent") });
    servers.push(running);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    await store.dispose();

    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body).toMatchObject({ status: "not_ready", reason: expect.stringMatching(/^database unreachable/) as unknown });
    expect(JSON.stringify(body)).not.toMatch(/postgres(ql)?:\/\//);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});

describe("listening and shutdown", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore("pglite");
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it("rejects a second server on a taken port with one line naming port, host and PORT", async () => {
    const first = await startServer({ config: testConfig(), db: store.db, logger: createLogger("silent") });
    try {
      const port = Number(new URL(first.url).port);
      const second = startServer({ config: testConfig({ PORT: String(port) }), db: store.db, logger: createLogger("silent") });
      await expect(second).rejects.toThrow(new Error(`port ${port} on 127.0.0.1 is already in use (set PORT to another port)`));
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    } finally {
      await first.close();
    }
  });

  it("close() lets an in-flight request finish, refuses new connections and leaves the database open", async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const running = await startServer({
      config: testConfig(),
      db: store.db,
      logger: createLogger("silent"),
      mount: (app) =>
        app.get("/slow", async (_req, res) => {
          arrived();
          await released;
          res.json({ done: true });
        }),
    });

    const inFlight = fetch(`${running.url}/slow`);
    await requestArrived;
    let closed = false;
    const closing = running.close().then(() => (closed = true));

    await delay(100);
    expect(closed).toBe(false);
    await expect(getOnNewConnection(`${running.url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);

    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    const answered = Date.now();
    await closing; // promptly: the client's now idle keep-alive connection is closed, not waited for
    expect(Date.now() - answered).toBeLessThan(1_000);
    expect(closed).toBe(true);
    expect(running.server.listening).toBe(false);
    expect(await store.db.prisma.$queryRawUnsafe("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("close() destroys requests still running after SHUTDOWN_TIMEOUT_MS", async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const running = await startServer({
      config: testConfig({ SHUTDOWN_TIMEOUT_MS: "200" }),
      db: store.db,
      logger: createLogger("silent"),
      mount: (app) =>
        app.get("/hang", () => {
          arrived(); // never answers
        }),
    });
    const hanging = getOnNewConnection(`${running.url}/hang`);
    await requestArrived;

    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(hanging).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
