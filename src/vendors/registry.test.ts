import { describe, expect, it } from "vitest";
import { UsageMetric, Vendor } from "../db/generated/enums.js";
import { METRIC_VENDORS, seriesPairs, USAGE_METRICS } from "../usage/usage.metrics.js";
import { VENDOR_REGISTRY, VENDOR_SLUGS_TEXT, vendorNamed, VENDORS } from "./registry.js";

describe("vendor registry", () => {
  it("lists every vendor of the Prisma enum once, with distinct slugs", () => {
    expect([...VENDORS].sort()).toEqual(Object.values(Vendor).sort());
    const slugs = VENDORS.flatMap((vendor) => [VENDOR_REGISTRY[vendor].slug, ...VENDOR_REGISTRY[vendor].aliases]);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(VENDOR_SLUGS_TEXT).toBe("teamwire, rocketchat or tabnine");
  });

  it("names vendors by slug, alias or enum name in any case, and nothing else", () => {
    expect(vendorNamed("Rocket.Chat")).toBe("ROCKETCHAT");
    expect(vendorNamed(" rocketchat ")).toBe("ROCKETCHAT");
    expect(vendorNamed("TABNINE")).toBe("TABNINE");
    expect(vendorNamed("teamwire")).toBe("TEAMWIRE");
    expect(vendorNamed("slack")).toBeUndefined();
    expect(vendorNamed("")).toBeUndefined();
  });

  it("gives every stored metric at least one reporting vendor, and every vendor a metric", () => {
    for (const metric of Object.values(UsageMetric)) expect(METRIC_VENDORS[metric], metric).not.toEqual([]);
    for (const vendor of VENDORS) expect(VENDOR_REGISTRY[vendor].metrics.length, vendor).toBeGreaterThan(0);
  });

  it("derives AUTOMATION_FACTOR for the vendors reporting both its inputs", () => {
    expect(METRIC_VENDORS.AUTOMATION_FACTOR).toEqual(["TABNINE"]);
  });
});

describe("seriesPairs", () => {
  it("reports each vendor's own metrics, metric order first, then registry order", () => {
    expect(seriesPairs(["ACTIVE_USERS", "MESSAGES_SENT"], ["TABNINE", "TEAMWIRE", "ROCKETCHAT"])).toEqual([
      ["MESSAGES_SENT", "TEAMWIRE"],
      ["MESSAGES_SENT", "ROCKETCHAT"],
      ["ACTIVE_USERS", "TEAMWIRE"],
      ["ACTIVE_USERS", "ROCKETCHAT"],
      ["ACTIVE_USERS", "TABNINE"],
    ]);
  });

  it("gives every vendor a non-empty series of all metrics", () => {
    for (const vendor of VENDORS) {
      const pairs = seriesPairs(USAGE_METRICS, [vendor]);
      expect(
        pairs
          .map(([metric]) => metric)
          .filter((metric) => metric !== "AUTOMATION_FACTOR")
          .sort(),
        vendor,
      ).toEqual([...VENDOR_REGISTRY[vendor].metrics].sort());
    }
  });
});
