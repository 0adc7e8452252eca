import { describe, expect, it } from "vitest";
import { BucketRangeError, bucketStart, enumerateBuckets, MAX_BUCKETS } from "./resolution.js";

const d = (iso: string) => new Date(iso);
const starts = (from: string, to: string, resolution: Parameters<typeof enumerateBuckets>[2]) =>
  enumerateBuckets(d(from), d(to), resolution).map((b) => b.start.toISOString());

describe("bucketStart", () => {
  it("aligns to UTC hours, days, ISO weeks (Monday) and months", () => {
    const t = d("2025-03-05T17:42:10.123Z"); // a Wednesday
    expect(bucketStart(t, "HOUR").toISOString()).toBe("2025-03-05T17:00:00.000Z");
    expect(bucketStart(t, "DAY").toISOString()).toBe("2025-03-05T00:00:00.000Z");
    expect(bucketStart(t, "WEEK").toISOString()).toBe("2025-03-03T00:00:00.000Z");
    expect(bucketStart(t, "MONTH").toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(bucketStart(d("2025-03-09T23:59:59.999Z"), "WEEK").toISOString()).toBe("2025-03-03T00:00:00.000Z"); // Sunday
    expect(bucketStart(d("2025-03-10T00:00:00.000Z"), "WEEK").toISOString()).toBe("2025-03-10T00:00:00.000Z"); // Monday
  });
});

describe("enumerateBuckets", () => {
  it("treats from as inclusive and to as exclusive", () => {
    expect(starts("2025-03-01T00:00:00Z", "2025-03-03T00:00:00Z", "DAY")).toEqual(["2025-03-01T00:00:00.000Z", "2025-03-02T00:00:00.000Z"]);
    expect(starts("2025-03-01T00:00:00Z", "2025-03-01T00:00:00.001Z", "DAY")).toEqual(["2025-03-01T00:00:00.000Z"]);
  });

  it("clips partial first and last buckets to the range", () => {
    const buckets = enumerateBuckets(d("2025-01-15T00:00:00Z"), d("2025-03-10T12:00:00Z"), "MONTH");
    expect(buckets.map((b) => [b.from.toISOString(), b.to.toISOString()])).toEqual([
      ["2025-01-15T00:00:00.000Z", "2025-02-01T00:00:00.000Z"],
      ["2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z"],
      ["2025-03-01T00:00:00.000Z", "2025-03-10T12:00:00.000Z"],
    ]);
    expect(buckets[0]!.start.toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("handles month lengths, leap years and year ends", () => {
    expect(starts("2024-01-31T00:00:00Z", "2024-04-01T00:00:00Z", "MONTH")).toEqual([
      "2024-01-01T00:00:00.000Z",
      "2024-02-01T00:00:00.000Z",
      "2024-03-01T00:00:00.000Z",
    ]);
    expect(starts("2024-02-28T00:00:00Z", "2024-03-01T00:00:00Z", "DAY")).toHaveLength(2);
    expect(starts("2024-12-30T00:00:00Z", "2025-01-06T00:00:00Z", "WEEK")).toEqual(["2024-12-30T00:00:00.000Z"]);
    expect(starts("2024-12-31T22:00:00Z", "2025-01-01T01:00:00Z", "HOUR")).toHaveLength(3);
  });

  it("is not shifted by daylight saving time (UTC only)", () => {
    // Europe switched to summer time on 2025-03-30; UTC days stay 24 hours long.
    expect(starts("2025-03-29T00:00:00Z", "2025-04-01T00:00:00Z", "DAY")).toEqual([
      "2025-03-29T00:00:00.000Z",
      "2025-03-30T00:00:00.000Z",
      "2025-03-31T00:00:00.000Z",
    ]);
    expect(starts("2025-03-30T00:00:00Z", "2025-03-31T00:00:00Z", "HOUR")).toHaveLength(24);
  });

  it("rejects empty, reversed and invalid ranges", () => {
    expect(() => enumerateBuckets(d("2025-03-02T00:00:00Z"), d("2025-03-02T00:00:00Z"), "DAY")).toThrow(/must be earlier than/);
    expect(() => enumerateBuckets(d("2025-03-03T00:00:00Z"), d("2025-03-02T00:00:00Z"), "DAY")).toThrow(BucketRangeError);
    expect(() => enumerateBuckets(d("nope"), d("2025-03-02T00:00:00Z"), "DAY")).toThrow(/valid date-times/);
  });

  it("caps the number of buckets and says the limit", () => {
    expect(enumerateBuckets(d("2020-01-01T00:00:00Z"), new Date(Date.UTC(2020, 0, 1) + MAX_BUCKETS * 3_600_000), "HOUR")).toHaveLength(
      MAX_BUCKETS,
    );
    expect(() => enumerateBuckets(d("2020-01-01T00:00:00Z"), d("2025-01-01T00:00:00Z"), "HOUR")).toThrow(
      `more than ${MAX_BUCKETS} HOUR buckets`,
    );
  });
});

describe("buckets on a local calendar", () => {
  const hours = (b: { from: Date; to: Date }) => (b.to.getTime() - b.from.getTime()) / 3_600_000;

  it("starts days at local midnight, with the 23- and 25-hour days of DST changes", () => {
    const spring = enumerateBuckets(d("2026-03-27T23:00:00Z"), d("2026-03-30T22:00:00Z"), "DAY", "Europe/Berlin");
    expect(spring.map((b) => b.start.toISOString())).toEqual([
      "2026-03-27T23:00:00.000Z",
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
    ]);
    expect(spring.map(hours)).toEqual([24, 23, 24]);
    const autumn = enumerateBuckets(d("2026-10-31T04:00:00Z"), d("2026-11-03T05:00:00Z"), "DAY", "America/New_York");
    expect(autumn.map(hours)).toEqual([24, 25, 24]);
  });

  it("starts weeks on the local Monday and months on the local 1st", () => {
    expect(bucketStart(d("2026-03-29T21:59:59Z"), "WEEK", "Europe/Berlin").toISOString()).toBe("2026-03-22T23:00:00.000Z"); // Sunday 23:59 local
    expect(bucketStart(d("2026-03-29T22:00:00Z"), "WEEK", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z"); // Monday 00:00 local
    expect(bucketStart(d("2026-11-01T03:59:59Z"), "MONTH", "America/New_York").toISOString()).toBe("2026-10-01T04:00:00.000Z");
    expect(bucketStart(d("2026-11-01T04:00:00Z"), "MONTH", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
  });

  it("refuses zones whose buckets would not start on a whole UTC hour, naming the argument", () => {
    const refuse = () => enumerateBuckets(d("2026-03-01T00:00:00Z"), d("2026-03-02T00:00:00Z"), "DAY", "Asia/Kolkata");
    expect(refuse).toThrow(/not a whole number of hours from UTC/);
    expect(refuse).toThrow(expect.objectContaining({ argument: "timeZone" }) as Error);
  });
});
