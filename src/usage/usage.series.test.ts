import { describe, expect, it } from "vitest";
import { buildSeries, usageCacheKey, usageGroupKey } from "./usage.series.js";
import type { UsageKey } from "./usage.types.js";

const key: UsageKey = {
  scope: "USER",
  scopeId: "u1",
  organizationId: "o1",
  from: new Date("2025-03-01T00:00:00Z"),
  to: new Date("2025-03-03T00:00:00Z"),
  resolution: "DAY",
  timeZone: "UTC",
  vendors: ["TABNINE", "TEAMWIRE"],
  metrics: ["AUTOMATION_FACTOR", "MESSAGES_SENT", "PRODUCTIVITY_FACTOR"],
};
const day1 = new Date("2025-03-01T00:00:00Z");

describe("buildSeries", () => {
  it("zero-fills, keeps only pairs a vendor reports, in a stable order, and derives AUTOMATION_FACTOR", () => {
    const series = buildSeries(
      key,
      [
        { scopeId: "u1", metric: "COMPLETION_CHARS", vendor: "TABNINE", bucket: day1, value: 25 },
        { scopeId: "u1", metric: "KEYSTROKES", vendor: "TABNINE", bucket: day1, value: 75 },
        { scopeId: "u1", metric: "MESSAGES_SENT", vendor: "TEAMWIRE", bucket: null, value: 9 },
      ],
      [{ scopeId: "o1", metric: "PRODUCTIVITY_FACTOR", vendor: "TABNINE", bucket: day1, value: 0.3 }],
    );
    expect(series.points).toHaveLength(2);
    expect(series.points[0]!.values).toEqual([
      { metric: "MESSAGES_SENT", vendor: "TEAMWIRE", value: 0 },
      { metric: "AUTOMATION_FACTOR", vendor: "TABNINE", value: 0.25 },
      { metric: "PRODUCTIVITY_FACTOR", vendor: "TABNINE", value: 0.3 },
    ]);
    expect(series.points[1]!.values.every((v) => v.value === 0)).toBe(true);
    expect(series.totals.find((t) => t.metric === "MESSAGES_SENT")!.value).toBe(9);
  });

  it("caches per request and batches keys that differ only in scope, vendors or metrics", () => {
    expect(usageCacheKey(key)).toBe(usageCacheKey({ ...key, vendors: ["TEAMWIRE", "TABNINE"] }));
    expect(usageCacheKey(key)).not.toBe(usageCacheKey({ ...key, scopeId: "u2" }));
    expect(usageGroupKey(key)).toBe(usageGroupKey({ ...key, scopeId: "u2", vendors: ["ROCKETCHAT"], metrics: ["ACTIVE_USERS"] }));
    expect(usageGroupKey(key)).not.toBe(usageGroupKey({ ...key, resolution: "WEEK" }));
  });
});
