import { describe, expect, it } from "vitest";
import { groupByKeys, orderByKeys, partition } from "./batch.js";

describe("batch helpers", () => {
  it("orders rows by key and fills missing keys", () => {
    const rows = [{ id: "b" }, { id: "a" }];
    expect(orderByKeys(["a", "x", "b", "a"], rows, (r) => r.id, null)).toEqual([{ id: "a" }, null, { id: "b" }, { id: "a" }]);
  });

  it("groups rows per key, keeping row order and empty groups", () => {
    const rows = [
      { k: 1, v: "x" },
      { k: 2, v: "y" },
      { k: 1, v: "z" },
    ];
    expect(groupByKeys([2, 3, 1], rows, (r) => r.k)).toEqual([
      [{ k: 2, v: "y" }],
      [],
      [
        { k: 1, v: "x" },
        { k: 1, v: "z" },
      ],
    ]);
  });

  it("partitions keys that can share a query", () => {
    const groups = partition(["a1", "b1", "a2"], (key) => key[0]!);
    expect([...groups.entries()]).toEqual([
      [
        "a",
        [
          { key: "a1", index: 0 },
          { key: "a2", index: 2 },
        ],
      ],
      ["b", [{ key: "b1", index: 1 }]],
    ]);
  });
});
