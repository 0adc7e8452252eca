import type { Prisma } from "../../db/database.js";
import type { Vendor } from "../../db/generated/enums.js";
import { badInput } from "../../errors.js";
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

const startOfDay = (date: Date) => Math.floor(date.getTime() / DAY_MS) * DAY_MS;

/**
 * The UTC calendar days from the day of `from` to the day of `to` (both inclusive), ascending,
 * each with its distinct active users (ACTIVE_USERS at `vendor`, or any vendor); days without
 * any are included with zero. Empty when `from`'s day is after `to`'s. With a vendor, also the
 * users' ids at that vendor (Rocket.Chat `usersList`).
 * @throws BAD_USER_INPUT for dates outside 1970-9999 or more than {@link MAX_ACTIVE_USER_DAYS} days.
 */
export async function dailyActiveUsers(prisma: Prisma, organizationId: string, from: Date, to: Date, vendor: Vendor | null): Promise<DailyActiveUsersData[]> {
  for (const [argument, date] of [["from", from], ["to", to]] as const) {
    if (Number.isNaN(date.getTime()) || date.getTime() < EARLIEST || date.getTime() >= LATEST) {
      throw badInput(`${argument} must be a date from 1970 to 9999`, { argument });
    }
  }
  const first = startOfDay(from);
  const last = startOfDay(to);
  if (first > last) return [];
  const days = (last - first) / DAY_MS + 1;
  if (days > MAX_ACTIVE_USER_DAYS) {
    throw badInput(`the range covers ${days} days; at most ${MAX_ACTIVE_USER_DAYS}`, { argument: "to", maxDays: MAX_ACTIVE_USER_DAYS });
  }
  const rows = await distinctUsersPerInterval(prisma, organizationId, "ACTIVE_USERS", {
    unit: "day", from: new Date(first), to: new Date(last + DAY_MS), vendor, identityVendor: vendor,
  });
  const byDay = new Map(rows.map((row) => [row.bucket.getTime(), row]));
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
}
