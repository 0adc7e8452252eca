import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/auth/password.js";
import { DEMO_PASSWORD, SUPERADMIN_EMAIL } from "../../src/seed/directory.js";
import { resolveSeedOptions } from "../../src/seed/options.js";
import { openDatabase } from "../../src/db/database.js";
import { runSeed, StoreNotEmptyError } from "../../src/seed/run.js";
import { tableChecksums } from "../helpers/checksums.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";

const OPTIONS = resolveSeedOptions("tiny", { endDate: "2025-03-05", organizations: 3 });

async function scalar(store: TestStore, sql: string): Promise<number> {
  const rows = await store.db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT (${sql})::int AS n`);
  return rows[0]!.n;
}

// An independent recomputation of the rollups from the events (not the SQL the gateway uses).
function rollupMismatchSql(): string {
  // Since the start (TOTAL): organizations only, in the epoch's bucket.
  const total = `
      SELECT "organizationId"::text, 'TOTAL', 'ORGANIZATION', "organizationId"::text, "metric"::text, "vendor"::text, "roomType"::text,
             timestamp '1970-01-01', round(sum("value")::numeric, 6), 0
      FROM "UsageEvent" GROUP BY 1, 4, 5, 6, 7`;
  const combos = ["HOUR", "DAY"].flatMap((grain) =>
    [
      ["ORGANIZATION", `"organizationId"`],
      ["TEAM", `"teamId"`],
      ["USER", `"userId"`],
    ].map(
      ([scope, column]) => `
      SELECT "organizationId"::text, '${grain}', '${scope}', ${column}::text, "metric"::text, "vendor"::text, "roomType"::text,
             date_trunc('${grain.toLowerCase()}', "occurredAt" AT TIME ZONE 'UTC'), round(sum("value")::numeric, 6), count(*)::int
      FROM "UsageEvent" WHERE ${column} IS NOT NULL GROUP BY 1, 4, 5, 6, 7, 8`,
    ),
  );
  const actual = `SELECT "organizationId"::text, "grain"::text, "scope"::text, "scopeId"::text, "metric"::text, "vendor"::text,
    "roomType"::text, "bucketStart" AT TIME ZONE 'UTC', round("value"::numeric, 6), "samples" FROM "UsageRollup"`;
  const expected = [...combos, total].join(" UNION ALL ");
  return `(SELECT count(*) FROM ((${expected}) EXCEPT (${actual})) a) + (SELECT count(*) FROM ((${actual}) EXCEPT (${expected})) b)`;
}

describe.each(STORE_KINDS)("seed on %s", (kind) => {
  let store: TestStore;
  let again: TestStore;
  let summary: Awaited<ReturnType<typeof runSeed>>;

  beforeAll(async () => {
    [store, again] = await Promise.all([createTestStore(kind), createTestStore(kind)]);
    summary = await runSeed(store.db.prisma, OPTIONS);
  });
  afterAll(async () => {
    await store?.dispose();
    await again?.dispose();
  });

  it("fills every table", async () => {
    const sums = await tableChecksums(store.db.prisma);
    for (const [table, { rows }] of Object.entries(sums)) expect(rows, table).toBeGreaterThan(0);
    expect(summary.users).toBe(sums.User!.rows);
    expect(summary.events).toBe(sums.UsageEvent!.rows);
    expect(await store.db.prisma.organization.count()).toBe(3);
  });

  it("is deterministic: the same options give the same rows", async () => {
    await runSeed(again.db.prisma, OPTIONS);
    expect(await tableChecksums(again.db.prisma)).toEqual(await tableChecksums(store.db.prisma));
  });

  it("keeps every usage row inside its own organization", async () => {
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "UsageEvent" e WHERE e."userId" IS NOT NULL AND NOT EXISTS
      (SELECT 1 FROM "User" u WHERE u."id" = e."userId" AND u."organizationId" = e."organizationId")`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "UsageEvent" e WHERE e."teamId" IS NOT NULL AND NOT EXISTS
      (SELECT 1 FROM "Team" t WHERE t."id" = e."teamId" AND t."organizationId" = e."organizationId")`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "UsageRollup" r WHERE r."scope" = 'USER' AND NOT EXISTS
      (SELECT 1 FROM "User" u WHERE u."id" = r."scopeId" AND u."organizationId" = r."organizationId")`,
      ),
    ).toBe(0);
    // Identities and devices exist only for vendors the organization has a source for.
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "Identity" i WHERE NOT EXISTS
      (SELECT 1 FROM "Source" s WHERE s."organizationId" = i."organizationId" AND s."vendor" = i."vendor")`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "Device" d WHERE NOT EXISTS
      (SELECT 1 FROM "Identity" i WHERE i."userId" = d."userId" AND i."vendor" = d."vendor")`,
      ),
    ).toBe(0);
    // Nobody is active before joining or after deactivation; pending users are never active.
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "UsageEvent" e JOIN "User" u ON u."id" = e."userId"
      WHERE date_trunc('day', e."occurredAt") < date_trunc('day', u."createdAt") OR e."occurredAt" > u."deactivatedAt"
         OR u."status" = 'PENDING'`,
      ),
    ).toBe(0);
  });

  it("has rollups equal to the sum of the events, for every grain and scope (and all-time per organization)", async () => {
    expect(await scalar(store, rollupMismatchSql())).toBe(0);
  });

  it("keeps vendor semantics consistent", async () => {
    // Teamwire: active means sent at least one message that day.
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "UsageEvent" a WHERE a."vendor" = 'TEAMWIRE' AND a."metric" = 'ACTIVE_USERS'
      AND NOT EXISTS (SELECT 1 FROM "UsageEvent" m WHERE m."vendor" = 'TEAMWIRE' AND m."metric" = 'MESSAGES_SENT'
        AND m."userId" = a."userId" AND date_trunc('day', m."occurredAt") = date_trunc('day', a."occurredAt") AND m."value" > 0)`,
      ),
    ).toBe(0);
    // Rocket.Chat snapshots: cumulative message totals equal the events before the snapshot.
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "WorkspaceStatisticsSnapshot" s WHERE s."totalMessages" <>
      (SELECT coalesce(sum(e."value"), 0) FROM "UsageEvent" e WHERE e."organizationId" = s."organizationId"
        AND e."vendor" = 'ROCKETCHAT' AND e."metric" = 'MESSAGES_SENT' AND e."occurredAt" < s."takenAt")`,
      ),
    ).toBe(0);
    // Tabnine utilization: `active` is the distinct users with Tabnine activity that month.
    expect(
      await scalar(
        store,
        `SELECT count(*) FROM "AccountUtilization" a WHERE a."active" <>
      (SELECT count(DISTINCT e."userId") FROM "UsageEvent" e WHERE e."organizationId" = a."organizationId"
        AND e."vendor" = 'TABNINE' AND e."metric" = 'ACTIVE_USERS'
        AND e."occurredAt" >= a."month" AND e."occurredAt" < a."month" + interval '1 month')`,
      ),
    ).toBe(0);
    const snapshot = await store.db.prisma.workspaceStatisticsSnapshot.findFirstOrThrow({ orderBy: { takenAt: "desc" } });
    const payload = snapshot.payload as Record<string, unknown>;
    expect(Object.keys(payload).slice(0, 7)).toEqual([
      "_id",
      "wizard",
      "uniqueId",
      "installedAt",
      "deploymentFingerprintHash",
      "deploymentFingerprintVerified",
      "version",
    ]);
    expect(payload.totalUsers).toBe(snapshot.totalUsers);
    expect(payload._id).toBe(snapshot.id);
  });

  it("has the demo logins with the demo password", async () => {
    const superadmin = await store.db.prisma.user.findUniqueOrThrow({ where: { email: SUPERADMIN_EMAIL } });
    expect(superadmin.role).toBe("SUPERADMIN");
    expect(await verifyPassword(DEMO_PASSWORD, superadmin.passwordHash)).toBe(true);
    const orgs = await store.db.prisma.organization.findMany();
    for (const org of orgs) {
      const admin = await store.db.prisma.user.findUniqueOrThrow({ where: { email: `admin@${org.slug}.test` } });
      expect(admin).toMatchObject({ role: "ADMIN", organizationId: org.id });
      expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash)).toBe(true);
    }
    const vendors = await store.db.prisma.source.findMany({ distinct: ["vendor"], select: { vendor: true } });
    expect(vendors.map((s) => s.vendor).sort()).toEqual(["ROCKETCHAT", "TABNINE", "TEAMWIRE"]);
  });

  it("refuses to seed a store that already has data, and leaves it intact", async () => {
    const before = await store.db.prisma.user.count();
    await expect(runSeed(store.db.prisma, OPTIONS)).rejects.toThrow(/already holds data/);
    expect(await store.db.prisma.user.count()).toBe(before);
  });
});

describe("seed across stores", () => {
  it.runIf(STORE_KINDS.includes("postgres"))("produces the same rows on PGlite and PostgreSQL", async () => {
    const [lite, server] = await Promise.all([createTestStore("pglite"), createTestStore("postgres")]);
    try {
      await runSeed(lite.db.prisma, OPTIONS);
      await runSeed(server.db.prisma, OPTIONS);
      expect(await tableChecksums(server.db.prisma)).toEqual(await tableChecksums(lite.db.prisma));
    } finally {
      await lite.dispose();
      await server.dispose();
    }
  });

  it.runIf(STORE_KINDS.includes("postgres"))("loads on PostgreSQL even when API statements time out after 20 ms", async () => {
    const store = await createTestStore("postgres");
    const strict = await openDatabase({ url: store.url, statementTimeoutMs: 20 });
    try {
      const [{ timeout }] = (await strict.prisma.$queryRawUnsafe<{ timeout: string }[]>(
        "SELECT current_setting('statement_timeout') AS timeout",
      )) as [{ timeout: string }];
      expect(timeout).toBe("20ms");
      const summary = await runSeed(strict.prisma, OPTIONS);
      expect(summary.rollups).toBeGreaterThan(0);
      expect(await strict.prisma.usageRollup.count()).toBe(summary.rollups);
    } finally {
      await strict.close();
      await store.dispose();
    }
  });

  it.each(STORE_KINDS)("on %s, two seeds racing on one empty store load the data once", async (kind) => {
    const store = await createTestStore(kind);
    try {
      const results = await Promise.allSettled([runSeed(store.db.prisma, OPTIONS), runSeed(store.db.prisma, OPTIONS)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(StoreNotEmptyError);
      expect(await store.db.prisma.organization.count()).toBe(OPTIONS.organizations);
    } finally {
      await store.dispose();
    }
  });

  it("changes with the random seed", async () => {
    const store = await createTestStore("pglite");
    try {
      await runSeed(store.db.prisma, { ...OPTIONS, seed: OPTIONS.seed + 1, organizations: 1 });
      const other = await tableChecksums(store.db.prisma);
      const reference = await createTestStore("pglite");
      await runSeed(reference.db.prisma, { ...OPTIONS, organizations: 1 });
      expect(other.User!.md5).not.toBe((await tableChecksums(reference.db.prisma)).User!.md5);
      await reference.dispose();
    } finally {
      await store.dispose();
    }
  });
});
