import type { Prisma } from "../db/database.js";
import type { Vendor } from "../db/generated/enums.js";
import { badInput } from "../errors.js";
import { groupByKeys } from "../db/batch.js";
import type DataLoader from "dataloader";
import { distinctUsersPerInterval } from "./calendar.service.js";

/** Longest range `dailyActiveUsers` answers, in days (about ten years). */
export const MAX_ACTIVE_USER_DAYS = 3_660;
const DAY_MS = 86_400_000;
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(10_000, 0, 1);

export interface DailyActiveUsersData {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  count: number;
  userIds: string[];
  vendorUserIds: string[] | null;
}

/** A validated range of UTC days: the starts (ms) of the first and the last day, both inclusive. */
export interface DayRange {
  readonly first: number;
  readonly last: number;
}

/** What the dailyActiveUsers loader is asked for. */
export interface DailyActiveUsersKey extends DayRange {
  readonly organizationId: string;
  readonly vendor: Vendor | null;
}

const startOfDay = (date: Date) => Math.floor(date.getTime() / DAY_MS) * DAY_MS;

/**
 * The UTC days from the day of `from` to the day of `to`, both inclusive.
 * @throws BAD_USER_INPUT for dates outside 1970-9999 or more than {@link MAX_ACTIVE_USER_DAYS} days.
 */
export function dayRange(from: Date, to: Date): DayRange {
  for (const [argument, date] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (Number.isNaN(date.getTime()) || date.getTime() < EARLIEST || date.getTime() >= LATEST) {
      throw badInput(`${argument} must be a date from 1970 to 9999`, { argument });
    }
  }
  const first = startOfDay(from);
  const last = startOfDay(to);
  const days = (last - first) / DAY_MS + 1;
  if (days > MAX_ACTIVE_USER_DAYS) {
    throw badInput(`the range covers ${days} days; at most ${MAX_ACTIVE_USER_DAYS}`, { argument: "to", maxDays: MAX_ACTIVE_USER_DAYS });
  }
  return { first, last };
}

/**
 * Each day of `range` (ascending) with its distinct active users (ACTIVE_USERS at `vendor`, or
 * any vendor), per organization in `organizationIds` order; days without any are included with
 * zero. Empty when the first day is after the last. With a vendor, also the users' ids at that
 * vendor (Rocket.Chat `usersList`). At most one statement for all the organizations.
 */
export async function dailyActiveUsersOf(
  prisma: Prisma,
  organizationIds: readonly string[],
  range: DayRange,
  vendor: Vendor | null,
): Promise<DailyActiveUsersData[][]> {
  const { first, last } = range;
  if (first > last) return organizationIds.map(() => []);
  const rows = await distinctUsersPerInterval(prisma, organizationIds, "ACTIVE_USERS", {
    unit: "day",
    from: new Date(first),
    to: new Date(last + DAY_MS),
    vendor,
    identityVendor: vendor,
  });
  return groupByKeys(organizationIds, rows, (row) => row.organizationId).map((group) => {
    const byDay = new Map(group.map((row) => [row.bucket.getTime(), row]));
    const result: DailyActiveUsersData[] = [];
    for (let time = first; time <= last; time += DAY_MS) {
      const date = new Date(time);
      const row = byDay.get(time);
      result.push({
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        count: row?.count ?? 0,
        userIds: row?.userIds ?? [],
        vendorUserIds: vendor ? (row?.vendorUserIds ?? []) : null,
      });
    }
    return result;
  });
}

/**
 * The daily active users of one organization from the day of `from` to the day of `to` (see
 * {@link dailyActiveUsersOf}), read directly (one statement).
 * @throws BAD_USER_INPUT for dates outside 1970-9999 or more than {@link MAX_ACTIVE_USER_DAYS} days.
 */
export async function dailyActiveUsers(
  prisma: Prisma,
  organizationId: string,
  from: Date,
  to: Date,
  vendor: Vendor | null,
): Promise<DailyActiveUsersData[]> {
  const [days] = await dailyActiveUsersOf(prisma, [organizationId], dayRange(from, to), vendor);
  return days!;
}

/** {@link dailyActiveUsers} through the request's loader, so a list of organizations shares the statement. */
export function loadDailyActiveUsers(
  loaders: { readonly dailyActiveUsers: DataLoader<DailyActiveUsersKey, DailyActiveUsersData[], string> },
  organizationId: string,
  from: Date,
  to: Date,
  vendor: Vendor | null,
): Promise<DailyActiveUsersData[]> {
  return loaders.dailyActiveUsers.load({ organizationId, ...dayRange(from, to), vendor });
}
