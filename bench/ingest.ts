/**
 * `npm run bench:ingest` (also run by `npm run bench`): sustained ingestion through POST /ingest,
 * batches of BENCH_INGEST_BATCH (1,000) new events with rollups, into a fresh store per run.
 * Writes bench/results-ingest.md. Options (environment):
 *   BENCH_STORES=postgres,pglite   which stores (PostgreSQL: database ug_bench_ingest, recreated on
 *                                  the server of BENCH_DATABASE_URL or the local one)
 *   BENCH_INGEST_SECONDS=20        duration of each run
 *   BENCH_INGEST_CLIENTS=1,4       concurrent clients, one run per value (PGlite: the first only)
 */
import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import pg from "pg";
import { signAccessToken } from "../src/auth/jwt.js";
import { loadConfig } from "../src/config.js";
import { openDatabase, type Database, type StoreKind } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrations.js";
import { startGateway } from "../src/gateway.js";
import { createLogger } from "../src/logger.js";
import { resolveSeedOptions } from "../src/seed/options.js";
import { runSeed } from "../src/seed/run.js";
import { Random } from "../src/seed/random.js";
import { BENCH_ENV } from "./store.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const DATABASE = "ug_bench_ingest";
const JWT = { secret: "bench-secret-".padEnd(48, "b"), issuer: "usage-gateway", audience: "usage-gateway" };
const STORES = (process.env.BENCH_STORES ?? "postgres,pglite").split(",") as StoreKind[];
const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 20);
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 1_000);
const CLIENTS = (process.env.BENCH_INGEST_CLIENTS ?? "1,4").split(",").map(Number);
const SEED = resolveSeedOptions("tiny", {
  organizations: 1,
  usersPerOrganization: 500,
  teamsPerOrganization: 10,
  days: 30,
  endDate: "2026-11-01",
});

// (vendor, metric, roomType) combinations an event may carry, as the connectors would send them.
const KINDS = [
  ["TEAMWIRE", "MESSAGES_SENT", "NONE"],
  ["TEAMWIRE", "ACTIVE_USERS", "NONE"],
  ["ROCKETCHAT", "MESSAGES_SENT", "CHANNEL"],
  ["ROCKETCHAT", "MESSAGES_SENT", "DIRECT"],
  ["ROCKETCHAT", "SESSION_SECONDS", "NONE"],
  ["ROCKETCHAT", "ACTIVE_USERS", "NONE"],
  ["TABNINE", "CODE_COMPLETIONS", "NONE"],
  ["TABNINE", "COMPLETION_CHARS", "NONE"],
  ["TABNINE", "ACTIVE_USERS", "NONE"],
  ["TABNINE", "CHAT_INTERACTIONS", "NONE"],
] as const;

interface Run {
  store: StoreKind;
  clients: number;
  events: number;
  seconds: number;
  p50: number;
  p99: number;
  exact: boolean;
}

async function freshStore(kind: StoreKind): Promise<Database> {
  if (kind === "pglite") return openDatabase({});
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DATABASE}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  return openDatabase({ url: url.toString(), statementTimeoutMs: 120_000 });
}

/** Batches of new events for the organization's users over the last 48 hours of history, in no particular order. */
function batchMaker(organizationId: string, userIds: string[], client: number) {
  const rnd = Random.for(1, "bench-ingest", client);
  const end = Date.parse(`${SEED.endDate}T00:00:00Z`);
  let counter = 0;
  return () =>
    JSON.stringify({
      events: Array.from({ length: BATCH }, () => {
        const [vendor, metric, roomType] = KINDS[rnd.int(0, KINDS.length - 1)]!;
        return {
          idempotencyKey: `bench:${client}:${counter++}`,
          organizationId,
          userId: userIds[rnd.int(0, userIds.length - 1)],
          vendor,
          metric,
          roomType,
          timestamp: new Date(end - rnd.int(1, 48 * 3_600) * 1_000).toISOString(),
          value: metric === "ACTIVE_USERS" ? 1 : rnd.int(1, 40),
        };
      }),
    });
}

async function rollupsExact(db: Database, organizationId: string): Promise<boolean> {
  const compare = `SELECT count(*)::int AS differing FROM (
      SELECT "grain", "scope", "scopeId", "metric", "vendor", "roomType", "bucketStart", round("value"::numeric, 6) AS v, "samples" FROM "UsageRollup" WHERE "organizationId" = $1::uuid
      EXCEPT SELECT "grain", "scope", "scopeId", "metric", "vendor", "roomType", "bucketStart", round("value"::numeric, 6), "samples" FROM rebuilt) d`;
  const [row] = await db.prisma.$queryRawUnsafe<{ differing: number }[]>(
    `WITH rebuilt AS (
       SELECT g.grain AS "grain", s.scope AS "scope", s.scope_id AS "scopeId", e."metric", e."vendor", e."roomType",
              CASE g.grain WHEN 'HOUR' THEN date_trunc('hour', e."occurredAt", 'UTC') WHEN 'DAY' THEN date_trunc('day', e."occurredAt", 'UTC')
                ELSE timestamptz '1970-01-01T00:00:00Z' END AS "bucketStart",
              sum(e."value") AS "value", CASE WHEN g.grain = 'TOTAL' THEN 0 ELSE count(*)::int END AS "samples"
       FROM "UsageEvent" e
       CROSS JOIN (VALUES ('HOUR'::"RollupGrain"), ('DAY'::"RollupGrain"), ('TOTAL'::"RollupGrain")) AS g(grain)
       CROSS JOIN LATERAL (VALUES ('ORGANIZATION'::"RollupScope", e."organizationId"), ('TEAM'::"RollupScope", e."teamId"), ('USER'::"RollupScope", e."userId")) AS s(scope, scope_id)
       WHERE e."organizationId" = $1::uuid AND s.scope_id IS NOT NULL AND (g.grain <> 'TOTAL' OR s.scope = 'ORGANIZATION')
       GROUP BY 1, 2, 3, 4, 5, 6, 7)
     ${compare}`,
    organizationId,
  );
  return row?.differing === 0;
}

interface ClientJob {
  url: string;
  token: string;
  organizationId: string;
  userIds: string[];
  client: number;
  deadline: number;
}
interface ClientResult {
  events: number;
  latencies: number[];
}

function runClient(job: ClientJob): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    // Node 20 workers ignore --import: register tsx's loader, then load this file.
    const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.once("message", (result: ClientResult | { error: string }) =>
      "error" in result ? reject(new Error(result.error)) : resolve(result),
    );
    worker.once("error", reject);
  });
}

/** One client: posts batches back to back until the deadline. */
async function clientLoop(job: ClientJob): Promise<ClientResult> {
  const next = batchMaker(job.organizationId, job.userIds, job.client);
  const latencies: number[] = [];
  let events = 0;
  while (Date.now() < job.deadline) {
    const body = next();
    const t0 = performance.now();
    const response = await fetch(`${job.url}/ingest`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${job.token}` },
      body,
    });
    const result = (await response.json()) as { inserted?: number };
    if (response.status !== 200 || result.inserted !== BATCH)
      throw new Error(`ingest failed: ${response.status} ${JSON.stringify(result).slice(0, 500)}`);
    latencies.push(performance.now() - t0);
    events += BATCH;
  }
  return { events, latencies };
}

async function benchStore(kind: StoreKind): Promise<Run[]> {
  const db = await freshStore(kind);
  const runs: Run[] = [];
  try {
    await applyMigrations(db);
    await runSeed(db.prisma, SEED);
    const admin = await db.prisma.user.findFirstOrThrow({ where: { role: "ADMIN", status: "REGISTERED" } });
    const userIds = (await db.prisma.user.findMany({ where: { organizationId: admin.organizationId }, select: { id: true } })).map(
      (u) => u.id,
    );
    const token = signAccessToken({ sub: admin.id, org: admin.organizationId, role: admin.role }, JWT, 3_600);
    const config = loadConfig({ ...BENCH_ENV, PORT: "0", LOG_LEVEL: "warn", DATA_DIR: path.join(HERE, ".tmp") });
    const logger = createLogger("warn");
    const server = await startGateway({ config, db, logger, jwt: JWT });
    try {
      for (const clients of kind === "pglite" ? CLIENTS.slice(0, 1) : CLIENTS) {
        process.stderr.write(`bench: ingest into ${kind}, ${clients} client(s), ${SECONDS} s\n`);
        const latencies: number[] = [];
        let events = 0;
        const started = performance.now();
        // Clients run in worker threads so that generating batches does not share the gateway's event loop.
        const results = await Promise.all(
          Array.from({ length: clients }, (_, c) =>
            runClient({
              url: server.url,
              token,
              organizationId: admin.organizationId,
              userIds,
              client: runs.length * 100 + c,
              deadline: Date.now() + SECONDS * 1_000,
            }),
          ),
        );
        for (const result of results) {
          events += result.events;
          latencies.push(...result.latencies);
        }
        const seconds = (performance.now() - started) / 1_000;
        latencies.sort((a, b) => a - b);
        const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
        runs.push({
          store: kind,
          clients,
          events,
          seconds,
          p50: at(0.5),
          p99: at(0.99),
          exact: await rollupsExact(db, admin.organizationId),
        });
        process.stderr.write(`bench: ${JSON.stringify(runs.at(-1))}\n`);
      }
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
  }
  return runs;
}

function report(runs: Run[]): string {
  const name = { postgres: "PostgreSQL", pglite: "PGlite" } as const;
  const lines = [
    "# Ingestion benchmark",
    "",
    `POST /ingest over loopback, batches of ${BATCH.toLocaleString("en")} new events (JSON) with hourly and daily rollups for organization, team and user,`,
    `${SECONDS} s per run, into a fresh store holding one seeded organization (${SEED.usersPerOrganization} users, ${SEED.days} days of history).`,
    `Events: random users and (vendor, metric) pairs, timestamps spread over 48 hours in no order. Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}; the clients (worker threads), the gateway and the database share it.`,
    `Generated ${new Date().toISOString().slice(0, 10)} by \`npm run bench:ingest\`.`,
    "",
    "| store | clients | events | events/s | batch p50 ms | batch p99 ms | rollups = recomputation |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...runs.map(
      (r) =>
        `| ${name[r.store]} | ${r.clients} | ${r.events.toLocaleString("en")} | ${Math.round(r.events / r.seconds).toLocaleString("en")} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.exact ? "yes" : "**no**"} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

if (isMainThread) {
  const runs: Run[] = [];
  for (const kind of STORES) runs.push(...(await benchStore(kind)));
  const markdown = report(runs);
  await writeFile(path.join(HERE, "results-ingest.md"), markdown);
  process.stdout.write(markdown);
} else {
  clientLoop(workerData as ClientJob).then(
    (result) => parentPort!.postMessage(result),
    (error: Error) => parentPort!.postMessage({ error: error.message }),
  );
}
