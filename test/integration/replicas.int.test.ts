import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAccessToken } from "../../src/auth/jwt.js";
import { loadConfig } from "../../src/config.js";
import { runSeed } from "../../src/seed/run.js";
import { withStore } from "../../src/store.js";
import { cleanEnv, startServe, type ServeProcess } from "../helpers/cli.js";
import { TEST_JWT, TEST_SEED } from "../helpers/graphql.js";
import { canCreateClusters, createTempCluster, createTempReplica, type TempCluster } from "../helpers/pg-cluster.js";

// Reads from a streaming replica, for real: a throw-away primary and a pg_basebackup replica on this
// machine, two gateway processes reading through the replica. An ingest through one is seen at once
// through the other, and a replica that lags (replay paused), hangs (frozen) or stops leaves the
// reads on the primary: answers stay fresh and succeed.

const CLUSTERS = await canCreateClusters();
const REDIS_URL = process.env.TEST_REDIS_URL;
const DATABASE = "usage_gateway";

describe.skipIf(!CLUSTERS)(
  `two gateways reading from a streaming replica${CLUSTERS ? "" : " (skipped: no PostgreSQL server binaries)"}`,
  () => {
    let primary: TempCluster;
    let replica: TempCluster;
    let dataDir: string;
    let first: ServeProcess;
    let second: ServeProcess;
    let token = "";
    let orgId = "";
    let userId = "";

    beforeAll(async () => {
      primary = await createTempCluster();
      await primary.sql(`CREATE DATABASE ${DATABASE}`);
      dataDir = await mkdtemp(path.join(tmpdir(), "ug-replicas-"));
      const config = loadConfig({ DATABASE_URL: primary.url(DATABASE), DATA_DIR: dataDir, LOG_LEVEL: "silent" });
      const admin = await withStore(config, async (prisma) => {
        await runSeed(prisma, TEST_SEED);
        return prisma.user.findUniqueOrThrow({ where: { email: "admin@nordhafen.test" } });
      });
      token = signAccessToken({ sub: admin.id, org: admin.organizationId, role: admin.role }, TEST_JWT, 3_600);
      orgId = admin.organizationId;
      userId = (
        await primary.sql(`SELECT "id" FROM "User" WHERE "organizationId" = '${orgId}' AND "role" = 'MEMBER' LIMIT 1`, DATABASE)
      ).trim();
      replica = await createTempReplica(primary);
      const env = cleanEnv({
        DATABASE_URL: primary.url(DATABASE),
        DATABASE_REPLICA_URLS: replica.url(DATABASE),
        DATA_DIR: dataDir,
        PORT: "0",
        SEED_ON_START: "none",
        JWT_SECRET: TEST_JWT.secret,
        SOURCE_CREDENTIALS_KEY: randomBytes(32).toString("base64"),
        // Every answer is read from a store, not from the answer cache.
        GRAPHQL_CACHE_TTL_SECONDS: "0",
        ...(REDIS_URL ? { REDIS_URL } : {}),
      });
      [first, second] = await Promise.all([startServe(env), startServe(env)]);
    }, 180_000);

    afterAll(async () => {
      await replica?.thaw().catch(() => undefined);
      await Promise.all([first?.stop(), second?.stop()]);
      await replica?.remove();
      await primary?.remove();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }, 60_000);

    const completions = async (gateway: ServeProcess) => {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query { viewer { organization { usage(from: "2025-03-01T00:00:00Z", to: "2025-03-06T00:00:00Z", resolution: DAY, metrics: [CODE_COMPLETIONS]) { totals { value } } } } }`,
        }),
      });
      const body = (await response.json()) as {
        data?: { viewer: { organization: { usage: { totals: { value: number }[] } } } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      expect(response.status).toBe(200);
      return body.data!.viewer.organization.usage.totals[0]?.value ?? 0;
    };

    const ingest = async (gateway: ServeProcess, value: number) => {
      const response = await fetch(`${gateway.url}/ingest`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({
          events: [
            {
              idempotencyKey: `replicas-${randomBytes(6).toString("hex")}`,
              organizationId: orgId,
              userId,
              vendor: "TABNINE",
              metric: "CODE_COMPLETIONS",
              timestamp: "2025-03-04T10:00:00Z",
              value,
            },
          ],
        }),
      });
      expect(response.status).toBe(200);
    };

    /** How many requests of `gateway` were routed `target`/`reason` (its /metrics). */
    const routed = async (gateway: ServeProcess, target: string, reason: string) => {
      const text = await (await fetch(`${gateway.url}/metrics`)).text();
      const line = text
        .split("\n")
        .find((entry) => entry.startsWith(`usage_gateway_read_routes_total{target="${target}",reason="${reason}"}`));
      return line ? Number(line.split(" ").pop()) : 0;
    };

    /** Table scans the replica itself served (its own statistics), outside the Organization table the freshness checks read. */
    const replicaScans = async () =>
      Number(
        await replica.sql(
          `SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables WHERE relname <> 'Organization'`,
          DATABASE,
        ),
      );

    it("serves reads from the replica when it has caught up", async () => {
      const scans = await replicaScans();
      const before = await routed(second, "replica", "caught_up");
      await completions(second);
      await completions(first);
      expect(await routed(second, "replica", "caught_up")).toBeGreaterThan(before);
      // The replica's statistics reach its views within about a second of the transaction.
      await expect.poll(replicaScans, { timeout: 15_000, interval: 250 }).toBeGreaterThan(scans);
    });

    it("shows an ingest through one gateway at once through the other", async () => {
      const before = await completions(second);
      await ingest(first, 1_000);
      expect(await completions(second)).toBe(before + 1_000);
    });

    it("answers from the primary while the replica's replay is paused, and from the replica again once it caught up", async () => {
      const before = await completions(second);
      await replica.sql("SELECT pg_wal_replay_pause()");
      try {
        const behind = await routed(second, "primary", "behind");
        await ingest(first, 70);
        expect(await completions(second)).toBe(before + 70);
        expect(await routed(second, "primary", "behind")).toBeGreaterThan(behind);
      } finally {
        await replica.sql("SELECT pg_wal_replay_resume()");
      }
      const caughtUp = await routed(second, "replica", "caught_up");
      await expect
        .poll(async () => (await completions(second), routed(second, "replica", "caught_up")), { timeout: 10_000 })
        .toBeGreaterThan(caughtUp);
      expect(await completions(second)).toBe(before + 70);
    });

    it("answers from the primary, within the check's timeout, while the replica hangs", async () => {
      const before = await completions(second);
      await replica.freeze();
      try {
        await ingest(first, 3);
        const started = Date.now();
        expect(await completions(second)).toBe(before + 3);
        expect(Date.now() - started).toBeLessThan(3_000);
        expect(await routed(second, "primary", "unavailable")).toBeGreaterThan(0);
      } finally {
        await replica.thaw();
      }
    });

    it("answers from the primary while the replica is stopped, says so in /readyz, logs it once, and uses it again once it is back", async () => {
      await replica.stop();
      try {
        const before = await completions(first);
        await ingest(second, 5);
        for (let i = 0; i < 5; i++) expect(await completions(first)).toBe(before + 5);
        await expect
          .poll(async () => ((await (await fetch(`${first.url}/readyz`)).json()) as { replicas?: unknown }).replicas, { timeout: 10_000 })
          .toEqual([{ replica: 1, status: "down" }]);
        const ready = await fetch(`${first.url}/readyz`);
        expect(ready.status).toBe(200);
        const { stdout, stderr } = first.output();
        expect(`${stdout}${stderr}`.split("read replica unavailable").length - 1).toBe(1);
      } finally {
        await replica.start();
      }
      // Probed again in the background every 5 s.
      await expect
        .poll(
          async () => {
            await completions(first);
            return ((await (await fetch(`${first.url}/readyz`)).json()) as { replicas?: unknown }).replicas;
          },
          { timeout: 20_000, interval: 500 },
        )
        .toEqual([{ replica: 1, status: "up" }]);
      const caughtUp = await routed(first, "replica", "caught_up");
      await expect
        .poll(async () => (await completions(first), routed(first, "replica", "caught_up")), { timeout: 10_000 })
        .toBeGreaterThan(caughtUp);
    });
  },
);
