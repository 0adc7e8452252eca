/**
 * `npm run bench` (second part): the vendor REST adapters' overhead. For one endpoint per vendor,
 * the REST route against the equivalent direct GraphQL request on the same data: p50 with one
 * client (back to back) and req/s + p50 under concurrent load. Writes bench/results-rest.md.
 *   BENCH_REST_PRESET=demo   seed preset of the store (seeded once, reused)
 *   BENCH_STORES, BENCH_SECONDS, BENCH_CONNECTIONS as for bench/run.ts
 */
import "reflect-metadata";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { print } from "graphql";
import { issueApiToken } from "../src/auth/api-token.js";
import { signAccessToken } from "../src/auth/jwt.js";
import { loadConfig } from "../src/config.js";
import type { StoreKind } from "../src/db/database.js";
import { startGateway } from "../src/gateway.js";
import { createLogger } from "../src/logger.js";
import { TabnineOrganizationUsageDocument, TeamwireActiveUsersDocument } from "../src/rest/__generated__/operations.js";
import { BENCH_DIR, BENCH_JWT, drain, prepareBenchStore, sequentialP50, BENCH_ENV } from "./store.js";
import { metricsReportedBy } from "../src/usage/usage.metrics.js";

const PRESET = process.env.BENCH_REST_PRESET ?? "demo";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const STORES = (process.env.BENCH_STORES ?? "postgres,pglite").split(",") as StoreKind[];

interface Request {
  readonly path: string;
  readonly method: "GET" | "POST";
  readonly headers: Record<string, string>;
  readonly body?: string;
}
interface Pair {
  readonly vendor: string;
  readonly rest: Request;
  readonly graphql: Request;
}

function pairs(organization: { id: string; number: number }, user: { id: string }, jwt: string, apiToken: string): Pair[] {
  const bearer = { authorization: `Bearer ${jwt}` };
  const graphql = (query: string, variables: Record<string, unknown>): Request => ({
    path: "/graphql",
    method: "POST",
    headers: { ...bearer, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const from = "2026-10-01T00:00:00.000Z";
  const to = "2026-11-01T00:00:00.000Z";
  return [
    {
      vendor: "Teamwire `active_users/?year=2026&month=10`",
      rest: { path: "/v1/admin/stats/active_users/?year=2026&month=10", method: "GET", headers: bearer },
      graphql: graphql(print(TeamwireActiveUsersDocument), { number: organization.number, year: 2026, month: 10 }),
    },
    {
      vendor: "Rocket.Chat `engagement-dashboard/users/active-users` (October)",
      rest: {
        path: `/api/v1/engagement-dashboard/users/active-users?start=${from}&end=2026-10-31T23:59:59.999Z`,
        method: "GET",
        headers: { "x-user-id": user.id, "x-auth-token": apiToken },
      },
      graphql: graphql(
        "query($from: DateTimeISO!, $to: DateTimeISO!) { organization { dailyActiveUsers(from: $from, to: $to, vendor: ROCKETCHAT) { year month day count vendorUserIds } } }",
        { from, to: "2026-10-31T23:59:59.999Z" },
      ),
    },
    {
      vendor: "Tabnine `organization/usage` (October, daily)",
      rest: {
        path: `/api/v1/organization/usage?organizationId=${organization.id}&from=${from}&to=${to}&granularity=daily`,
        method: "GET",
        headers: bearer,
      },
      graphql: graphql(print(TabnineOrganizationUsageDocument), {
        from,
        to,
        resolution: "DAY",
        metrics: metricsReportedBy("TABNINE"),
      }),
    },
  ];
}

async function call(base: string, request: Request): Promise<void> {
  const response = await fetch(base + request.path, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${request.method} ${request.path}: ${response.status} ${text.slice(0, 300)}`);
}

async function load(base: string, request: Request) {
  const result = await autocannon({
    url: base + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return { rps: result.requests.average, p50: result.latency.p50, errors: result.errors + result.non2xx };
}

async function benchStore(kind: StoreKind) {
  const db = await prepareBenchStore(kind, PRESET);
  const logger = createLogger("warn");
  // Both surfaces without their answer caches (TTL 0 turns off both), so both do the same work.
  const config = loadConfig({
    ...BENCH_ENV,
    PORT: "0",
    LOG_LEVEL: "warn",
    DATA_DIR: path.join(BENCH_DIR, ".tmp"),
    GRAPHQL_CACHE_TTL_SECONDS: "0",
  });
  const server = await startGateway({ config, db, logger, jwt: BENCH_JWT });
  try {
    const organization = await db.prisma.organization.findFirstOrThrow({ orderBy: { number: "asc" } });
    const admin = await db.prisma.user.findFirstOrThrow({
      where: { organizationId: organization.id, role: "ADMIN" },
      orderBy: { email: "asc" },
    });
    const jwt = signAccessToken({ sub: admin.id, org: admin.organizationId, role: admin.role }, BENCH_JWT, 3_600);
    const { token } = await issueApiToken(db.prisma, admin, { name: "bench", ttlSeconds: 3_600 });
    const rows = [];
    for (const pair of pairs(organization, admin, jwt, token)) {
      process.stderr.write(`bench: ${kind} ${pair.vendor}\n`);
      await call(server.url, pair.rest);
      await call(server.url, pair.graphql);
      const restOne = await sequentialP50(() => call(server.url, pair.rest), SECONDS / 2);
      const graphqlOne = await sequentialP50(() => call(server.url, pair.graphql), SECONDS / 2);
      const restLoad = await load(server.url, pair.rest);
      await drain(server.url, jwt);
      const graphqlLoad = await load(server.url, pair.graphql);
      await drain(server.url, jwt);
      rows.push({ store: kind, vendor: pair.vendor, restOne, graphqlOne, restLoad, graphqlLoad });
    }
    return rows;
  } finally {
    await server.close();
    await db.close();
  }
}

const rows = [];
for (const store of STORES) rows.push(...(await benchStore(store)));
const lines = [
  "# REST adapter overhead",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: preset \`${PRESET}\`, loopback, one gateway process on this 2-core machine.`,
  "Each vendor route against the equivalent direct GraphQL request (same data, same answer). One client: p50 of requests run back to back",
  `for ${SECONDS / 2} s. Load: ${CONNECTIONS} concurrent clients for ${SECONDS} s. Ratio = REST p50 / GraphQL p50 (target ≤ 1.2).`,
  "",
  "| store | endpoint | REST p50 ms (1 client) | GraphQL p50 ms (1 client) | ratio | REST req/s | GraphQL req/s | REST p50 ms (load) | GraphQL p50 ms (load) | errors |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (r) =>
      `| ${r.store} | ${r.vendor} | ${r.restOne.toFixed(2)} | ${r.graphqlOne.toFixed(2)} | ${(r.restOne / r.graphqlOne).toFixed(2)} | ${r.restLoad.rps.toFixed(0)} | ${r.graphqlLoad.rps.toFixed(0)} | ${r.restLoad.p50} | ${r.graphqlLoad.p50} | ${r.restLoad.errors + r.graphqlLoad.errors} |`,
  ),
  "",
];
await mkdir(BENCH_DIR, { recursive: true });
await writeFile(path.join(BENCH_DIR, "results-rest.md"), lines.join("\n"));
process.stdout.write(lines.join("\n") + "\n");
