import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { createLogger } from "../../src/logger.js";
import { TEST_JWT, TEST_SEED } from "../helpers/graphql.js";
import { signAccessToken } from "../../src/auth/jwt.js";
import { createTestStore, POSTGRES_URL, type TestStore } from "../helpers/stores.js";

// More than one gateway instance on one database: the answer caches live in Redis (REDIS_URL) and
// are shared, an ingest through one instance is seen at once through the other, and instances that
// would each generate their own secrets refuse to run side by side on PostgreSQL.

const REDIS_URL = process.env.TEST_REDIS_URL;
const logger = createLogger("silent");
const configFor = (env: Record<string, string>) => loadConfig({ PORT: "0", LOG_LEVEL: "silent", DATA_DIR: "./data", ...env });

describe.skipIf(!REDIS_URL)(`two instances sharing Redis${REDIS_URL ? "" : " (skipped: no TEST_REDIS_URL)"}`, () => {
  let store: TestStore;
  let first: Gateway;
  let second: Gateway;
  let redis: Redis;
  let token = "";
  let orgId = "";
  let userId = "";

  beforeAll(async () => {
    store = await createTestStore("pglite", { seed: TEST_SEED });
    const config = configFor({ REDIS_URL: REDIS_URL!, GRAPHQL_CACHE_TTL_SECONDS: "300" });
    first = await startGateway({ config, db: store.db, logger, jwt: TEST_JWT });
    second = await startGateway({ config, db: store.db, logger, jwt: TEST_JWT });
    redis = new Redis(REDIS_URL!);
    const admin = await store.db.prisma.user.findUniqueOrThrow({ where: { email: "admin@nordhafen.test" } });
    token = signAccessToken({ sub: admin.id, org: admin.organizationId, role: admin.role }, TEST_JWT, 600);
    orgId = admin.organizationId;
    const member = await store.db.prisma.user.findFirstOrThrow({ where: { organizationId: orgId, role: "MEMBER" } });
    userId = member.id;
  });
  afterAll(async () => {
    redis?.disconnect();
    await second?.close();
    await first?.close();
    await store?.dispose();
  });

  // A hit carries the stored answer's key as its ETag; express tags computed answers otherwise.
  const CACHE_HIT = /^W\/"[0-9a-f]{64}"$/;
  // The alias makes the query new to Redis, whatever earlier runs left there.
  const alias = `usage_${randomBytes(4).toString("hex")}`;
  const completions = async (gateway: Gateway) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query { viewer { organization { ${alias}: usage(from: "2025-03-01T00:00:00Z", to: "2025-03-06T00:00:00Z", resolution: DAY, metrics: [CODE_COMPLETIONS]) { totals { value } } } } }`,
      }),
    });
    const body = (await response.json()) as { data: { viewer: { organization: Record<string, { totals: { value: number }[] }> } } };
    const total = body.data.viewer.organization[alias]?.totals[0]?.value ?? 0;
    return { text: JSON.stringify(body), total, etag: response.headers.get("etag") ?? "" };
  };

  it("answers from the cache the other instance filled, and shows an ingest through one at once through the other", async () => {
    const fromFirst = await completions(first);
    expect(fromFirst.etag).not.toMatch(CACHE_HIT);
    const keys = await redis.keys("ug:*:answers:*");
    expect(keys.length).toBeGreaterThan(0);
    const fromSecond = await completions(second);
    expect(fromSecond.etag).toMatch(CACHE_HIT);
    expect(fromSecond.text).toBe(fromFirst.text);

    const ingest = await fetch(`${second.url}/ingest`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        events: [
          {
            idempotencyKey: `instances-${randomBytes(4).toString("hex")}`,
            organizationId: orgId,
            userId,
            vendor: "TABNINE",
            metric: "CODE_COMPLETIONS",
            timestamp: "2025-03-04T10:00:00Z",
            value: 1234,
          },
        ],
      }),
    });
    expect(ingest.status).toBe(200);
    const afterIngest = await completions(first);
    expect(afterIngest.etag).not.toMatch(CACHE_HIT);
    expect(afterIngest.total).toBe(fromFirst.total + 1234);
  });
});

describe.skipIf(!POSTGRES_URL)(`generated secrets on PostgreSQL${POSTGRES_URL ? "" : " (skipped: no DATABASE_URL)"}`, () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore("postgres");
  });
  afterAll(() => store?.dispose());

  it("lets one instance run on generated secrets and refuses a second until the secrets are set", async () => {
    const generated = configFor({ DATABASE_URL: store.url! });
    const only = await startGateway({ config: generated, db: store.db, logger });
    try {
      await expect(startGateway({ config: generated, db: store.db, logger })).rejects.toThrow(
        "another gateway instance runs on this database with generated secrets; instances must share them: set JWT_SECRET and SOURCE_CREDENTIALS_KEY to the same value on every instance",
      );
      const shared = configFor({
        DATABASE_URL: store.url!,
        JWT_SECRET: "s".repeat(40),
        SOURCE_CREDENTIALS_KEY: randomBytes(32).toString("base64"),
      });
      const next = await startGateway({ config: shared, db: store.db, logger });
      await next.close();
    } finally {
      await only.close();
    }
    // Once the first one stopped, the lock is free again.
    const again = await startGateway({ config: generated, db: store.db, logger });
    await again.close();
  });
});
