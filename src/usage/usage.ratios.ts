import type { Vendor } from "../db/generated/enums.js";
import type { UsageMetricName } from "./usage.metrics.js";
import type { UsageRow } from "./usage.types.js";

/** One organization-level ratio rollup row: value / samples of one bucket. */
export interface RatioRow {
  readonly organizationId: string;
  readonly metric: UsageMetricName;
  readonly vendor: Vendor;
  readonly bucket: Date;
  readonly ratio: number;
}

/**
 * Organization ratios per rollup bucket (the mean of the bucket's rows) and over the range
 * (rows weighted by their bucket's Tabnine active users; the plain mean when no bucket has any),
 * for series whose buckets are the rollup buckets.
 * @param activeUsers distinct Tabnine active users by `organizationId|bucket ms`.
 */
export function weightRatios(rows: readonly RatioRow[], activeUsers: ReadonlyMap<string, number>): UsageRow[] {
  interface Sums {
    readonly row: RatioRow;
    bucket: Date | null;
    sum: number;
    count: number;
    weighted: number;
    weight: number;
  }
  const groups = new Map<string, Sums>();
  const add = (key: string, row: RatioRow, bucket: Date | null, weight: number | undefined) => {
    let sums = groups.get(key);
    if (!sums) groups.set(key, (sums = { row, bucket, sum: 0, count: 0, weighted: 0, weight: 0 }));
    sums.sum += row.ratio;
    sums.count++;
    if (weight !== undefined) {
      sums.weighted += row.ratio * weight;
      sums.weight += weight;
    }
  };
  for (const row of rows) {
    const series = `${row.organizationId}|${row.metric}|${row.vendor}`;
    const weight = activeUsers.get(`${row.organizationId}|${row.bucket.getTime()}`);
    add(`${series}|${row.bucket.getTime()}`, row, row.bucket, weight);
    add(`${series}|total`, row, null, weight);
  }
  return [...groups.values()].map(({ row, bucket, sum, count, weighted, weight }) => ({
    scopeId: row.organizationId,
    metric: row.metric,
    vendor: row.vendor,
    bucket,
    value: weight > 0 ? weighted / weight : sum / count,
  }));
}
