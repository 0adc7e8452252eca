import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The stored examples are the spec's (docs/vendors/rocketchat.md §2.1.2, §2.2, §2.3). The statistics example is the
// full IStats object: the documented one with the fields the documentation does not show.
const SPEC = new URL("../../../docs/vendors/rocketchat.md", import.meta.url);
const EXAMPLES = {
  statistics: "#### 2.1.2 Example",
  "statistics-list": "### 2.2 `GET /api/v1/statistics.list`",
  "active-users": "### 2.3 `GET /api/v1/engagement-dashboard/users/active-users`",
} as const;

function documented(heading: string): unknown {
  const spec = readFileSync(SPEC, "utf8");
  const section = spec.slice(spec.indexOf(heading));
  const start = section.indexOf("```json") + 7;
  return JSON.parse(section.slice(start, section.indexOf("```", start)));
}

const stored = (name: keyof typeof EXAMPLES) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");

/** `example` is within `actual`: its keys in its order (others may come between), its values, recursively; arrays item by item. */
function expectWithin(actual: unknown, example: unknown, path = "$"): void {
  if (typeof example !== "object" || example === null) return void expect(actual, path).toEqual(example);
  if (Array.isArray(example)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(example.length);
    return example.forEach((item, i) => expectWithin((actual as unknown[])[i], item, `${path}[${i}]`));
  }
  expect(typeof actual === "object" && actual !== null && !Array.isArray(actual), path).toBe(true);
  const keys = Object.keys(example);
  expect(
    Object.keys(actual as object).filter((key) => keys.includes(key)),
    path,
  ).toEqual(keys);
  for (const key of keys)
    expectWithin((actual as Record<string, unknown>)[key], (example as Record<string, unknown>)[key], `${path}.${key}`);
}

describe("Rocket.Chat fixtures", () => {
  it.each(["statistics-list", "active-users"] as const)("%s.json is the documented example", (name) => {
    expect(stored(name)).toBe(JSON.stringify(documented(EXAMPLES[name]), null, 2) + "\n");
  });

  it("statistics.json holds the documented example, its keys in its order, and ends with success", () => {
    const fixture = JSON.parse(stored("statistics")) as Record<string, unknown>;
    expectWithin(fixture, documented(EXAMPLES.statistics));
    expect(Object.keys(fixture).at(-1)).toBe("success");
    expect(stored("statistics")).toBe(JSON.stringify(fixture, null, 2) + "\n");
  });
});
