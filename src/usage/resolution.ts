import { DateTime, IANAZone } from "luxon";
import { UTC } from "./time-zone.js";

/**
 * Bucket maths for usage series: buckets aligned on the calendar of a time zone (UTC unless
 * given; a zone's DST days last 23 or 25 hours), `from` inclusive, `to` exclusive. WEEK buckets
 * start on Monday (ISO), MONTH buckets on the 1st.
 */
export type Resolution = "HOUR" | "DAY" | "WEEK" | "MONTH";

/** Most buckets one series may have; more is rejected with a message naming the limit. */
export const MAX_BUCKETS = 10_000;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const LUXON_UNIT = { HOUR: "hour", DAY: "day", WEEK: "week", MONTH: "month" } as const;

/** The start of the bucket containing `instant`, on the calendar of `timeZone`. */
export function bucketStart(instant: Date, resolution: Resolution, timeZone = UTC): Date {
  if (timeZone !== UTC) return DateTime.fromJSDate(instant, { zone: timeZone }).startOf(LUXON_UNIT[resolution]).toJSDate();
  const t = instant.getTime();
  switch (resolution) {
    case "HOUR":
      return new Date(Math.floor(t / HOUR_MS) * HOUR_MS);
    case "DAY":
      return new Date(Math.floor(t / DAY_MS) * DAY_MS);
    case "WEEK": {
      const day = Math.floor(t / DAY_MS) * DAY_MS;
      const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
      return new Date(day - sinceMonday * DAY_MS);
    }
    case "MONTH":
      return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1));
  }
}

/** The start of the bucket after the one starting at `start`, on the calendar of `timeZone`. */
export function nextBucket(start: Date, resolution: Resolution, timeZone = UTC): Date {
  if (timeZone !== UTC) {
    const local = DateTime.fromJSDate(start, { zone: timeZone });
    // Whole calendar units: the local day after a DST change starts 23 or 25 hours later.
    return local
      .plus({ [`${LUXON_UNIT[resolution]}s`]: 1 })
      .startOf(LUXON_UNIT[resolution])
      .toJSDate();
  }
  switch (resolution) {
    case "HOUR":
      return new Date(start.getTime() + HOUR_MS);
    case "DAY":
      return new Date(start.getTime() + DAY_MS);
    case "WEEK":
      return new Date(start.getTime() + 7 * DAY_MS);
    case "MONTH":
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  }
}

export interface Bucket {
  /** Start of the bucket, clipped to `from` for the first one. */
  readonly from: Date;
  /** End of the bucket (exclusive), clipped to `to` for the last one. */
  readonly to: Date;
  /** The aligned start, the key rollups are grouped by. */
  readonly start: Date;
}

/** Error for a range that cannot be bucketed; the message says the rule and the limit. */
export class BucketRangeError extends Error {
  override readonly name = "BucketRangeError";
  /** The argument at fault when it is not the range itself. */
  constructor(
    message: string,
    readonly argument?: "timeZone",
  ) {
    super(message);
  }
}

const EARLIEST_MS = Date.UTC(1970, 0, 1);
const LATEST_MS = Date.UTC(10000, 0, 1);

/**
 * Every bucket of [from, to) at `resolution` on the calendar of `timeZone`, ascending, clipped to the range.
 * @throws BucketRangeError when from >= to, a bound is outside 1970-9999, the range has more than
 * MAX_BUCKETS buckets, or a bucket of the zone does not start on a whole UTC hour (usage is rolled up by the hour).
 */
export function enumerateBuckets(from: Date, to: Date, resolution: Resolution, timeZone = UTC, maxBuckets = MAX_BUCKETS): Bucket[] {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new BucketRangeError("from and to must be valid date-times");
  for (const [argument, date] of [
    ["from", from],
    ["to", to],
  ] as const) {
    // Usage is stored from 1970 on, and PostgreSQL cannot hold every date JavaScript can.
    if (date.getTime() < EARLIEST_MS || date.getTime() > LATEST_MS)
      throw new BucketRangeError(`${argument} must be a date-time from 1970 to 9999`);
  }
  if (timeZone !== UTC && !IANAZone.isValidZone(timeZone))
    throw new BucketRangeError(`timeZone ${timeZone} is not an IANA time zone`, "timeZone");
  if (from.getTime() >= to.getTime()) {
    throw new BucketRangeError(`from (${from.toISOString()}) must be earlier than to (${to.toISOString()})`);
  }
  const buckets: Bucket[] = [];
  for (
    let start = bucketStart(from, resolution, timeZone);
    start.getTime() < to.getTime();
    start = nextBucket(start, resolution, timeZone)
  ) {
    if (buckets.length === maxBuckets) {
      throw new BucketRangeError(
        `the range ${from.toISOString()} to ${to.toISOString()} has more than ${maxBuckets} ${resolution} buckets; use a coarser resolution or a shorter range`,
      );
    }
    const end = nextBucket(start, resolution, timeZone);
    if (start.getTime() % HOUR_MS !== 0) {
      throw new BucketRangeError(
        `timeZone ${timeZone} is not a whole number of hours from UTC at ${start.toISOString()}; usage is rolled up by the hour, so series use time zones whole hours from UTC`,
        "timeZone",
      );
    }
    buckets.push({
      start,
      from: start.getTime() < from.getTime() ? from : start,
      to: end.getTime() > to.getTime() ? to : end,
    });
  }
  return buckets;
}
