import { describe, expect, it } from "vitest";
import { resolveSeedOptions, SEED_PRESETS, todayUtc } from "./options.js";

describe("seed options", () => {
  it("resolves a preset with today's date as the end of history", () => {
    const options = resolveSeedOptions("demo");
    expect(options).toMatchObject(SEED_PRESETS.demo);
    expect(options.endDate).toBe(todayUtc());
    expect(options.organizations * options.usersPerOrganization).toBeGreaterThanOrEqual(200);
  });

  it("the large preset is at least 10 organizations x 2,000 users x 400 days", () => {
    const large = resolveSeedOptions("large");
    expect(large.organizations).toBeGreaterThanOrEqual(10);
    expect(large.usersPerOrganization).toBeGreaterThanOrEqual(2_000);
    expect(large.days).toBeGreaterThanOrEqual(400);
  });

  it("applies overrides given as CLI strings", () => {
    expect(resolveSeedOptions("tiny", { organizations: "4", endDate: "2025-03-04" })).toMatchObject({
      organizations: 4,
      endDate: "2025-03-04",
    });
  });

  it("reports every bad option in one message", () => {
    expect(() => resolveSeedOptions("tiny", { organizations: "0", days: "abc", endDate: "2025-02-30" })).toThrow(
      /organizations must be at least 1.*days must be a whole number.*end date is not a real day/,
    );
  });
});
