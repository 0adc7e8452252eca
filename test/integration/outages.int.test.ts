import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAccessToken } from "../../src/auth/jwt.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/db/database.js";
import { isStoreUnavailable } from "../../src/db/store-failure.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { createLogger } from "../../src/logger.js";
import { DEMO_PASSWORD } from "../../src/seed/directory.js";
import { resolveSeedOptions } from "../../src/seed/options.js";
import { runSeed } from "../../src/seed/run.js";
import { LoginDocument, ViewerDocument } from "../__generated__/graphql.js";
import { TEST_JWT } from "../helpers/graphql.js";
import { canCreateClusters, createTempCluster, type TempCluster } from "../helpers/pg-cluster.js";
import { restRequest, rocketChatHeaders, type RestResponse } from "../helpers/rest.js";

// Outages of PostgreSQL, on a cluster of the test's own that it stops and freezes (SIGSTOP): every
// surface answers 503 with Retry-After in its own format, by the request deadline, and serves again
// once the store is back.

const DEADLINE_MS = 1_500;
const ADMIN = "admin@nordhafen.test";
const clusters = await canCreateClusters();

interface Surface {
  readonly name: string;
  call(): Promise<RestResponse>;
  /** The surface's own outage answer (its status is 503, with Retry-After). */
  outage(response: RestResponse): void;
}

const graphqlErrorCode = (response: RestResponse) =>
  (response.body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

describe.skipIf(!clusters)("store outages (a temporary PostgreSQL cluster)", () => {
  let cluster: TempCluster;
  let db: Database;
  let gateway: Gateway;
  let surfaces: Surface[];

  beforeAll(async () => {
    cluster = await createTempCluster();
    // A small pool, so slots kept by hung statements would show at once.
    db = await openDatabase({ url: cluster.url(), requestTimeoutMs: DEADLINE_MS, poolSize: 3 });
    await applyMigrations(db);
    await runSeed(db.prisma, resolveSeedOptions("tiny", { endDate: "2025-03-05", organizations: 1 }));
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", DATA_DIR: "./data", REQUEST_TIMEOUT_MS: String(DEADLINE_MS) });
    const logger = createLogger((process.env.TEST_LOG_LEVEL ?? "silent") as "silent");
    gateway = await startGateway({ config, db, logger, jwt: TEST_JWT });
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } });
    const token = signAccessToken({ sub: admin.id, org: admin.organizationId, role: admin.role }, TEST_JWT, 3_600);
    const rocketChat = await rocketChatHeaders(db.prisma, ADMIN);
    const get = (path: string, headers: Record<string, string> = {}) => restRequest(gateway.url, path, { token, headers });
    const graphql = (document: typeof ViewerDocument | typeof LoginDocument, variables: Record<string, unknown>, bearer?: string) =>
      restRequest(gateway.url, "/graphql", { method: "POST", token: bearer, json: { query: print(document), variables } });
    surfaces = [
      {
        name: "GraphQL",
        call: () => graphql(ViewerDocument, {}, token),
        outage: (response) => expect(graphqlErrorCode(response)).toBe("UNAVAILABLE"),
      },
      {
        name: "GraphQL login",
        call: () => graphql(LoginDocument, { email: ADMIN, password: DEMO_PASSWORD }),
        outage: (response) => expect(graphqlErrorCode(response)).toBe("UNAVAILABLE"),
      },
      { name: "Teamwire", call: () => get("/v1/admin/stats/dashboard/"), outage: (response) => expect(response.body).toEqual({}) },
      {
        name: "Teamwire login",
        call: () => restRequest(gateway.url, "/v1/admin/login/", { method: "POST", json: { email: ADMIN, password: DEMO_PASSWORD } }),
        outage: (response) => expect(response.body).toEqual({ detail: "The service is temporarily unavailable. Try again in 5 s." }),
      },
      {
        name: "Rocket.Chat",
        call: () => restRequest(gateway.url, "/api/v1/statistics", { headers: rocketChat }),
        outage: (response) => expect(response.body).toEqual({ success: false, error: "the store is not answering: retry in 5 s" }),
      },
      {
        name: "Tabnine",
        call: () => get("/api/v1/organization"),
        outage: (response) => expect(response.body).toEqual({ error: "SERVICE_UNAVAILABLE", message: "Service Unavailable.", status: 503 }),
      },
      {
        name: "POST /ingest",
        call: () => restRequest(gateway.url, "/ingest", { method: "POST", token, json: { events: [] } }),
        outage: (response) =>
          expect(response.body).toMatchObject({ error: "UNAVAILABLE", message: "the store is not answering: retry in 5 s" }),
      },
      {
        name: "export",
        call: () => get("/export/users.csv"),
        outage: (response) => expect(graphqlErrorCode(response)).toBe("UNAVAILABLE"),
      },
    ];
  });

  afterAll(async () => {
    await cluster?.thaw().catch(() => undefined);
    await gateway?.close();
    await db?.close().catch(() => undefined);
    await cluster?.remove();
  });

  /** Calls every surface at once; each answer with how long it took. */
  const callAll = () =>
    Promise.all(
      surfaces.map(async (surface) => {
        const started = Date.now();
        const response = await surface.call();
        return { surface, response, ms: Date.now() - started };
      }),
    );

  const expectServing = async () => {
    for (const { surface, response } of await callAll())
      expect(response.status, `${surface.name}: ${response.text.slice(0, 300)}`).toBe(200);
    expect((await restRequest(gateway.url, "/readyz")).status).toBe(200);
  };

  const expectOutage = async (withinMs: number) => {
    for (const { surface, response, ms } of await callAll()) {
      const what = `${surface.name}: ${response.status} ${response.text.slice(0, 300)}`;
      expect(response.status, what).toBe(503);
      expect(response.headers.get("retry-after"), what).toBe("5");
      surface.outage(response);
      // Never the driver's words: no address, port or error code of the connection.
      expect(response.text, what).not.toMatch(new RegExp(`${cluster.port}|127\\.0\\.0\\.1|ECONN|terminated|P1001|REQUEST_TIMEOUT_MS`));
      expect(ms, what).toBeLessThan(withinMs);
    }
  };

  it("serves every surface while PostgreSQL runs", async () => {
    await expectServing();
  });

  it("answers 503 with Retry-After on every surface while PostgreSQL is stopped, and serves again once it is back", async () => {
    await cluster.stop();
    await expectOutage(3_000);
    expect((await restRequest(gateway.url, "/healthz")).status).toBe(200);
    const ready = await restRequest(gateway.url, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: "not_ready", reason: "database unreachable" });
    await cluster.start();
    await expectServing();
  });

  it("cuts a statement that outlasts the deadline on a live server, unless its transaction lifted its statement timeout", async () => {
    const sleep = `SELECT pg_sleep(${(DEADLINE_MS + 700) / 1_000})::text AS slept`;
    const cut = await db.prisma.$queryRawUnsafe(sleep).catch((error: unknown) => error);
    expect(isStoreUnavailable(cut)).toBe(true);
    const slept = await db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
        return tx.$queryRawUnsafe(sleep);
      },
      { timeout: 10_000 },
    );
    expect(slept).toEqual([{ slept: "" }]);
    await expect(db.prisma.$queryRawUnsafe(sleep)).rejects.toThrow("did not answer"); // the lifted budget went with its transaction
    await expectServing();
  });

  it("answers by the request deadline while PostgreSQL is frozen, keeps serving /healthz, and gives back every connection", async () => {
    await expectServing(); // every pooled connection open, to the server about to freeze
    await cluster.freeze();
    const health = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      const response = await restRequest(gateway.url, "/healthz");
      return { status: response.status, ms: Date.now() - started };
    })();
    await expectOutage(DEADLINE_MS + 1_500);
    expect(await health).toMatchObject({ status: 200 });
    expect((await health).ms).toBeLessThan(500);
    // A second wave while still frozen: the hung statements' connections were destroyed, so no
    // request waits behind them for a pool slot.
    await expectOutage(DEADLINE_MS + 1_500);
    await cluster.thaw();
    await expectServing();
    await expectServing();
  });
});
