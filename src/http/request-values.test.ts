import { describe, expect, it } from "vitest";
import { containsNul, nestedDeeperThan } from "./request-values.js";

describe("containsNul", () => {
  it.each([
    ["a string", "a\u0000b", true],
    ["a clean string", "abc", false],
    ["an array item", ["x", ["y\u0000"]], true],
    ["an object value", { a: { b: "\u0000" } }, true],
    ["an object key", { "k\u0000": 1 }, true],
    ["numbers, booleans and null", { a: 1, b: true, c: null, d: [2.5] }, false],
  ])("%s", (_, value, expected) => {
    expect(containsNul(value)).toBe(expected);
  });
});

describe("containsNul on deep values", () => {
  it("walks 100,000 levels without exhausting the stack", () => {
    let deep: unknown = "x\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(containsNul(deep)).toBe(true);
  });
});

describe("nestedDeeperThan", () => {
  const nest = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  };
  it("counts objects and arrays, and scalars not at all", () => {
    expect(nestedDeeperThan(1, 0)).toBe(false);
    expect(nestedDeeperThan({}, 0)).toBe(true);
    expect(nestedDeeperThan(nest(3), 3)).toBe(false);
    expect(nestedDeeperThan(nest(4), 3)).toBe(true);
  });
  it("handles 100,000 levels without recursion", () => {
    expect(nestedDeeperThan(nest(100_000))).toBe(true);
    expect(nestedDeeperThan(nest(64))).toBe(false);
  });
});
