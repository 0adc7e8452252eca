import { describe, expect, it } from "vitest";
import { activeUsersPeriods } from "./organization.export.js";

describe("activeUsersPeriods", () => {
  it("covers [from, to) with months of daily points, on UTC dates by default", () => {
    const { periods, within } = activeUsersPeriods("2025-01-20T00:00:00.000Z", "2025-03-05T00:00:00.000Z");
    expect(periods).toEqual([
      { year: 2025, month: 1 },
      { year: 2025, month: 2 },
      { year: 2025, month: 3 },
    ]);
    expect(["2025-01-19", "2025-01-20", "2025-03-04", "2025-03-05"].map(within)).toEqual([false, true, true, false]);
  });

  it("reads the range on the local calendar of a time zone", () => {
    // 23:00 UTC on 31 January is already 1 February in Berlin.
    const { periods, within } = activeUsersPeriods("2025-01-31T23:00:00.000Z", "2025-02-28T23:00:00.000Z", "Europe/Berlin");
    expect(periods).toEqual([{ year: 2025, month: 2 }]);
    expect(["2025-01-31", "2025-02-01", "2025-02-28", "2025-03-01"].map(within)).toEqual([false, true, true, false]);
  });

  it("uses yearly periods of monthly points beyond 366 days", () => {
    const { periods, within } = activeUsersPeriods("2024-06-01T00:00:00.000Z", "2025-09-01T00:00:00.000Z");
    expect(periods).toEqual([{ year: 2024 }, { year: 2025 }]);
    expect(["2024-05", "2024-06", "2025-08", "2025-09"].map(within)).toEqual([false, true, true, false]);
  });
});
