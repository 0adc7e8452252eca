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

/**
 * One month of Tabnine account utilization (Tabnine's account-utilization page; docs/vendors/tabnine.md
 * §3.3). "End of month" is the end of the month, or now for the current month (counted so far).
 */
export interface AccountUtilizationData {
  year: number;
  /** 1-12. */
  month: number;
  /** Registered users (end of month): signed up, not deactivated. */
  registered: number;
  /** Deactivated users (end of month). */
  deactivated: number;
  /** Registered users (throughout the month): registered at any time in it, deactivated by its end included. */
  active: number;
  /** Users with pending invitations (end of month). */
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

/** Per organization and month (UTC), how many Tabnine accounts signed up, were invited and were deactivated in it. */
interface AccountChanges {
  organizationId: string;
  month: Date;
  registrations: number;
  invitations: number;
  deactivations: number;
}

// Tabnine accounts are users with a TABNINE identity. A user's createdAt is when it signed up (or,
// while PENDING, was invited); a DEACTIVATED user without deactivatedAt was deactivated by its last
// update at the latest. Only what happened before `now` counts.
const ACCOUNT_CHANGES = `
  WITH accounts AS (
    SELECT u."organizationId" AS org, u."status" = 'PENDING' AS pending, u."createdAt" AS since,
      CASE WHEN u."status" = 'DEACTIVATED' THEN greatest(u."createdAt", coalesce(u."deactivatedAt", u."updatedAt")) END AS until
    FROM "User" u
    WHERE u."organizationId" = ANY($1::uuid[])
      AND EXISTS (SELECT 1 FROM "Identity" i WHERE i."userId" = u."id" AND i."vendor" = 'TABNINE'))
  SELECT org::text AS "organizationId", month, sum(registrations)::int AS registrations,
    sum(invitations)::int AS invitations, sum(deactivations)::int AS deactivations
  FROM (
    SELECT org, date_trunc('month', since, 'UTC') AS month, (NOT pending)::int AS registrations, pending::int AS invitations, 0 AS deactivations
    FROM accounts WHERE since < $2::timestamptz
    UNION ALL
    SELECT org, date_trunc('month', until, 'UTC'), 0, 0, 1 FROM accounts WHERE until < $2::timestamptz) changes
  GROUP BY 1, 2 ORDER BY 1, 2`;

/** The months from `changes` (ascending) to each month from `start` through the one of `now`: running totals. */
export function utilizationMonths(changes: readonly AccountChanges[], start: Date, now: Date): AccountUtilizationData[] {
  const months: AccountUtilizationData[] = [];
  let registrations = 0,
    invitations = 0,
    deactivations = 0,
    next = 0;
  for (let m = start; m <= now; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    let deactivatedInMonth = 0;
    for (; next < changes.length && changes[next]!.month.getTime() <= m.getTime(); next++) {
      const change = changes[next]!;
      registrations += change.registrations;
      invitations += change.invitations;
      deactivations += change.deactivations;
      if (change.month.getTime() === m.getTime()) deactivatedInMonth = change.deactivations;
    }
    const registered = registrations - deactivations;
    months.push({
      year: m.getUTCFullYear(),
      month: m.getUTCMonth() + 1,
      registered,
      deactivated: deactivations,
      active: registered + deactivatedInMonth,
      pending: invitations,
    });
  }
  return months;
}

/**
 * Tabnine account utilization of each organization (in `organizationIds` order), per month from
 * the month of `start` through the current month (up to `now`), from the accounts' sign-up,
 * invitation and deactivation times, in one statement for all of them.
 */
export async function accountUtilizationOf(
  prisma: Prisma,
  organizationIds: readonly string[],
  start: Date,
  now = new Date(),
): Promise<AccountUtilizationData[][]> {
  const rows = await prisma.$queryRawUnsafe<AccountChanges[]>(ACCOUNT_CHANGES, [...organizationIds], now.toISOString());
  return groupByKeys(organizationIds, rows, (row) => row.organizationId).map((changes) => utilizationMonths(changes, start, now));
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
