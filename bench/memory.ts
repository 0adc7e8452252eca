/**
 * `npm run bench` (last part): the gateway's memory under many distinct large answers. Starts one
 * gateway over a seeded store in this process, asks for BENCH_MEMORY_ANSWERS distinct hourly usage
 * series through GraphQL (each range shifted by six hours, so no answer repeats) and a third as
 * many daily Tabnine usage answers through the REST route, and records RSS, V8 heap and the answer
 * caches' accounted bytes before, during and after. Each store is seeded beforehand and measured in
 * a fresh process of its own. Writes bench/results-memory.md.
 *   BENCH_MEMORY_STORES=pglite,postgres  the stores (pglite: the embedded store in the gateway's process, as npm start)
 *   BENCH_MEMORY_PRESET=demo      seed preset (seeded once, reused)
 *   BENCH_MEMORY_ANSWERS=600      distinct GraphQL answers
 *   BENCH_MEMORY_DAYS=14          days per hourly series
 */
import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { print } from "graphql";
import pLimit from "p-limit";
import { signAccessToken } from "../src/auth/jwt.js";
import { loadConfig } from "../src/config.js";
import type { StoreKind } from "../src/db/database.js";
import { startGateway } from "../src/gateway.js";
import { createLogger } from "../src/logger.js";
import { OrganizationUsageDocument } from "../test/__generated__/graphql.js";
import { BENCH_DIR, BENCH_END_DATE, BENCH_JWT, prepareBenchStore, BENCH_ENV } from "./store.js";

const STORES = (process.env.BENCH_MEMORY_STORES ?? "pglite,postgres").split(",") as StoreKind[];
const PRESET = process.env.BENCH_MEMORY_PRESET ?? "demo";
const ANSWERS = Number(process.env.BENCH_MEMORY_ANSWERS ?? 600);
const DAYS = Number(process.env.BENCH_MEMORY_DAYS ?? 14);
const CONCURRENCY = 4;
const LIMIT_MB = 600;
const HOUR = 3_600_000;
const MB = 1_048_576;

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

interface Sample {
  readonly phase: string;
  readonly answers: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly externalMb: number;
  readonly graphqlCacheMb: number;
  readonly restCacheMb: number;
}

async function cacheBytes(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Object.fromEntries(
    [...text.matchAll(/^answer_cache_bytes\{cache="(\w+)"\} (\d+)$/gm)].map(([, name, bytes]) => [name!, Number(bytes)]),
  );
}

/** Runs this script with `args` in a process of its own. */
function runChild(args: string[]): void {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: "inherit" });
  if (child.status !== 0) throw new Error(`bench/memory.ts ${args.join(" ")} failed`);
}

/** Measures one store in this (fresh) process and writes its section of the report to `out`. */
async function measure(store: StoreKind, out: string): Promise<void> {
  const db = await prepareBenchStore(store, PRESET);
  const config = loadConfig({ ...BENCH_ENV, PORT: "0", LOG_LEVEL: "warn", DATA_DIR: path.join(BENCH_DIR, ".tmp") });
  const gateway = await startGateway({ config, db, logger: createLogger("warn"), jwt: BENCH_JWT });
  const organization = await db.prisma.organization.findFirstOrThrow({ orderBy: { number: "asc" } });
  const admin = await db.prisma.user.findFirstOrThrow({
    where: { organizationId: organization.id, role: "ADMIN" },
    orderBy: { email: "asc" },
  });
  const token = signAccessToken({ sub: admin.id, org: admin.organizationId, role: admin.role }, BENCH_JWT, 3_600);
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const query = print(OrganizationUsageDocument);
  const end = Date.parse(`${BENCH_END_DATE}T00:00:00Z`);

  const samples: Sample[] = [];
  let answered = 0;
  let servedBytes = 0;
  let largest = 0;
  let failures = 0;
  const sample = async (phase: string) => {
    const memory = process.memoryUsage();
    const caches = await cacheBytes(gateway.url);
    samples.push({
      phase,
      answers: answered,
      rssMb: memory.rss / MB,
      heapUsedMb: memory.heapUsed / MB,
      externalMb: memory.external / MB,
      graphqlCacheMb: (caches.graphql ?? 0) / MB,
      restCacheMb: (caches.rest ?? 0) / MB,
    });
  };
  const record = async (response: Response) => {
    const text = await response.text();
    if (response.status !== 200 || text.startsWith('{"errors"')) failures++;
    servedBytes += text.length;
    largest = Math.max(largest, text.length);
    answered++;
  };

  collectGarbage();
  await sample("before (seeded gateway, idle)");
  const started = Date.now();
  const limit = pLimit(CONCURRENCY);
  const graphql = (i: number) => {
    const from = end - DAYS * 24 * HOUR - (i + 1) * 6 * HOUR;
    const variables = { from: new Date(from).toISOString(), to: new Date(from + DAYS * 24 * HOUR).toISOString(), resolution: "HOUR" };
    return fetch(`${gateway.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) }).then(record);
  };
  for (let batch = 0; batch < ANSWERS; batch += 100) {
    await Promise.all(Array.from({ length: Math.min(100, ANSWERS - batch) }, (_, k) => limit(() => graphql(batch + k))));
    await sample(`during: ${batch + Math.min(100, ANSWERS - batch)} GraphQL answers`);
  }
  const rest = (i: number) => {
    const from = new Date(end - 365 * 24 * HOUR - (i + 1) * 24 * HOUR).toISOString();
    const path = `/api/v1/organization/usage?organizationId=${organization.id}&from=${from}&to=${new Date(end).toISOString()}&granularity=daily`;
    return fetch(`${gateway.url}${path}`, { headers: { authorization: headers.authorization } }).then(record);
  };
  const restAnswers = Math.ceil(ANSWERS / 3);
  await Promise.all(Array.from({ length: restAnswers }, (_, i) => limit(() => rest(i))));
  await sample(`during: + ${restAnswers} REST answers`);
  const seconds = (Date.now() - started) / 1_000;
  collectGarbage();
  await sample("after (garbage collected)");
  await gateway.close();
  await db.close();

  const peak = Math.max(...samples.map((s) => s.rssMb));
  const rows = samples.map(
    (s) =>
      `| ${s.phase} | ${s.answers} | ${s.rssMb.toFixed(0)} | ${s.heapUsedMb.toFixed(0)} | ${s.externalMb.toFixed(0)} | ${s.graphqlCacheMb.toFixed(1)} | ${s.restCacheMb.toFixed(1)} |`,
  );
  const report = [
    `## ${store === "pglite" ? "Embedded store (PGlite)" : "PostgreSQL"}`,
    "",
    `One gateway in this process over the ${store === "pglite" ? "embedded store (also in this process)" : "PostgreSQL store"}; ` +
      `${ANSWERS} distinct GraphQL answers (organization usage, ${DAYS} days at HOUR resolution, every range shifted by six hours) ` +
      `and ${restAnswers} distinct Tabnine REST answers (a year and more of daily usage), ${CONCURRENCY} at a time, in ${seconds.toFixed(0)} s; ` +
      `${(servedBytes / MB).toFixed(0)} MB served, largest answer ${(largest / MB).toFixed(2)} MB, ${failures} failed. ` +
      `Answer cache budgets: GraphQL ${(config.graphql.responseCache.maxBytes / MB).toFixed(0)} MiB, REST ${(config.graphql.responseCache.restMaxBytes / MB).toFixed(0)} MiB (the defaults).`,
    "",
    "| phase | answers | RSS MB | heap used MB | external MB | GraphQL cache MB | REST cache MB |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Peak RSS ${peak.toFixed(0)} MB: ${peak < LIMIT_MB ? "within" : "**over**"} the ${LIMIT_MB} MB target.`,
    "",
  ].join("\n");
  await writeFile(out, report);
  process.stdout.write(report);
  if (failures > 0) process.exitCode = 1;
}

const [mode, store, out] = process.argv.slice(2);
if (mode === "--prepare") await (await prepareBenchStore(store as StoreKind, PRESET)).close();
else if (mode === "--measure") await measure(store as StoreKind, out!);
else {
  const sections: string[] = [];
  for (const kind of STORES) {
    runChild(["--prepare", kind]);
    const file = path.join(tmpdir(), `ug-bench-memory-${kind}-${process.pid}.md`);
    runChild(["--measure", kind, file]);
    sections.push(await readFile(file, "utf8"));
  }
  const title = `# Memory under distinct large answers (${PRESET} preset, ${new Date().toISOString().slice(0, 10)})\n\n`;
  await writeFile(path.join(BENCH_DIR, "results-memory.md"), title + sections.join("\n"));
}
