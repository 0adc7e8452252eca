import type { Prisma } from "../../db/database.js";
import type { UsageMetric, Vendor } from "../../db/generated/enums.js";
import { badInput } from "../../errors.js";

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

/** The intervals of a year (monthly) or month (daily), up to and including the current one. */
export function calendarIntervals(year: number, month: number | null | undefined, now: Date): { start: Date; label: string }[] {
  const intervals: { start: Date; label: string }[] = [];
  if (month) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let day = 1; day <= days; day++) {
      const start = new Date(Date.UTC(year, month - 1, day));
      if (start > now) break;
      intervals.push({ start, label: `${year}-${pad(month)}-${pad(day)}` });
    }
  } else {
    for (let m = 1; m <= 12; m++) {
      const start = new Date(Date.UTC(year, m - 1, 1));
      if (start > now) break;
      intervals.push({ start, label: `${year}-${pad(m)}` });
    }
  }
  return intervals;
}

/**
 * Counts per day or month for one organization: distinct active users (union across vendors
 * when none is given, with their ids) or the sum of a counting metric.
 */
export async function calendarSeries(
  prisma: Prisma,
  organizationId: string,
  metric: UsageMetric,
  options: { year: number; month?: number | null; vendor?: Vendor | null; distinctUsers: boolean; now?: Date },
): Promise<CalendarSeriesData> {
  validateCalendar(options.year, options.month);
  const now = options.now ?? new Date();
  const intervals = calendarIntervals(options.year, options.month, now);
  const unit = options.month ? "day" : "month";
  const vendor = options.vendor ?? null;
  const [oldest] = await prisma.$queryRawUnsafe<{ first: Date | null }[]>(
    `SELECT min("bucketStart") AS first FROM "UsageRollup"
     WHERE "organizationId" = $1::uuid AND "grain" = 'DAY' AND "scope" = 'ORGANIZATION' AND "metric" = $2::text::"UsageMetric"
       AND ($3::text IS NULL OR "vendor" = $3::text::"Vendor")`,
    organizationId, metric, vendor,
  );
  const first = oldest?.first ?? now;
  const base = { minYear: first.getUTCFullYear(), minMonth: first.getUTCMonth() + 1 };
  if (intervals.length === 0) return { ...base, points: [] };
  const from = intervals[0]!.start;
  const to = options.month ? new Date(Date.UTC(options.year, options.month, 1)) : new Date(Date.UTC(options.year + 1, 0, 1));
  const rows: { bucket: Date; count: number; userIds: string[] | null }[] = options.distinctUsers
    ? await distinctUsersPerInterval(prisma, organizationId, metric, { unit, from, to, vendor })
    : await prisma.$queryRawUnsafe(
        `SELECT date_trunc($4, "bucketStart", 'UTC') AS bucket, sum("value")::int AS count, NULL::text[] AS "userIds"
         FROM "UsageRollup" WHERE "organizationId" = $1::uuid AND "grain" = 'DAY' AND "scope" = 'ORGANIZATION'
           AND "metric" = $2::text::"UsageMetric" AND ($3::text IS NULL OR "vendor" = $3::text::"Vendor")
           AND "bucketStart" >= $5::timestamptz AND "bucketStart" < $6::timestamptz
         GROUP BY 1`,
        organizationId, metric, vendor, unit, from, to,
      );
  const byStart = new Map(rows.map((row) => [row.bucket.getTime(), row]));
  return {
    ...base,
    points: intervals.map(({ start, label }) => {
      const row = byStart.get(start.getTime());
      return { date: label, count: row?.count ?? 0, userIds: options.distinctUsers ? (row?.userIds ?? []) : null };
    }),
  };
}

export interface DistinctUsersRow {
  /** Start of the day or month (UTC). */
  bucket: Date;
  count: number;
  /** Gateway user ids, sorted. */
  userIds: string[];
  /** The users' ids at `identityVendor` (sorted; users without such an identity left out); null without one. */
  vendorUserIds: string[] | null;
}

/**
 * Distinct users with USER-scope DAY rollups of `metric` per UTC day or month in [from, to)
 * (intervals without any omitted), in one statement. With `identityVendor`, also their
 * Identity.externalId at that vendor.
 */
export function distinctUsersPerInterval(
  prisma: Prisma,
  organizationId: string,
  metric: UsageMetric,
  range: { unit: "day" | "month"; from: Date; to: Date; vendor: Vendor | null; identityVendor?: Vendor | null },
): Promise<DistinctUsersRow[]> {
  return prisma.$queryRawUnsafe<DistinctUsersRow[]>(
    `SELECT date_trunc($4, r."bucketStart", 'UTC') AS bucket, count(DISTINCT r."scopeId")::int AS count,
       array_agg(DISTINCT r."scopeId"::text ORDER BY r."scopeId"::text) AS "userIds",
       CASE WHEN $7::text IS NULL THEN NULL
         ELSE coalesce(array_agg(DISTINCT i."externalId" ORDER BY i."externalId") FILTER (WHERE i."externalId" IS NOT NULL), '{}') END AS "vendorUserIds"
     FROM "UsageRollup" r
     LEFT JOIN "Identity" i ON $7::text IS NOT NULL AND i."userId" = r."scopeId" AND i."organizationId" = r."organizationId"
       AND i."vendor" = $7::text::"Vendor"
     WHERE r."organizationId" = $1::uuid AND r."grain" = 'DAY' AND r."scope" = 'USER'
       AND r."metric" = $2::text::"UsageMetric" AND ($3::text IS NULL OR r."vendor" = $3::text::"Vendor")
       AND r."bucketStart" >= $5::timestamptz AND r."bucketStart" < $6::timestamptz
     GROUP BY 1 ORDER BY 1`,
    organizationId, metric, range.vendor, range.unit, range.from, range.to, range.identityVendor ?? null,
  );
}

/** Per month, the users whose last activity at the vendor fell in it (months with none omitted). */
export async function lastUsages(prisma: Prisma, organizationId: string, vendor: Vendor | null): Promise<{ year: number; month: number; users: number }[]> {
  const rows = await prisma.$queryRawUnsafe<{ month: Date; users: number }[]>(
    `SELECT date_trunc('month', last, 'UTC') AS month, count(*)::int AS users FROM (
       SELECT "scopeId", max("bucketStart") AS last FROM "UsageRollup"
       WHERE "organizationId" = $1::uuid AND "grain" = 'DAY' AND "scope" = 'USER' AND "metric" = 'ACTIVE_USERS'
         AND ($2::text IS NULL OR "vendor" = $2::text::"Vendor")
       GROUP BY 1) s
     GROUP BY 1 ORDER BY 1`,
    organizationId, vendor,
  );
  return rows.map((row) => ({ year: row.month.getUTCFullYear(), month: row.month.getUTCMonth() + 1, users: row.users }));
}

/** Month-end account counts from `startMonth` (YYYY-MM; default 11 months ago) to the current month, zero-filled. */
export async function accountUtilization(prisma: Prisma, organizationId: string, startMonth: string | null | undefined, now = new Date()) {
  let start: Date;
  if (startMonth) {
    const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(startMonth);
    if (!match || Number(match[1]) < 1970) {
      throw badInput("startMonth must be YYYY-MM with a year from 1970 and a month from 01 to 12", { argument: "startMonth" });
    }
    start = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  } else {
    start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  }
  const rows = await prisma.accountUtilization.findMany({
    where: { organizationId, vendor: "TABNINE", month: { gte: start } },
    orderBy: { month: "asc" },
  });
  const byMonth = new Map(rows.map((row) => [row.month.getTime(), row]));
  const months = [];
  for (let m = start; m <= now; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const row = byMonth.get(m.getTime());
    months.push({
      year: m.getUTCFullYear(), month: m.getUTCMonth() + 1,
      registered: row?.registered ?? 0, deactivated: row?.deactivated ?? 0, active: row?.active ?? 0, pending: row?.pending ?? 0,
    });
  }
  return months;
}
