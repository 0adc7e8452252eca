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
import type { StoreKind } from "../src/db/database.js";
import { createGraphQLEndpoint } from "../src/graphql/mount.js";
import { createLogger } from "../src/logger.js";
import { startServer } from "../src/server.js";
import { countStatements } from "../test/helpers/statements.js";
import { SCENARIOS, dashboardRawSql, type Scenario } from "./scenarios.js";
import { BENCH_DIR as HERE, BENCH_JWT as JWT, drain, prepareBenchStore, sequentialP50 } from "./store.js";

const PRESET = process.env.BENCH_PRESET ?? "large";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const STORES = (process.env.BENCH_STORES ?? "postgres,pglite").split(",") as StoreKind[];

interface Row {
  store: StoreKind;
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statements: number;
  errors: number;
}

function load(url: string, token: string, scenario: Scenario): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/graphql`,
    method: "POST",
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
}

async function benchStore(kind: StoreKind): Promise<{ rows: Row[]; rawP50: number; idleP50: number; users: number }> {
  const db = await prepareBenchStore(kind, PRESET);
  const logger = createLogger("warn");
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "warn", DATA_DIR: path.join(HERE, ".tmp") });
  const endpoint = await createGraphQLEndpoint({ db, jwt: JWT, logger, limits: config.graphql });
  const server = await startServer({ config, db, logger, mount: endpoint.mount });
  const superadmin = await db.prisma.user.findUniqueOrThrow({ where: { email: "superadmin@demo.test" } });
  const token = signAccessToken({ sub: superadmin.id, org: superadmin.organizationId, role: superadmin.role }, JWT, 3_600);
  const rows: Row[] = [];
  const send = (scenario: Scenario) =>
    fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    }).then((response) => response.json() as Promise<{ errors?: unknown[] }>);
  // A keep-alive connection left idle past the server's timeout may be reset: retry once.
  const post = (scenario: Scenario) => send(scenario).catch(() => send(scenario));
  try {
    // Statement counts and the raw-SQL baseline are taken on an idle server, before any load.
    const statements = new Map<string, number>();
    for (const scenario of SCENARIOS) {
      const counted = await countStatements(db.prisma, () => post(scenario));
      if (counted.result.errors) throw new Error(`${scenario.name} failed: ${JSON.stringify(counted.result.errors)}`);
      statements.set(scenario.name, counted.statements);
    }
    const rawP50 = await sequentialP50(() => Promise.all(dashboardRawSql(superadmin.organizationId).map(([sql, ...params]) => db.prisma.$queryRawUnsafe(sql as string, ...params))), SECONDS);
    const dashboard = SCENARIOS.find((scenario) => scenario.name === "dashboard")!;
    const idleP50 = await sequentialP50(() => post(dashboard), SECONDS);
    for (const scenario of SCENARIOS) {
      process.stderr.write(`bench: ${kind} ${scenario.name} (${SECONDS} s, ${CONNECTIONS} connections)\n`);
      const measured = await load(server.url, token, scenario);
      rows.push({
        store: kind,
        scenario: scenario.name,
        requestsPerSecond: measured.requests.average,
        p50: measured.latency.p50,
        p99: measured.latency.p99,
        statements: statements.get(scenario.name)!,
        errors: measured.errors + measured.non2xx,
      });
      await drain(server.url, token, SCENARIOS[0]!.query);
    }
    return { rows, rawP50, idleP50, users: await db.prisma.user.count() };
  } finally {
    await server.close();
    await endpoint.stop();
    await db.close();
  }
}

const results: { rows: Row[]; rawP50: number; idleP50: number; users: number; store: StoreKind }[] = [];
for (const store of STORES) results.push({ store, ...(await benchStore(store)) });

const lines = [
  "# Benchmark results",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: preset \`${PRESET}\`, ${CONNECTIONS} concurrent clients, ${SECONDS} s per scenario,`,
  "autocannon over loopback against one gateway process on this 2-core machine. Statements: SQL statements per request, counted",
  "from Prisma query events on a single request.",
  "",
  "| store | users | scenario | req/s | p50 ms | p99 ms | SQL statements | errors |",
  "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
  ...results.flatMap(({ rows, users }) =>
    rows.map((r) => `| ${r.store} | ${users} | ${r.scenario} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.statements} | ${r.errors} |`)),
  "",
  "Dashboard against raw SQL: the same aggregations as direct SQL in one process, and the GraphQL dashboard over HTTP,",
  "each run back to back by one client (p50), so the ratio is the gateway's overhead:",
  "",
  "| store | raw SQL p50 ms | GraphQL dashboard p50 ms (one client) | ratio |",
  "| --- | ---: | ---: | ---: |",
  ...results.map(({ store, rawP50, idleP50 }) => `| ${store} | ${rawP50.toFixed(1)} | ${idleP50.toFixed(1)} | ${(idleP50 / rawP50).toFixed(2)} |`),
  "",
];
await mkdir(HERE, { recursive: true });
await writeFile(path.join(HERE, `results-${PRESET}.md`), lines.join("\n"));
process.stdout.write(lines.join("\n") + "\n");
