import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase, type Database, type StoreKind } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrations.js";
import { isSeedPreset, resolveSeedOptions } from "../src/seed/options.js";
import { runSeed } from "../src/seed/run.js";

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const BENCH_JWT = { secret: "bench-secret-".padEnd(48, "b"), issuer: "usage-gateway", audience: "usage-gateway" };
/** What every bench gateway runs with besides its own settings: no per-token budget (the bench's one token would hit it; it measures throughput, not the limiter). */
export const BENCH_ENV = { RATE_LIMIT_REQUESTS_PER_MINUTE: "0" } as const;
// A fixed end date keeps the seeded store reusable across runs and days.
export const BENCH_END_DATE = "2026-11-01";

async function openBenchStore(kind: StoreKind, preset: string): Promise<Database> {
  if (kind === "pglite") return openDatabase({ dataDir: path.join(BENCH_DIR, ".tmp", `pglite-${preset}`) });
  const name = `ug_bench_${preset}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return openDatabase({ url: url.toString(), statementTimeoutMs: 120_000 });
}

/** The bench store of `kind` for `preset`: migrated, and seeded once (later runs reuse it). */
export async function prepareBenchStore(kind: StoreKind, preset: string): Promise<Database> {
  const db = await openBenchStore(kind, preset);
  await applyMigrations(db);
  if ((await db.prisma.organization.count()) === 0) {
    if (!isSeedPreset(preset)) throw new Error(`unknown preset ${preset}`);
    const started = Date.now();
    process.stderr.write(`bench: seeding ${preset} into ${db.location} (once; reused by later runs)\n`);
    await runSeed(db.prisma, resolveSeedOptions(preset, { endDate: BENCH_END_DATE }), (p) =>
      process.stderr.write(`bench: seed organization ${p.organization}/${p.organizations} ${p.phase}\n`),
    );
    process.stderr.write(`bench: seeded in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    await db.prisma.$executeRawUnsafe("ANALYZE");
  }
  return db;
}

/** p50 of running `action` back to back (one at a time) for `seconds`. */
export async function sequentialP50(action: () => Promise<unknown>, seconds: number): Promise<number> {
  const timings: number[] = [];
  const deadline = Date.now() + seconds * 1_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await action();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)]!;
}

/** Waits until requests left over from a load run have finished (a small query answers fast again). */
export async function drain(url: string, token: string, query = "{ viewer { id } }"): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const started = performance.now();
    const answered = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    }).then(
      () => true,
      () => false,
    ); // connections the load run left behind may be reset
    if (answered && performance.now() - started < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
