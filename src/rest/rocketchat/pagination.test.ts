import { describe, expect, it } from "vitest";
import { pageWindow, paginationItems } from "./pagination.js";
import { RocketChatError } from "./errors.js";

// Rocket.Chat's getPaginationItems over the validator's coerced values, then MongoDB's skip and limit.
describe("statistics.list paging", () => {
  it.each<[string, { offset?: number | null; count?: number | null }, { offset: number; count: number }]>([
    ["no parameters: offset 0, count 50", {}, { offset: 0, count: 50 }],
    ["an empty count (null): the default", { count: null }, { offset: 0, count: 50 }],
    ["a fraction: parseInt", { count: 1.5, offset: 2.9 }, { offset: 2, count: 1 }],
    ["above 100: clamped", { count: 1000 }, { offset: 0, count: 100 }],
    ["0: all items", { count: 0 }, { offset: 0, count: 0 }],
    ["below 1: parseInt gives 0, all items", { count: 0.5 }, { offset: 0, count: 0 }],
    ["negative: kept", { count: -3, offset: -1 }, { offset: -1, count: -3 }],
    ["exponent notation: parseInt of its text", { count: 1e-7, offset: 1e21 }, { offset: 1, count: 1 }],
  ])("%s", (_, params, expected) => {
    expect(paginationItems(params)).toEqual(expected);
  });

  it("reads a negative count as its absolute value (MongoDB's negative limit)", () => {
    expect(pageWindow({ offset: 0, count: -3 })).toEqual({ offset: 0, limit: 3 });
    expect(pageWindow({ offset: 0, count: -300 })).toEqual({ offset: 0, limit: 300 });
    expect(pageWindow({ offset: 7, count: 0 })).toEqual({ offset: 7, limit: 0 });
  });

  it("answers a negative offset as MongoDB's find does, and -0 as 0", () => {
    expect(() => pageWindow({ offset: -2, count: 1 })).toThrow(RocketChatError);
    try {
      pageWindow({ offset: -2, count: 1 });
    } catch (error) {
      expect((error as RocketChatError).body).toEqual({ success: false, error: "BSON field 'skip' value must be >= 0, actual value '-2'" });
    }
    expect(Object.is(pageWindow(paginationItems({ offset: -0.5 })).offset, 0)).toBe(true);
  });

  it("pages a count or offset that parseInt cannot read (Infinity) at the maximum and from 0", () => {
    expect(pageWindow(paginationItems({ count: Number.POSITIVE_INFINITY, offset: Number.POSITIVE_INFINITY }))).toEqual({
      offset: 0,
      limit: 100,
    });
  });
});
