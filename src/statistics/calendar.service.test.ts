import { describe, expect, it } from "vitest";
import { calendarIntervals, validateCalendar } from "./calendar.service.js";

describe("calendar intervals", () => {
  const now = new Date("2025-03-04T10:00:00Z");

  it("gives the days of a month up to today, 1-based, YYYY-MM-DD", () => {
    expect(calendarIntervals(2025, 3, now).intervals.map((i) => i.label)).toEqual(["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"]);
    expect(calendarIntervals(2024, 2, now).intervals).toHaveLength(29);
    expect(calendarIntervals(2024, 12, now).end.toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("gives the months of a year up to the current one, YYYY-MM", () => {
    expect(calendarIntervals(2025, null, now).intervals.map((i) => i.label)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(calendarIntervals(2024, undefined, now).intervals).toHaveLength(12);
    expect(calendarIntervals(2026, null, now).intervals).toEqual([]);
  });

  it("starts days and months at local midnights of a time zone", () => {
    const march = calendarIntervals(2026, 3, new Date("2026-04-10T00:00:00Z"), "Europe/Berlin");
    expect(march.intervals[0]!.start.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(march.intervals[29]!.start.toISOString()).toBe("2026-03-29T22:00:00.000Z"); // after the spring change
    expect(march.end.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    const year = calendarIntervals(2026, null, new Date("2027-01-10T00:00:00Z"), "America/New_York");
    expect(year.intervals.map((i) => i.start.toISOString().slice(11, 13))).toEqual([
      "05",
      "05",
      "05",
      "04",
      "04",
      "04",
      "04",
      "04",
      "04",
      "04",
      "04",
      "05",
    ]);
    expect(() => calendarIntervals(2026, 3, new Date("2026-04-10T00:00:00Z"), "Asia/Kathmandu")).toThrow(/whole number of hours/);
  });

  it("validates year and month", () => {
    expect(() => validateCalendar(1969, null)).toThrow(/year must be between 1970 and 9999/);
    expect(() => validateCalendar(2025, 13)).toThrow(/month must be between 1 and 12/);
    expect(() => validateCalendar(2025, 0)).toThrow(/month/);
    expect(() => validateCalendar(2025, 12)).not.toThrow();
  });
});
