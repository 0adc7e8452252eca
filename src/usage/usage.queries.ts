import type { Prisma } from "../db/database.js";
import { enumerateBuckets, type Resolution } from "./resolution.js";
import { METRIC_KIND, type UsageMetricName } from "./usage.metrics.js";
import { weightRatios, type RatioRow } from "./usage.ratios.js";
import { UTC } from "./time-zone.js";
import type { UsageQuery, UsageRow, UsageScope } from "./usage.types.js";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Daily rollups (UTC days) answer UTC DAY/WEEK/MONTH over whole UTC days; anything else, local
 * calendars included, reads hourly rollups, counting whole hours from the hour containing `from`.
 */
export function rollupGrain(from: Date, to: Date, resolution: Resolution, timeZone: string): { grain: "HOUR" | "DAY"; from: Date } {
  const dayAligned = timeZone === UTC && from.getTime() % DAY_MS === 0 && to.getTime() % DAY_MS === 0;
  if (resolution !== "HOUR" && dayAligned) return { grain: "DAY", from };
  return { grain: "HOUR", from: new Date(Math.floor(from.getTime() / HOUR_MS) * HOUR_MS) };
}

const UNIT: Record<Resolution, string> = { HOUR: "hour", DAY: "day", WEEK: "week", MONTH: "month" };
// When the resolution is the rollup grain, rollup buckets are the series' buckets: truncating
// them again (a time-zone conversion per row) is the costliest part of a year of daily rows.
// On a local calendar the series' own bucket starts ($9, from enumerateBuckets) place each hourly
// row, so SQL and the series agree on every boundary whatever PostgreSQL's copy of the zone rules
// says (and PostgreSQL never sees the zone's name). `$1 = $1` keeps unused parameters typed.
const bucketOf = (truncate: boolean, timeZone: string) =>
  !truncate
    ? `r."bucketStart"`
    : timeZone === UTC
      ? `date_trunc($1, r."bucketStart", 'UTC')`
      : `($9::timestamptz[])[width_bucket(r."bucketStart", $9::timestamptz[])]`;
// $1 unit, $2 grain, $3 organization ids, $4 scope ids, $5 metrics, $6 vendors, $7 from, $8 to, $9 local bucket starts
const RANGE = `r."organizationId" = ANY($3::uuid[]) AND r."grain" = $2::text::"RollupGrain"
  AND r."metric" = ANY($5::text[]::"UsageMetric"[]) AND r."vendor" = ANY($6::text[]::"Vendor"[])
  AND r."bucketStart" >= $7::timestamptz AND r."bucketStart" < $8::timestamptz AND $1::text = $1::text
  AND cardinality($9::timestamptz[]) >= 0`;

function sumSql(BUCKET: string): string {
  return `SELECT r."scopeId"::text AS "scopeId", r."metric"::text AS metric, r."vendor"::text AS vendor,
      ${BUCKET} AS bucket, sum(r."value")::float8 AS value
    FROM "UsageRollup" r
    WHERE ${RANGE} AND r."scope" = $10::text::"RollupScope" AND r."scopeId" = ANY($4::uuid[])
    GROUP BY GROUPING SETS ((r."scopeId", r."metric", r."vendor", ${BUCKET}), (r."scopeId", r."metric", r."vendor"))`;
}

function distinctSql(scope: UsageScope, BUCKET: string): string {
  // A user's distinct count is 1 where it has rows. Organizations and teams OR their user sets
  // (see user-sets.ts): one row per bucket of the grain, whatever the number of users.
  if (scope === "USER")
    return `SELECT r."scopeId"::text AS "scopeId", r."metric"::text AS metric, r."vendor"::text AS vendor,
        ${BUCKET} AS bucket, count(DISTINCT r."scopeId")::float8 AS value
      FROM "UsageRollup" r
      WHERE ${RANGE} AND r."scope" = 'USER' AND r."scopeId" = ANY($4::uuid[])
      GROUP BY GROUPING SETS ((r."scopeId", r."metric", r."vendor", ${BUCKET}), (r."scopeId", r."metric", r."vendor"))`;
  return `SELECT r."scopeId"::text AS "scopeId", r."metric"::text AS metric, r."vendor"::text AS vendor,
      ${BUCKET} AS bucket, bit_count(bit_or(r."users"))::float8 AS value
    FROM "UsageUserSet" r
    WHERE ${RANGE} AND r."scope" = '${scope}' AND r."scopeId" = ANY($4::uuid[])
    GROUP BY GROUPING SETS ((r."scopeId", r."metric", r."vendor", ${BUCKET}), (r."scopeId", r."metric", r."vendor"))`;
}

function ratioSql(BUCKET: string): string {
  // Organization-level ratios, weighted by the organization's Tabnine active users per rollup bucket.
  return `WITH ratios AS (
      SELECT r."organizationId", r."bucketStart", r."metric", r."vendor", r."value" / r."samples" AS ratio
      FROM "UsageRollup" r WHERE ${RANGE} AND r."scope" = 'ORGANIZATION'),
    weights AS (
      SELECT r."organizationId", r."bucketStart", bit_count(r."users")::float8 AS active
      FROM "UsageUserSet" r
      WHERE r."organizationId" = ANY($3::uuid[]) AND r."grain" = $2::text::"RollupGrain" AND r."scope" = 'ORGANIZATION'
        AND r."scopeId" = r."organizationId" AND r."metric" = 'ACTIVE_USERS' AND r."vendor" = 'TABNINE'
        AND r."bucketStart" >= $7::timestamptz AND r."bucketStart" < $8::timestamptz)
    SELECT r."organizationId"::text AS "scopeId", r."metric"::text AS metric, r."vendor"::text AS vendor,
      ${BUCKET} AS bucket,
      coalesce(sum(r.ratio * w.active) / nullif(sum(w.active), 0), avg(r.ratio))::float8 AS value
    FROM ratios r LEFT JOIN weights w ON w."organizationId" = r."organizationId" AND w."bucketStart" = r."bucketStart"
    WHERE $4::uuid[] IS NOT NULL -- ratios are per organization; the scope ids only share the parameter list
    GROUP BY GROUPING SETS ((r."organizationId", r."metric", r."vendor", ${BUCKET}), (r."organizationId", r."metric", r."vendor"))`;
}

// The organization's ratio rows one by one, for series whose buckets are the rollup buckets:
// their weights then come from the distinct-users statement (see weightRatios).
const RATIO_ROWS_SQL = `SELECT r."organizationId"::text AS "organizationId", r."metric"::text AS metric, r."vendor"::text AS vendor,
    r."bucketStart" AS bucket, (r."value" / r."samples")::float8 AS ratio
  FROM "UsageRollup" r
  WHERE ${RANGE} AND r."scope" = 'ORGANIZATION' AND $4::uuid[] IS NOT NULL`;

function scopeRatioSql(scope: "TEAM" | "USER", BUCKET: string): string {
  // A team's or user's own ratio rows (ingested per team or user), averaged over their samples:
  // never the organization's, which a team or user series must not disclose.
  return `SELECT r."scopeId"::text AS "scopeId", r."metric"::text AS metric, r."vendor"::text AS vendor,
      ${BUCKET} AS bucket, (sum(r."value") / nullif(sum(r."samples"), 0))::float8 AS value
    FROM "UsageRollup" r
    WHERE ${RANGE} AND r."scope" = '${scope}' AND r."scopeId" = ANY($4::uuid[])
    GROUP BY GROUPING SETS ((r."scopeId", r."metric", r."vendor", ${BUCKET}), (r."scopeId", r."metric", r."vendor"))`;
}

/**
 * Runs at most three statements (sums, distinct users, ratios) for all scopes of the query and
 * returns per-bucket values and range totals. Ratio rows are keyed by organization id.
 */
export async function fetchUsageRows(prisma: Prisma, query: UsageQuery): Promise<{ rows: UsageRow[]; ratioRows: UsageRow[] }> {
  const { grain, from } = rollupGrain(query.from, query.to, query.resolution, query.timeZone);
  const wanted = new Set<UsageMetricName>(query.metrics);
  if (wanted.has("AUTOMATION_FACTOR")) {
    wanted.add("COMPLETION_CHARS");
    wanted.add("KEYSTROKES");
  }
  const ofKind = (kind: string) => [...wanted].filter((metric) => METRIC_KIND[metric] === kind);
  const localStarts =
    query.timeZone === UTC ? [] : enumerateBuckets(query.from, query.to, query.resolution, query.timeZone).map((b) => b.start);
  const params = (metrics: string[]) => [
    UNIT[query.resolution],
    grain,
    query.organizationIds,
    query.scopeIds,
    metrics,
    query.vendors,
    from,
    query.to,
    localStarts,
  ];
  const run = <T = UsageRow>(sql: string, metrics: string[], ...extra: unknown[]) =>
    metrics.length === 0 ? Promise.resolve([]) : prisma.$queryRawUnsafe<T[]>(sql, ...params(metrics), ...extra);
  // Hourly rollups are local hours too: series use whole-hour zones only (see enumerateBuckets).
  const truncate = grain !== query.resolution;
  const bucket = bucketOf(truncate, query.timeZone);
  const ratioMetrics = ofKind("RATIO");
  const organizationScope = query.scope === "ORGANIZATION";
  // Organization ratios are weighted by each bucket's Tabnine active users. When series buckets
  // are rollup buckets, the distinct-users statement counts those users anyway: count them once.
  const weightsFromDistinct = organizationScope && !truncate && ratioMetrics.length > 0 && query.vendors.includes("TABNINE");
  if (weightsFromDistinct) wanted.add("ACTIVE_USERS");
  const ratioStatement = !organizationScope ? scopeRatioSql(query.scope, bucket) : weightsFromDistinct ? RATIO_ROWS_SQL : ratioSql(bucket);
  const [sums, distincts, ratios] = await Promise.all([
    run(sumSql(bucket), ofKind("SUM"), query.scope),
    run(distinctSql(query.scope, bucket), ofKind("DISTINCT")),
    run<UsageRow | RatioRow>(ratioStatement, ratioMetrics),
  ]);
  if (!organizationScope) return { rows: [...sums, ...distincts, ...(ratios as UsageRow[])], ratioRows: [] };
  if (!weightsFromDistinct) return { rows: [...sums, ...distincts], ratioRows: ratios as UsageRow[] };
  const activeUsers = new Map(
    distincts
      .filter((row) => row.metric === "ACTIVE_USERS" && row.vendor === "TABNINE" && row.bucket)
      .map((row) => [`${row.scopeId}|${row.bucket!.getTime()}`, row.value]),
  );
  return { rows: [...sums, ...distincts], ratioRows: weightRatios(ratios as RatioRow[], activeUsers) };
}
