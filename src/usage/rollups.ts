import type { Prisma } from "../db/database.js";
import { bucketInGrainSql, GRAINS_SQL, keptInGrainSql } from "./grains.js";
import { rebuildUserSets } from "./user-sets.js";

type Executor = Pick<Prisma, "$executeRawUnsafe" | "$queryRawUnsafe">;

// One statement rolls events up into every grain (grains.ts) and all three scopes
// (organization, team, user). Buckets are UTC. Adding to existing rows keeps rollups exact when
// events arrive late or out of order; callers pass each event exactly once (ingestion passes only
// the events its INSERT ... ON CONFLICT DO NOTHING actually inserted). Incremental callers sort
// the rows by the primary key: concurrent transactions then lock shared rollup rows in the same
// order and cannot deadlock on them.
function rollUpSql(source: string, where: string, incremental: boolean): string {
  return `
INSERT INTO "UsageRollup" ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "roomType", "bucketStart", "value", "samples")
SELECT e."organizationId", g.grain, s.scope, s.scope_id, e."metric", e."vendor", e."roomType",
       ${bucketInGrainSql(`e."occurredAt"`)},
       sum(e."value"), CASE WHEN g.grain = 'TOTAL' THEN 0 ELSE count(*)::int END
FROM ${source} e
CROSS JOIN ${GRAINS_SQL}
CROSS JOIN LATERAL (VALUES ('ORGANIZATION'::"RollupScope", e."organizationId"),
                           ('TEAM'::"RollupScope", e."teamId"),
                           ('USER'::"RollupScope", e."userId")) AS s(scope, scope_id)
WHERE s.scope_id IS NOT NULL AND ${keptInGrainSql("s.scope")} AND ${where}
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8${
    incremental
      ? `
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
ON CONFLICT ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "roomType", "bucketStart")
DO UPDATE SET "value" = "UsageRollup"."value" + EXCLUDED."value",
              "samples" = "UsageRollup"."samples" + EXCLUDED."samples"`
      : ""
  }`;
}

/**
 * The rollup statement over the rows of `source` (a table or CTE name with UsageEvent's
 * columns), in primary-key order; for data-modifying CTEs that insert events and roll them up
 * in one statement.
 */
export function rollUpRowsSql(source: string): string {
  return rollUpSql(source, "TRUE", true);
}

/**
 * Recomputes every rollup and user set of one organization from its events (used by the seed
 * and to repair). Run inside a transaction when readers must not see the empty state. Plain
 * inserts after the deletes: no ON CONFLICT, so the seed may run it with the indexes dropped.
 */
export async function rebuildRollups(db: Executor, organizationId: string): Promise<number> {
  // The organization row first, as ingestion takes it before the user sets: no lock-order cycle.
  await db.$executeRawUnsafe(`SELECT 1 FROM "Organization" WHERE "id" = $1::uuid FOR NO KEY UPDATE`, organizationId);
  await db.$executeRawUnsafe(`DELETE FROM "UsageRollup" WHERE "organizationId" = $1::uuid`, organizationId);
  const rollups = await db.$executeRawUnsafe(rollUpSql(`"UsageEvent"`, `e."organizationId" = $1::uuid`, false), organizationId);
  await rebuildUserSets(db, organizationId);
  return rollups;
}
