import { describe, expect, it } from "vitest";
import { usagePages } from "./usage.export.js";

describe("usage export pages", () => {
  it("splits HOUR ranges at hour boundaries, keeping a clipped first and last bucket", () => {
    expect(usagePages("2025-01-01T00:30:00.000Z", "2025-01-01T05:15:00.000Z", "HOUR", undefined, 2)).toEqual([
      { from: "2025-01-01T00:30:00.000Z", to: "2025-01-01T02:00:00.000Z" },
      { from: "2025-01-01T02:00:00.000Z", to: "2025-01-01T04:00:00.000Z" },
      { from: "2025-01-01T04:00:00.000Z", to: "2025-01-01T05:15:00.000Z" },
    ]);
  });

  it("splits whole-day ranges at bucket starts (WEEK on Mondays, MONTH on the 1st)", () => {
    expect(usagePages("2025-01-01T00:00:00.000Z", "2025-01-20T00:00:00.000Z", "WEEK", undefined, 2)).toEqual([
      { from: "2025-01-01T00:00:00.000Z", to: "2025-01-13T00:00:00.000Z" },
      { from: "2025-01-13T00:00:00.000Z", to: "2025-01-20T00:00:00.000Z" },
    ]);
    expect(usagePages("2025-01-15T00:00:00.000Z", "2025-04-01T00:00:00.000Z", "MONTH", undefined, 2)).toEqual([
      { from: "2025-01-15T00:00:00.000Z", to: "2025-03-01T00:00:00.000Z" },
      { from: "2025-03-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z" },
    ]);
  });

  it("keeps a DAY range that is not made of whole days in one page (its pages would read other rollups)", () => {
    expect(usagePages("2025-01-01T06:00:00.000Z", "2025-01-09T00:00:00.000Z", "DAY", undefined, 2)).toEqual([
      { from: "2025-01-01T06:00:00.000Z", to: "2025-01-09T00:00:00.000Z" },
    ]);
  });

  it("leaves an invalid range whole, for GraphQL to refuse", () => {
    expect(usagePages("2025-02-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z", "DAY")).toEqual([
      { from: "2025-02-01T00:00:00.000Z", to: "2025-01-01T00:00:00.000Z" },
    ]);
  });
});
