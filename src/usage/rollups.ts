import type { Prisma } from "../db/database.js";

type Executor = Pick<Prisma, "$executeRawUnsafe">;

// One statement rolls events up into both grains (HOUR, DAY) and all three scopes
// (organization, team, user). Buckets are UTC. Adding to existing rows keeps rollups exact when
// events arrive late or out of order; callers pass each event exactly once.
const ROLL_UP_SQL = `
INSERT INTO "UsageRollup" ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "roomType", "bucketStart", "value", "samples")
SELECT e."organizationId", g.grain, s.scope, s.scope_id, e."metric", e."vendor", e."roomType",
       date_trunc(CASE WHEN g.grain = 'HOUR' THEN 'hour' ELSE 'day' END, e."occurredAt", 'UTC'),
       sum(e."value"), count(*)::int
FROM "UsageEvent" e
CROSS JOIN (VALUES ('HOUR'::"RollupGrain"), ('DAY'::"RollupGrain")) AS g(grain)
CROSS JOIN LATERAL (VALUES ('ORGANIZATION'::"RollupScope", e."organizationId"),
                           ('TEAM'::"RollupScope", e."teamId"),
                           ('USER'::"RollupScope", e."userId")) AS s(scope, scope_id)
WHERE e."organizationId" = $1::uuid AND s.scope_id IS NOT NULL AND %FILTER%
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
ON CONFLICT ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "roomType", "bucketStart")
DO UPDATE SET "value" = "UsageRollup"."value" + EXCLUDED."value",
              "samples" = "UsageRollup"."samples" + EXCLUDED."samples"`;

/**
 * Adds the given events of one organization to the hourly and daily rollups.
 * @param eventIds ids of events not yet rolled up (e.g. those an ingest just inserted).
 * @returns the number of rollup rows inserted or updated.
 */
export function rollUpEvents(db: Executor, organizationId: string, eventIds: readonly bigint[]): Promise<number> {
  if (eventIds.length === 0) return Promise.resolve(0);
  return db.$executeRawUnsafe(
    ROLL_UP_SQL.replace("%FILTER%", `e."id" = ANY($2::bigint[])`),
    organizationId,
    eventIds.map(String),
  );
}

/**
 * Recomputes every rollup of one organization from its events (used by the seed and to repair).
 * Run inside a transaction when readers must not see the empty state.
 */
export async function rebuildRollups(db: Executor, organizationId: string): Promise<number> {
  await db.$executeRawUnsafe(`DELETE FROM "UsageRollup" WHERE "organizationId" = $1::uuid`, organizationId);
  return db.$executeRawUnsafe(ROLL_UP_SQL.replace("%FILTER%", "TRUE"), organizationId);
}
