import type { Resolution } from "./__generated__/operations.js";

/** The time range every usage chart and table of the console shows, and how it is bucketed. */

export const PRESETS = [
  { id: "7d", days: 7, label: "7 days" },
  { id: "30d", days: 30, label: "30 days" },
  { id: "90d", days: 90, label: "90 days" },
  { id: "365d", days: 365, label: "365 days" },
] as const;
export type PresetId = (typeof PRESETS)[number]["id"];

export const RESOLUTIONS: readonly { id: Resolution; label: string }[] = [
  { id: "HOUR", label: "Hour" },
  { id: "DAY", label: "Day" },
  { id: "WEEK", label: "Week" },
  { id: "MONTH", label: "Month" },
];

const COMMON_ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"];

/**
 * UTC, the browser's own zone, then a few common ones; only zones a whole number of hours from UTC,
 * the ones the gateway buckets in (usage is rolled up by the hour).
 */
export function timeZoneChoices(now = new Date()): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [...new Set(["UTC", own, ...COMMON_ZONES])].filter((zone) => zoneOffset(now.getTime(), zone) % 3_600_000 === 0);
}

export interface RangeChoice {
  readonly preset: PresetId | "custom";
  /** Custom range: first and last day (YYYY-MM-DD), both included. */
  readonly firstDay: string;
  readonly lastDay: string;
  readonly resolution: Resolution;
  readonly timeZone: string;
}

/** A resolved range: [from, to) as ISO instants, at midnights of `timeZone`. */
export interface Range {
  readonly from: string;
  readonly to: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly resolution: Resolution;
  readonly timeZone: string;
}

const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a day starts in a time zone (the offset is taken again after the first guess, for DST days). */
export function startOfDay(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone));
}

export const defaultChoice = (now: Date): RangeChoice => ({
  preset: "30d",
  firstDay: addDays(dayIn(now, "UTC"), -29),
  lastDay: dayIn(now, "UTC"),
  resolution: "DAY",
  timeZone: "UTC",
});

/** The range a choice means now: a preset is the last N days up to and including today. */
export function resolveRange(choice: RangeChoice, now = new Date()): Range | { error: string } {
  const { timeZone } = choice;
  let { firstDay, lastDay } = choice;
  const preset = PRESETS.find((p) => p.id === choice.preset);
  if (preset) {
    lastDay = dayIn(now, timeZone);
    firstDay = addDays(lastDay, 1 - preset.days);
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDay) || !/^\d{4}-\d{2}-\d{2}$/.test(lastDay)) {
    return { error: "Enter a first and a last day." };
  } else if (firstDay > lastDay) {
    return { error: "The first day must not be after the last day." };
  }
  const from = startOfDay(firstDay, timeZone).toISOString();
  const to = startOfDay(addDays(lastDay, 1), timeZone).toISOString();
  return { from, to, firstDay, lastDay, resolution: choice.resolution, timeZone };
}

/** The arguments every usage operation takes from the range. */
export const usageArgs = (range: Range) => ({ from: range.from, to: range.to, resolution: range.resolution, timeZone: range.timeZone });

/** A bucket's start as people read it at that resolution, in the range's time zone. */
export function bucketLabel(iso: string, resolution: Resolution, timeZone: string): string {
  const date = new Date(iso);
  const day = dayIn(date, timeZone);
  switch (resolution) {
    case "HOUR":
      return `${day} ${new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)}`;
    case "DAY":
      return day;
    case "WEEK":
      return `week of ${day}`;
    case "MONTH":
      return day.slice(0, 7);
  }
}
