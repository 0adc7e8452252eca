/**
 * `npm run bench`: GraphQL latency and throughput on a seeded store, loopback only, bounded in
 * time. Writes bench/results-<preset>.md. Options (environment):
 *   BENCH_STORES=postgres,pglite   which stores (PostgreSQL from BENCH_DATABASE_URL or the local server)
 *   BENCH_PRESET=large             seed preset (medium for a quicker run); stores are seeded once and reused
 *   BENCH_SECONDS=10               duration of each scenario
 *   BENCH_CONNECTIONS=20           concurrent clients
 */
import "reflect-metadata";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { signAccessToken } from "../src/auth/jwt.js";
import { loadConfig } from "../src/config.js";
import type { Database, StoreKind } from "../src/db/database.js";
import { startGateway } from "../src/gateway.js";
import { createLogger } from "../src/logger.js";
import { countStatements } from "../test/helpers/statements.js";
import { SCENARIOS, benchEvent, dashboardFloorSql, dashboardRawSql, type Scenario } from "./scenarios.js";
import { BENCH_DIR as HERE, BENCH_JWT as JWT, drain, prepareBenchStore, sequentialP50, BENCH_ENV } from "./store.js";

const PRESET = process.env.BENCH_PRESET ?? "large";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const STORES = (process.env.BENCH_STORES ?? "postgres,pglite").split(",") as StoreKind[];

interface Row {
  store: StoreKind;
  scenario: string;
  cache: "on" | "off";
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statements: number;
  errors: number;
}

interface BenchServer {
  readonly cache: "on" | "off";
  readonly url: string;
  post(scenario: Scenario): Promise<{ errors?: unknown[] }>;
  /** POSTs events to /ingest; resolves with the HTTP status. */
  ingest(events: Record<string, unknown>[]): Promise<number>;
  close(): Promise<void>;
}

/** The dashboard under load (cache on) while one client ingests a batch into the same organization every second. */
interface MixedRun {
  dashboard: autocannon.Result;
  batches: number;
  failedBatches: number;
}

function load(url: string, token: string, scenario: Scenario): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/graphql`,
    method: "POST",
    connections: CONNECTIONS,
    duration: SECONDS,
    // The load generator in its own thread, so it does not share the gateway's event loop.
    workers: 1,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
}

/** One gateway process over `db`, with the response cache on (the default) or off. */
async function startBenchServer(db: Database, cache: "on" | "off", token: string): Promise<BenchServer> {
  const logger = createLogger("warn");
  const config = loadConfig({
    ...BENCH_ENV,
    PORT: "0",
    LOG_LEVEL: "warn",
    DATA_DIR: path.join(HERE, ".tmp"),
    ...(cache === "off" ? { GRAPHQL_CACHE_TTL_SECONDS: "0" } : {}),
  });
  const server = await startGateway({ config, db, logger, jwt: JWT });
  const send = (scenario: Scenario) =>
    fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    }).then((response) => response.json() as Promise<{ errors?: unknown[] }>);
  return {
    cache,
    url: server.url,
    // A keep-alive connection left idle past the server's timeout may be reset: retry once.
    post: (scenario) => send(scenario).catch(() => send(scenario)),
    ingest: (events) =>
      fetch(`${server.url}/ingest`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ events }),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      }),
    close: () => server.close(),
  };
}

interface StoreResult {
  rows: Row[];
  rawP50: number;
  /** One statement reading the dashboard usage's pre-aggregated rows (see dashboardFloorSql). */
  floorP50: number;
  /** Dashboard p50, one client at a time, per cache setting. */
  idleP50: Record<"on" | "off", number>;
  /** Dashboard p50 with the cache on, each request right after a one-event ingest into the organization. */
  afterWriteP50: number;
  mixed: MixedRun;
  users: number;
}

let written = 0;
const nextEvent = (organizationId: string) => benchEvent(organizationId, `bench-write-${Date.now()}-${written++}`);

/** p50 of the dashboard, each request timed right after a write that changes the organization's data version. */
async function afterWriteP50(server: BenchServer, organizationId: string, dashboard: Scenario): Promise<number> {
  const timings: number[] = [];
  const deadline = Date.now() + SECONDS * 1_000;
  while (Date.now() < deadline) {
    if ((await server.ingest([nextEvent(organizationId)])) !== 200) throw new Error("bench ingest failed");
    const started = performance.now();
    const answer = await server.post(dashboard);
    timings.push(performance.now() - started);
    if (answer.errors) throw new Error(`dashboard failed: ${JSON.stringify(answer.errors)}`);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)]!;
}

async function mixedRun(server: BenchServer, token: string, organizationId: string, dashboard: Scenario): Promise<MixedRun> {
  let batches = 0;
  let failedBatches = 0;
  let running = true;
  const writer = (async () => {
    while (running) {
      const started = Date.now();
      const status = await server.ingest(Array.from({ length: 1_000 }, () => nextEvent(organizationId))).catch(() => 0);
      batches++;
      if (status !== 200) failedBatches++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (Date.now() - started))));
    }
  })();
  const result = await load(server.url, token, dashboard);
  running = false;
  await writer;
  return { dashboard: result, batches, failedBatches };
}

async function benchStore(kind: StoreKind): Promise<StoreResult> {
  const db = await prepareBenchStore(kind, PRESET);
  const superadmin = await db.prisma.user.findUniqueOrThrow({ where: { email: "superadmin@demo.test" } });
  const token = signAccessToken({ sub: superadmin.id, org: superadmin.organizationId, role: superadmin.role }, JWT, 3_600);
  const servers = [await startBenchServer(db, "on", token), await startBenchServer(db, "off", token)];
  const rows: Row[] = [];
  const idleP50 = { on: 0, off: 0 };
  try {
    const dashboard = SCENARIOS.find((scenario) => scenario.name === "dashboard")!;
    const [floorSql, ...floorParams] = dashboardFloorSql(superadmin.organizationId);
    const floorP50 = await sequentialP50(() => db.prisma.$queryRawUnsafe(floorSql, ...floorParams), SECONDS);
    const rawP50 = await sequentialP50(
      () => Promise.all(dashboardRawSql(superadmin.organizationId).map(([sql, ...params]) => db.prisma.$queryRawUnsafe(sql, ...params))),
      SECONDS,
    );
    for (const server of servers) {
      // Statement counts and the one-client p50 on an idle server, before any load. With the
      // cache on, the counted request is the second one (a hit).
      const statements = new Map<string, number>();
      for (const scenario of SCENARIOS) {
        if (server.cache === "on") await server.post(scenario);
        const counted = await countStatements(db.prisma, () => server.post(scenario));
        if (counted.result.errors) throw new Error(`${scenario.name} failed: ${JSON.stringify(counted.result.errors)}`);
        statements.set(scenario.name, counted.statements);
      }
      idleP50[server.cache] = await sequentialP50(() => server.post(dashboard), SECONDS);
      for (const scenario of SCENARIOS) {
        process.stderr.write(`bench: ${kind} ${scenario.name}, cache ${server.cache} (${SECONDS} s, ${CONNECTIONS} connections)\n`);
        const measured = await load(server.url, token, scenario);
        rows.push({
          store: kind,
          scenario: scenario.name,
          cache: server.cache,
          requestsPerSecond: measured.requests.average,
          p50: measured.latency.p50,
          p99: measured.latency.p99,
          statements: statements.get(scenario.name)!,
          errors: measured.errors + measured.non2xx,
        });
        await drain(server.url, token, SCENARIOS[0]!.query);
      }
    }
    const cached = servers.find((server) => server.cache === "on")!;
    process.stderr.write(`bench: ${kind} dashboard right after a write (${SECONDS} s)\n`);
    const afterWrite = await afterWriteP50(cached, superadmin.organizationId, dashboard);
    process.stderr.write(`bench: ${kind} dashboard, cache on, while 1,000 events a second are ingested (${SECONDS} s)\n`);
    const mixed = await mixedRun(cached, token, superadmin.organizationId, dashboard);
    return { rows, rawP50, floorP50, idleP50, afterWriteP50: afterWrite, mixed, users: await db.prisma.user.count() };
  } finally {
    for (const server of servers) await server.close();
    await db.close();
  }
}

const results: (StoreResult & { store: StoreKind })[] = [];
for (const store of STORES) results.push({ store, ...(await benchStore(store)) });

const lines = [
  "# Benchmark results",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: preset \`${PRESET}\`, ${CONNECTIONS} concurrent clients, ${SECONDS} s per scenario,`,
  "autocannon over loopback against one gateway process on this 2-core machine, once with the response cache on (the default:",
  "after the first request every answer is a cache hit, as for a dashboard many people open) and once with it off",
  "(`GRAPHQL_CACHE_TTL_SECONDS=0`: every request runs its resolvers, as right after each write). Statements: SQL statements per",
  "request, counted from Prisma query events on a single request (with the cache on: a hit).",
  "",
  "| store | users | scenario | cache | req/s | p50 ms | p99 ms | SQL statements | errors |",
  "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ...results.flatMap(({ rows, users }) =>
    rows.map(
      (r) =>
        `| ${r.store} | ${users} | ${r.scenario} | ${r.cache} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.statements} | ${r.errors} |`,
    ),
  ),
  "",
  "The dashboard against its floor, one client, back to back (p50). Floor: one statement reading the pre-aggregated rows",
  "the dashboard's usage answer is made of (the organization's daily sums and user sets over the year, no aggregation), in the same run;",
  "raw SQL: the dashboard's aggregations as direct SQL (over the same pre-aggregated rows: sums, user sets, all-time totals); right",
  "after a write: the cache is on, and each timed request follows a one-event ingest into the organization (a cold answer).",
  "",
  "| store | floor p50 ms | raw SQL p50 ms | cache off p50 ms | ÷ floor | right after a write p50 ms | ÷ floor | cache on p50 ms | ÷ floor |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results
    .map(({ store, floorP50, rawP50, idleP50, afterWriteP50: afterWrite }) =>
      [store, floorP50, rawP50, idleP50.off, idleP50.off / floorP50, afterWrite, afterWrite / floorP50, idleP50.on, idleP50.on / floorP50]
        .map((value) => (typeof value === "number" ? value.toFixed(value >= 100 ? 0 : 1) : value))
        .join(" | "),
    )
    .map((line) => `| ${line} |`),
  "",
  `Mixed: ${CONNECTIONS} dashboard clients (cache on) while one client ingests a 1,000-event batch into the same organization every second:`,
  "",
  "| store | dashboard req/s | p50 ms | p99 ms | dashboard errors | batches | failed batches |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results.map(
    ({ store, mixed }) =>
      `| ${store} | ${mixed.dashboard.requests.average.toFixed(0)} | ${mixed.dashboard.latency.p50} | ${mixed.dashboard.latency.p99} | ${mixed.dashboard.errors + mixed.dashboard.non2xx} | ${mixed.batches} | ${mixed.failedBatches} |`,
  ),
  "",
];
await mkdir(HERE, { recursive: true });
await writeFile(path.join(HERE, `results-${PRESET}.md`), lines.join("\n"));
process.stdout.write(lines.join("\n") + "\n");
