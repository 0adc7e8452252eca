import { describe, expect, it } from "vitest";
import { weightRatios, type RatioRow } from "./usage.ratios.js";

const day = (n: number) => new Date(Date.UTC(2025, 2, n));
const row = (n: number, ratio: number, organizationId = "o1"): RatioRow => ({
  organizationId,
  metric: "PRODUCTIVITY_FACTOR",
  vendor: "TABNINE",
  bucket: day(n),
  ratio,
});

describe("weightRatios", () => {
  it("gives each bucket its mean and the range the mean weighted by each bucket's active users", () => {
    const rows = weightRatios(
      [row(1, 0.2), row(2, 0.5), row(2, 0.3), row(3, 0.9)],
      new Map([
        [`o1|${day(1).getTime()}`, 3],
        [`o1|${day(2).getTime()}`, 1],
      ]),
    );
    const value = (bucket: Date | null) => rows.find((r) => (r.bucket?.getTime() ?? null) === (bucket?.getTime() ?? null))!.value;
    expect(value(day(1))).toBeCloseTo(0.2, 12);
    expect(value(day(2))).toBeCloseTo(0.4, 12);
    expect(value(day(3))).toBeCloseTo(0.9, 12); // no active users that day: counted in its bucket, not in the total
    expect(value(null)).toBeCloseTo((0.2 * 3 + 0.5 + 0.3) / 5, 12);
  });

  it("falls back to the plain mean without any active users, and keeps organizations apart", () => {
    const rows = weightRatios([row(1, 0.2), row(2, 0.4), row(1, 0.8, "o2")], new Map([[`o2|${day(1).getTime()}`, 2]]));
    expect(rows.filter((r) => r.bucket === null).map((r) => [r.scopeId, r.value])).toEqual([
      ["o1", expect.closeTo(0.3, 12)],
      ["o2", 0.8],
    ]);
  });
});
