// The grains events are rolled up into (RollupGrain): UTC hours, UTC days, and for organizations
// the TOTAL since the start (one row per metric, its bucketStart the epoch), which all-time
// figures read instead of summing every day. Shared by the sums (rollups.ts) and the user sets
// (user-sets.ts), which must agree on every bucket. TOTAL rows keep no `samples` (0): an
// all-time count of events would outgrow the column, and only their sums are read.

/** SQL: the grains as `g(grain)`, for a CROSS JOIN. */
export const GRAINS_SQL = `(VALUES ('HOUR'::"RollupGrain"), ('DAY'::"RollupGrain"), ('TOTAL'::"RollupGrain")) AS g(grain)`;

/** SQL: the bucket of the instant `at` in grain `g.grain`. */
export const bucketInGrainSql = (at: string) =>
  `CASE g.grain WHEN 'HOUR' THEN date_trunc('hour', ${at}, 'UTC') WHEN 'DAY' THEN date_trunc('day', ${at}, 'UTC') ELSE 'epoch'::timestamptz END`;

/** SQL: whether `scope` is kept in grain `g.grain` (TOTAL only for organizations). */
export const keptInGrainSql = (scope: string) => `(g.grain <> 'TOTAL' OR ${scope} = 'ORGANIZATION')`;
