import type { Prisma } from "../db/database.js";
import { bucketInGrainSql, GRAINS_SQL, keptInGrainSql } from "./grains.js";
import { METRIC_KIND } from "./usage.metrics.js";

type Executor = Pick<Prisma, "$executeRawUnsafe" | "$queryRawUnsafe">;

/**
 * Distinct users, pre-aggregated. Each user gets an ordinal in its organization when its first
 * distinct-user event is written; every hour and UTC day then keeps, per organization and per
 * team (the event's team, the rule sums follow too), and the organization since the start
 * (grains.ts), a bitmap with bit n set when the user of
 * ordinal n was active. A bucket or range of any size is the bit count of the OR of its rows:
 * no request reads per-user rows to count users. Bitmaps of one organization all have the
 * organization's `userSetBits` length, so PostgreSQL's own bit_or aggregate ORs them; when the
 * ordinals outgrow it, the length doubles and the organization's bitmaps are padded with zeros
 * in the same transaction. OR is idempotent: a replayed event sets a bit already set.
 */

/** SQL: the list of stored metrics counted as distinct users, for `metric IN (...)`. */
export const DISTINCT_METRICS_SQL = Object.entries(METRIC_KIND)
  .filter(([, kind]) => kind === "DISTINCT")
  .map(([metric]) => `'${metric}'`)
  .join(", ");

/** SQL: the bitmap length for `count` ordinals, a power of two of at least 64 bits (0 for none). */
const bitsFor = (count: string) =>
  `(CASE WHEN ${count} = 0 THEN 0 ELSE greatest(64, power(2, ceil(log(2, (${count})::numeric)))::int) END)`;

/**
 * SQL: the length to grow to when `count` ordinals no longer fit: room for twice the
 * organization's users, so that padding every bitmap of the organization (a rewrite of all its
 * rows, in the writing transaction) happens only when the organization has doubled.
 */
const withHeadroom = (count: string, organizationId: string) =>
  bitsFor(`greatest(${count}, 2 * (SELECT count(*) FROM "User" u WHERE u."organizationId" = ${organizationId}))`);

/**
 * SQL: the bitmap rows of the events in CTE `e` (org, usr, team, metric, vendor, at), in primary
 * key order so concurrent writers lock shared rows in the same order.
 */
const SET_ROWS = `
SELECT e.org, g.grain, s.scope, s.id, e.metric, e.vendor,
       ${bucketInGrainSql("e.at")},
       bit_or(set_bit(z.zero, u."ordinal", 1))
FROM e
JOIN "UserOrdinal" u ON u."userId" = e.usr
JOIN (SELECT o."id", repeat('0', o."userSetBits")::varbit AS zero FROM "Organization" o WHERE o."id" IN (SELECT org FROM e)) z ON z."id" = e.org
CROSS JOIN ${GRAINS_SQL}
CROSS JOIN LATERAL (VALUES ('ORGANIZATION'::"RollupScope", e.org), ('TEAM'::"RollupScope", e.team)) AS s(scope, id)
WHERE s.id IS NOT NULL AND ${keptInGrainSql("s.scope")}
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY 1, 2, 3, 4, 5, 6, 7`;

const INSERT_SETS = `INSERT INTO "UsageUserSet" ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "bucketStart", "users")`;

// New ordinals for the users without one, numbered after the organization's last; the
// organization's bitmap length grows with them. Callers hold the organization rows. Answers the
// organizations whose length grew.
const ORDINALS_SQL = `
WITH pairs AS (
  SELECT DISTINCT v.org, v.usr FROM unnest($1::uuid[], $2::uuid[]) AS v(org, usr)
  WHERE NOT EXISTS (SELECT 1 FROM "UserOrdinal" o WHERE o."userId" = v.usr)),
fresh AS (SELECT org, usr, row_number() OVER (PARTITION BY org ORDER BY usr) - 1 AS n FROM pairs),
counts AS (SELECT org, count(*)::int AS n FROM fresh GROUP BY org),
before AS (SELECT o."id", o."userSetBits" AS bits FROM "Organization" o JOIN counts c ON c.org = o."id"),
bumped AS (
  UPDATE "Organization" o SET "userOrdinals" = o."userOrdinals" + c.n,
    "userSetBits" = CASE WHEN o."userOrdinals" + c.n <= o."userSetBits" THEN o."userSetBits" ELSE ${withHeadroom(`o."userOrdinals" + c.n`, `o."id"`)} END
  FROM counts c WHERE o."id" = c.org
  RETURNING o."id", o."userOrdinals" - c.n AS base, o."userSetBits" AS bits),
given AS (
  INSERT INTO "UserOrdinal" ("userId", "organizationId", "ordinal")
  SELECT f.usr, f.org, (b.base + f.n)::int FROM fresh f JOIN bumped b ON b."id" = f.org ORDER BY 1
  RETURNING 1)
SELECT b."id"::text AS "organizationId", b.bits, (SELECT count(*) FROM given)::int AS given
FROM bumped b JOIN before p ON p."id" = b."id" WHERE b.bits > p.bits ORDER BY 1`;

// Pads an organization's bitmaps to its (grown) length.
const GROW_SQL = `
UPDATE "UsageUserSet" SET "users" = "users" || repeat('0', $2 - length("users"))::varbit
WHERE "organizationId" = $1::uuid AND length("users") < $2`;

const RECORD_SQL = `
WITH e AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]::"UsageMetric"[], $5::text[]::"Vendor"[], $6::timestamptz[])
    AS v(org, usr, team, metric, vendor, at))
${INSERT_SETS}${SET_ROWS}
ON CONFLICT ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "bucketStart")
DO UPDATE SET "users" = "UsageUserSet"."users" | EXCLUDED."users"
  WHERE "UsageUserSet"."users" | EXCLUDED."users" <> "UsageUserSet"."users"`;

/** One written event of a distinct-user metric. */
export interface ActiveUserEvent {
  readonly organizationId: string;
  readonly userId: string;
  readonly teamId: string | null;
  readonly metric: string;
  readonly vendor: string;
  readonly occurredAt: Date | string;
}

/**
 * Adds the users of newly written distinct-user events to their organization's and team's
 * hourly and daily sets. Run in the events' transaction, after the organization rows are locked
 * (touchOrganizations): ordinals are given under that lock.
 */
export async function recordActiveUsers(tx: Executor, events: readonly ActiveUserEvent[]): Promise<void> {
  if (events.length === 0) return;
  const grown = await tx.$queryRawUnsafe<{ organizationId: string; bits: number }[]>(
    ORDINALS_SQL,
    events.map((e) => e.organizationId),
    events.map((e) => e.userId),
  );
  for (const { organizationId, bits } of grown) await tx.$executeRawUnsafe(GROW_SQL, organizationId, bits);
  await tx.$executeRawUnsafe(
    RECORD_SQL,
    events.map((e) => e.organizationId),
    events.map((e) => e.userId),
    events.map((e) => e.teamId),
    events.map((e) => e.metric),
    events.map((e) => e.vendor),
    events.map((e) => (typeof e.occurredAt === "string" ? e.occurredAt : e.occurredAt.toISOString())),
  );
}

/** SQL: an organization's ($1) distinct-user events as CTE `e`. */
const EVENTS_OF_ORGANIZATION = `
WITH e AS (
  SELECT "organizationId" AS org, "userId" AS usr, "teamId" AS team, "metric", "vendor", "occurredAt" AS at FROM "UsageEvent"
  WHERE "organizationId" = $1::uuid AND "userId" IS NOT NULL AND "metric" IN (${DISTINCT_METRICS_SQL}))`;

/** Recomputes an organization's ordinals and user sets from its events (seed, repair). */
export async function rebuildUserSets(db: Executor, organizationId: string): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "UsageUserSet" WHERE "organizationId" = $1::uuid`, organizationId);
  await db.$executeRawUnsafe(`DELETE FROM "UserOrdinal" WHERE "organizationId" = $1::uuid`, organizationId);
  await db.$executeRawUnsafe(
    `${EVENTS_OF_ORGANIZATION},
     given AS (
       INSERT INTO "UserOrdinal" ("userId", "organizationId", "ordinal")
       SELECT usr, $1::uuid, (row_number() OVER (ORDER BY usr) - 1)::int FROM (SELECT DISTINCT usr FROM e) s
       RETURNING 1),
     total AS (SELECT count(*)::int AS n FROM given)
     UPDATE "Organization" o SET "userOrdinals" = t.n, "userSetBits" = CASE WHEN t.n = 0 THEN 0 ELSE ${withHeadroom("t.n", "$1::uuid")} END
     FROM total t WHERE o."id" = $1::uuid`,
    organizationId,
  );
  await db.$executeRawUnsafe(`${EVENTS_OF_ORGANIZATION}\n${INSERT_SETS}${SET_ROWS}`, organizationId);
}
