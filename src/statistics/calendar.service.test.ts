import { describe, expect, it } from "vitest";
import { calendarIntervals, validateCalendar } from "./calendar.service.js";

describe("calendar intervals", () => {
  const now = new Date("2025-03-04T10:00:00Z");

  it("gives the days of a month up to today, 1-based, YYYY-MM-DD", () => {
    expect(calendarIntervals(2025, 3, now).map((i) => i.label)).toEqual(["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"]);
    expect(calendarIntervals(2024, 2, now)).toHaveLength(29);
  });

  it("gives the months of a year up to the current one, YYYY-MM", () => {
    expect(calendarIntervals(2025, null, now).map((i) => i.label)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(calendarIntervals(2024, undefined, now)).toHaveLength(12);
    expect(calendarIntervals(2026, null, now)).toEqual([]);
  });

  it("validates year and month", () => {
    expect(() => validateCalendar(1969, null)).toThrow(/year must be between 1970 and 9999/);
    expect(() => validateCalendar(2025, 13)).toThrow(/month must be between 1 and 12/);
    expect(() => validateCalendar(2025, 0)).toThrow(/month/);
    expect(() => validateCalendar(2025, 12)).not.toThrow();
  });
});
