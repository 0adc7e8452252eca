import type { Prisma } from "../db/database.js";
import type { UsageMetric, Vendor } from "../db/generated/enums.js";
import { badInput } from "../errors.js";
import { groupByKeys } from "../db/batch.js";
import type DataLoader from "dataloader";
import { DateTime } from "luxon";
import { usageTimeZone } from "../usage/usage.series.js";
import { UTC } from "../usage/time-zone.js";

export interface CalendarSeriesData {
  minYear: number;
  minMonth: number;
  points: { date: string; count: number; userIds: string[] | null }[];
}

/** @throws BAD_USER_INPUT for a year outside 1970-9999 or a month outside 1-12. */
export function validateCalendar(year: number, month: number | null | undefined): void {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw badInput("year must be between 1970 and 9999", { argument: "year" });
  if (month !== null && month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12)) {
    throw badInput("month must be between 1 and 12", { argument: "month" });
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant a local calendar date starts in `timeZone` (its midnight, or the first hour after a DST gap). */
function localStart(timeZone: string, year: number, month: number, day = 1): Date {
  if (timeZone === UTC) return new Date(Date.UTC(year, month - 1, day));
  return DateTime.fromObject({ year, month, day }, { zone: timeZone }).startOf("day").toJSDate();
}

/**
 * The intervals of a year (monthly) or month (daily) on the calendar of `timeZone`, up to and
 * including the current one, and the end of the last of them.
 */
export function calendarIntervals(
  year: number,
  month: number | null | undefined,
  now: Date,
  timeZone = UTC,
): { intervals: { start: Date; label: string }[]; end: Date } {
  const intervals: { start: Date; label: string }[] = [];
  if (month) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let day = 1; day <= days; day++)
      intervals.push({ start: localStart(timeZone, year, month, day), label: `${year}-${pad(month)}-${pad(day)}` });
    intervals.push({ start: localStart(timeZone, month === 12 ? year + 1 : year, (month % 12) + 1), label: "" });
  } else {
    for (let m = 1; m <= 12; m++) intervals.push({ start: localStart(timeZone, year, m), label: `${year}-${pad(m)}` });
    intervals.push({ start: localStart(timeZone, year + 1, 1), label: "" });
  }
  // The first interval that has not begun yet (at the latest the one after the last) ends the series.
  const begun = intervals.findIndex(({ start }) => start > now);
  const upcoming = begun === -1 ? intervals.length - 1 : begun;
  const end = intervals[upcoming]!.start;
  intervals.splice(upcoming);
  if (intervals.some(({ start }) => start.getTime() % 3_600_000 !== 0)) {
    throw badInput(`timeZone ${timeZone} is not a whole number of hours from UTC; usage is rolled up by the hour`, {
      argument: "timeZone",
    });
  }
  return { intervals, end };
}

export interface CalendarRequest {
  readonly metric: UsageMetric;
  readonly year: number;
  readonly month: number | null;
  readonly vendor: Vendor | null;
  /** Distinct active users instead of the sum of a counting metric. */
  readonly distinctUsers: boolean;
  /** With distinctUsers: also the users' ids (counting alone reads the pre-aggregated user sets). */
  readonly withUserIds: boolean;
  /** IANA zone whose calendar days and months are counted (checked; `UTC` by default). */
  readonly timeZone: string;
}

/** What the calendarSeries loader is asked for. */
export interface CalendarKey extends CalendarRequest {
  readonly organizationId: string;
}

/**
 * Counts per day or month for each organization, in `organizationIds` order: distinct active
 * users (union across vendors when none is given, with their ids) or the sum of a counting
 * metric. Two statements for all of them (oldest data, counts). The request must be valid
 * ({@link validateCalendar}).
 */
export async function calendarSeriesOf(
  prisma: Prisma,
  organizationIds: readonly string[],
  request: CalendarRequest,
  now = new Date(),
): Promise<CalendarSeriesData[]> {
  const { metric, year, month, vendor, distinctUsers, withUserIds, timeZone } = request;
  const ids = [...organizationIds];
  const { intervals, end: to } = calendarIntervals(year, month, now, timeZone);
  const unit = month ? "day" : "month";
  const from = intervals[0]?.start;
  // Daily rollups are UTC days: a local calendar is counted from hourly rollups, each placed in
  // its interval by the intervals' own starts (see intervalOf).
  const grain = timeZone === UTC ? "DAY" : "HOUR";
  const starts = intervals.map(({ start }) => start);
  type Row = { organizationId: string; bucket: Date; count: number; userIds: string[] | null };
  const [oldest, rows] = await Promise.all([
    prisma.$queryRawUnsafe<{ organizationId: string; first: Date | null }[]>(
      `SELECT "organizationId"::text AS "organizationId", min("bucketStart") AS first FROM "UsageRollup"
       WHERE "organizationId" = ANY($1::uuid[]) AND "grain" = 'DAY' AND "scope" = 'ORGANIZATION' AND "metric" = $2::text::"UsageMetric"
         AND ($3::text IS NULL OR "vendor" = $3::text::"Vendor")
       GROUP BY 1`,
      ids,
      metric,
      vendor,
    ),
    !from
      ? ([] as Row[])
      : distinctUsers && withUserIds
        ? distinctUsersPerInterval(prisma, ids, metric, { unit, from, to, vendor, localStarts: timeZone === UTC ? undefined : starts })
        : prisma.$queryRawUnsafe<Row[]>(
            // A sum over the organization's rollups, or the distinct users of its user sets (user-sets.ts).
            `SELECT "organizationId"::text AS "organizationId", ${intervalOf(`"bucketStart"`, timeZone === UTC, "$7")} AS bucket,
               ${distinctUsers ? `bit_count(bit_or("users"))::int` : `sum("value")::int`} AS count, NULL::text[] AS "userIds"
             FROM ${distinctUsers ? `"UsageUserSet"` : `"UsageRollup"`}
             WHERE "organizationId" = ANY($1::uuid[]) AND "grain" = $8::text::"RollupGrain" AND "scope" = 'ORGANIZATION'
               AND "metric" = $2::text::"UsageMetric" AND ($3::text IS NULL OR "vendor" = $3::text::"Vendor")
               AND "bucketStart" >= $5::timestamptz AND "bucketStart" < $6::timestamptz AND cardinality($7::timestamptz[]) >= 0 AND $4::text = $4::text
             GROUP BY 1, 2`,
            ids,
            metric,
            vendor,
            unit,
            from,
            to,
            starts,
            grain,
          ),
  ]);
  const firstOf = new Map(oldest.map((row) => [row.organizationId, row.first]));
  const rowsOf = groupByKeys(ids, rows as Row[], (row) => row.organizationId);
  return ids.map((id, i) => {
    const first = firstOf.get(id) ?? now;
    const byStart = new Map(rowsOf[i]!.map((row) => [row.bucket.getTime(), row]));
    const local = DateTime.fromJSDate(first, { zone: timeZone });
    return {
      minYear: local.year,
      minMonth: local.month,
      points: intervals.map(({ start, label }) => {
        const row = byStart.get(start.getTime());
        return { date: label, count: row?.count ?? 0, userIds: distinctUsers && withUserIds ? (row?.userIds ?? []) : null };
      }),
    };
  });
}

/**
 * The calendar series of one organization, through the request's loader (see {@link calendarSeriesOf}).
 * @throws BAD_USER_INPUT for a year outside 1970-9999 or a month outside 1-12.
 */
export function calendarSeries(
  loaders: { readonly calendarSeries: DataLoader<CalendarKey, CalendarSeriesData, string> },
  organizationId: string,
  metric: UsageMetric,
  options: {
    year: number;
    month?: number | null;
    vendor?: Vendor | null;
    distinctUsers: boolean;
    withUserIds?: boolean;
    timeZone?: string | null;
  },
): Promise<CalendarSeriesData> {
  validateCalendar(options.year, options.month);
  const timeZone = usageTimeZone(options.timeZone);
  return loaders.calendarSeries.load({
    organizationId,
    metric,
    year: options.year,
    month: options.month ?? null,
    vendor: options.vendor ?? null,
    distinctUsers: options.distinctUsers,
    withUserIds: options.distinctUsers && (options.withUserIds ?? true),
    timeZone,
  });
}

/**
 * The start of the interval holding a rollup row: its UTC day or month (`$4` is the unit), or on
 * a local calendar the last of the interval starts in `starts` (a timestamptz[] parameter,
 * ascending) at or before it. So SQL places rows exactly where the intervals computed here begin,
 * whatever PostgreSQL's copy of the zone rules says. The statement must reference `starts`
 * elsewhere too (`cardinality(...)`), so that it is typed when unused.
 */
function intervalOf(column: string, utc: boolean, starts: string): string {
  return utc ? `date_trunc($4, ${column}, 'UTC')` : `(${starts}::timestamptz[])[width_bucket(${column}, ${starts}::timestamptz[])]`;
}

export interface DistinctUsersRow {
  readonly organizationId: string;
  /** Start of the day or month (in the range's time zone). */
  readonly bucket: Date;
  readonly count: number;
  /** Gateway user ids, sorted. */
  readonly userIds: string[];
  /** The users' ids at `identityVendor` (sorted; users without such an identity left out); null without one. */
  readonly vendorUserIds: string[] | null;
}

/**
 * Distinct users with USER-scope rollups of `metric` per organization and day or month of
 * `timeZone` (default UTC: daily rollups; another zone: hourly rollups truncated on its calendar)
 * in [from, to) (intervals without any omitted), in one statement for all the organizations,
 * ordered by organization and interval. With `identityVendor`, also their Identity.externalId
 * at that vendor.
 */
export function distinctUsersPerInterval(
  prisma: Prisma,
  organizationIds: readonly string[],
  metric: UsageMetric,
  range: {
    unit: "day" | "month";
    from: Date;
    to: Date;
    vendor: Vendor | null;
    identityVendor?: Vendor | null;
    /** The intervals' starts on a local calendar (omitted: UTC days or months). */
    localStarts?: readonly Date[];
  },
): Promise<DistinctUsersRow[]> {
  return prisma.$queryRawUnsafe<DistinctUsersRow[]>(
    `SELECT r."organizationId"::text AS "organizationId", ${intervalOf(`r."bucketStart"`, !range.localStarts, "$8")} AS bucket,
       count(DISTINCT r."scopeId")::int AS count,
       array_agg(DISTINCT r."scopeId"::text ORDER BY r."scopeId"::text) AS "userIds",
       CASE WHEN $7::text IS NULL THEN NULL
         ELSE coalesce(array_agg(DISTINCT i."externalId" ORDER BY i."externalId") FILTER (WHERE i."externalId" IS NOT NULL), '{}') END AS "vendorUserIds"
     FROM "UsageRollup" r
     LEFT JOIN "Identity" i ON $7::text IS NOT NULL AND i."userId" = r."scopeId" AND i."organizationId" = r."organizationId"
       AND i."vendor" = $7::text::"Vendor"
     WHERE r."organizationId" = ANY($1::uuid[]) AND r."grain" = $9::text::"RollupGrain" AND r."scope" = 'USER' AND cardinality($8::timestamptz[]) >= 0 AND $4::text = $4::text
       AND r."metric" = $2::text::"UsageMetric" AND ($3::text IS NULL OR r."vendor" = $3::text::"Vendor")
       AND r."bucketStart" >= $5::timestamptz AND r."bucketStart" < $6::timestamptz
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [...organizationIds],
    metric,
    range.vendor,
    range.unit,
    range.from,
    range.to,
    range.identityVendor ?? null,
    range.localStarts ?? [],
    range.localStarts ? "HOUR" : "DAY",
  );
}
