import type { Vendor } from "../db/generated/enums.js";
import { badInput } from "../errors.js";
import { BucketRangeError, enumerateBuckets, MAX_BUCKETS, type Bucket, type Resolution } from "./resolution.js";
import { canonicalTimeZone, TimeZoneError, UTC } from "./time-zone.js";
import { seriesPairs, type UsageMetricName } from "./usage.metrics.js";
import type { UsageKey, UsageRow, UsageSeriesData } from "./usage.types.js";

/**
 * Validates a usage range and returns its buckets.
 * @throws DomainError BAD_USER_INPUT naming the rule (from < to, at most MAX_BUCKETS buckets, a whole-hour time zone).
 */
export function usageBuckets(from: Date, to: Date, resolution: Resolution, timeZone = UTC): Bucket[] {
  try {
    return enumerateBuckets(from, to, resolution, timeZone);
  } catch (error) {
    if (error instanceof BucketRangeError) {
      throw badInput(error.message, error.argument ? { argument: error.argument } : { maxBuckets: MAX_BUCKETS });
    }
    throw error;
  }
}

/**
 * The time zone a request asked for, checked: `UTC` when omitted.
 * @throws DomainError BAD_USER_INPUT naming the `timeZone` argument.
 */
export function usageTimeZone(name: string | null | undefined): string {
  if (name === null || name === undefined) return UTC;
  try {
    return canonicalTimeZone(name);
  } catch (error) {
    if (error instanceof TimeZoneError) throw badInput(error.message, { argument: "timeZone" });
    throw error;
  }
}

/** A stable cache key for a usage request (dates as ISO, lists sorted). */
export function usageCacheKey(key: UsageKey): string {
  return [
    key.scope,
    key.scopeId,
    key.from.toISOString(),
    key.to.toISOString(),
    key.resolution,
    key.timeZone,
    [...key.vendors].sort().join(","),
    [...key.metrics].sort().join(","),
  ].join("|");
}

/**
 * Keys that can share one set of statements: same scope kind, range and resolution. Vendors and
 * metrics are unioned over the group (each series then reports only its own pairs), so the number
 * of statements does not grow with the variety of organizations either.
 */
export function usageGroupKey(key: UsageKey): string {
  return [key.scope, key.from.toISOString(), key.to.toISOString(), key.resolution, key.timeZone].join("|");
}

/**
 * Zero-filled series for one scope.
 * @param rows the scope's rows; @param ratioRows its organization's ratio rows.
 */
export function buildSeries(key: UsageKey, rows: readonly UsageRow[], ratioRows: readonly UsageRow[]): UsageSeriesData {
  const values = new Map<string, number>();
  const slot = (metric: string, vendor: string, bucket: Date | null) => `${metric}|${vendor}|${bucket ? bucket.getTime() : "total"}`;
  for (const row of [...rows, ...ratioRows]) values.set(slot(row.metric, row.vendor, row.bucket), row.value);

  const valueOf = (metric: UsageMetricName, vendor: Vendor, bucket: Date | null): number => {
    if (metric === "AUTOMATION_FACTOR") {
      const chars = values.get(slot("COMPLETION_CHARS", vendor, bucket)) ?? 0;
      const keystrokes = values.get(slot("KEYSTROKES", vendor, bucket)) ?? 0;
      return chars + keystrokes === 0 ? 0 : chars / (chars + keystrokes);
    }
    return values.get(slot(metric, vendor, bucket)) ?? 0;
  };
  const pairs = seriesPairs(key.metrics, key.vendors);
  const toValues = (bucket: Date | null) => pairs.map(([metric, vendor]) => ({ metric, vendor, value: valueOf(metric, vendor, bucket) }));
  return {
    from: key.from,
    to: key.to,
    resolution: key.resolution,
    timeZone: key.timeZone,
    points: usageBuckets(key.from, key.to, key.resolution, key.timeZone).map((bucket) => ({
      from: bucket.from,
      to: bucket.to,
      values: toValues(bucket.start),
    })),
    totals: toValues(null),
  };
}
