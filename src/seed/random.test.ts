import { describe, expect, it } from "vitest";
import { Random } from "./random.js";

describe("Random", () => {
  it("gives the same sequence for the same seed and path, and another for another path", () => {
    const draw = (r: Random) => Array.from({ length: 20 }, () => r.int(0, 1_000_000));
    expect(draw(Random.for(42, "org", 1))).toEqual(draw(Random.for(42, "org", 1)));
    expect(draw(Random.for(42, "org", 1))).not.toEqual(draw(Random.for(42, "org", 2)));
    expect(draw(Random.for(42, "org", 1))).not.toEqual(draw(Random.for(43, "org", 1)));
  });

  it("keeps integers and floats in range", () => {
    const r = Random.for(1, "range");
    for (let i = 0; i < 2_000; i++) {
      const n = r.int(-3, 3);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(3);
      const f = r.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });

  it("mints ids in the vendors' shapes", () => {
    const r = Random.for(5, "ids");
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.meteorId()).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$/);
  });

  it("picks by weight", () => {
    const r = Random.for(9, "weights");
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 5_000; i++)
      counts[
        r.weighted([
          ["a", 9],
          ["b", 1],
        ] as const)
      ]++;
    expect(counts.a / 5_000).toBeGreaterThan(0.85);
    expect(counts.a / 5_000).toBeLessThan(0.95);
    expect(() => r.pick([])).toThrow(/empty/);
  });
});
