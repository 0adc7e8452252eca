import type { Prisma } from "../db/database.js";
import type { Vendor } from "../db/generated/enums.js";
import { badInput } from "../errors.js";
import { groupByKeys } from "../db/batch.js";
import type DataLoader from "dataloader";

export interface LastUsageData {
  year: number;
  /** 1-12. */
  month: number;
  users: number;
}

export interface AccountUtilizationData {
  year: number;
  /** 1-12. */
  month: number;
  registered: number;
  deactivated: number;
  active: number;
  pending: number;
}

/** What the lastUsages loader is asked for. */
export interface LastUsagesKey {
  readonly organizationId: string;
  readonly vendor: Vendor | null;
}

/** What the accountUtilization loader is asked for: the first month (UTC, its first day). */
export interface AccountUtilizationKey {
  readonly organizationId: string;
  readonly start: Date;
}

/**
 * Per organization (in `organizationIds` order) and month, the users whose last activity at the
 * vendor fell in it (ascending; months with none omitted), in one statement for all of them.
 */
export async function lastUsagesOf(prisma: Prisma, organizationIds: readonly string[], vendor: Vendor | null): Promise<LastUsageData[][]> {
  const rows = await prisma.$queryRawUnsafe<{ organizationId: string; month: Date; users: number }[]>(
    `SELECT s."organizationId"::text AS "organizationId", date_trunc('month', s.last, 'UTC') AS month, count(*)::int AS users FROM (
       SELECT "organizationId", "scopeId", max("bucketStart") AS last FROM "UsageRollup"
       WHERE "organizationId" = ANY($1::uuid[]) AND "grain" = 'DAY' AND "scope" = 'USER' AND "metric" = 'ACTIVE_USERS'
         AND ($2::text IS NULL OR "vendor" = $2::text::"Vendor")
       GROUP BY 1, 2) s
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [...organizationIds],
    vendor,
  );
  return groupByKeys(organizationIds, rows, (row) => row.organizationId).map((group) =>
    group.map((row) => ({ year: row.month.getUTCFullYear(), month: row.month.getUTCMonth() + 1, users: row.users })),
  );
}

/** The last usages of one organization, through the request's loader (see {@link lastUsagesOf}). */
export function lastUsages(
  loaders: { readonly lastUsages: DataLoader<LastUsagesKey, LastUsageData[], string> },
  organizationId: string,
  vendor: Vendor | null,
): Promise<LastUsageData[]> {
  return loaders.lastUsages.load({ organizationId, vendor });
}

/**
 * The first month of an account utilization series: `startMonth` (YYYY-MM), default 11 months
 * before the current one.
 * @throws BAD_USER_INPUT for anything but YYYY-MM with a year from 1970.
 */
export function accountUtilizationStart(startMonth: string | null | undefined, now = new Date()): Date {
  if (!startMonth) return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(startMonth);
  if (!match || Number(match[1]) < 1970) {
    throw badInput("startMonth must be YYYY-MM with a year from 1970 and a month from 01 to 12", { argument: "startMonth" });
  }
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/**
 * Month-end Tabnine account counts of each organization (in `organizationIds` order) from the
 * month of `start` to the current month, zero-filled, in one statement for all of them.
 */
export async function accountUtilizationOf(
  prisma: Prisma,
  organizationIds: readonly string[],
  start: Date,
  now = new Date(),
): Promise<AccountUtilizationData[][]> {
  const rows = await prisma.accountUtilization.findMany({
    where: { organizationId: { in: [...organizationIds] }, vendor: "TABNINE", month: { gte: start } },
    orderBy: { month: "asc" },
  });
  return groupByKeys(organizationIds, rows, (row) => row.organizationId).map((group) => {
    const byMonth = new Map(group.map((row) => [row.month.getTime(), row]));
    const months: AccountUtilizationData[] = [];
    for (let m = start; m <= now; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
      const row = byMonth.get(m.getTime());
      months.push({
        year: m.getUTCFullYear(),
        month: m.getUTCMonth() + 1,
        registered: row?.registered ?? 0,
        deactivated: row?.deactivated ?? 0,
        active: row?.active ?? 0,
        pending: row?.pending ?? 0,
      });
    }
    return months;
  });
}

/**
 * The account utilization of one organization, through the request's loader (see {@link accountUtilizationOf}).
 * @throws BAD_USER_INPUT for a malformed `startMonth`.
 */
export function accountUtilization(
  loaders: { readonly accountUtilization: DataLoader<AccountUtilizationKey, AccountUtilizationData[], string> },
  organizationId: string,
  startMonth: string | null | undefined,
): Promise<AccountUtilizationData[]> {
  return loaders.accountUtilization.load({ organizationId, start: accountUtilizationStart(startMonth) });
}
