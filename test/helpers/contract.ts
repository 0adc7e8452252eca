import { readFileSync } from "node:fs";
import { expect } from "vitest";

/**
 * Contract checks for the vendor REST adapters: a response must have the shape of the vendor's
 * documented example (docs/vendors/<vendor>.md), stored in src/rest/<vendor>/fixtures/<name>.json.
 */

export type JsonType = "null" | "boolean" | "number" | "string" | "array" | "object";

/** A documented example response, parsed (key order as in the file). */
export function fixture(vendor: "teamwire" | "tabnine", name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../src/rest/${vendor}/fixtures/${name}.json`, import.meta.url), "utf8"));
}

export function jsonType(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type === "boolean" || type === "number" || type === "string" || type === "object") return type;
  throw new Error(`not a JSON value: ${type}`);
}

export interface ShapeOptions {
  /**
   * Keys documented as optional (`?`) that this response may leave out, as paths: `a.b` for object
   * keys, `[]` for array items, e.g. `usage.data[].productivityFactor`, `[].key.month`.
   */
  readonly optional?: readonly string[];
  /** Paths whose value may be null or of the given type (the example shows one of the two). */
  readonly nullable?: Readonly<Record<string, Exclude<JsonType, "null">>>;
  /** Arrays (paths) that may be empty in this response; any other array must have items to check. */
  readonly mayBeEmpty?: readonly string[];
  /** Free-form objects (paths): only checked to be objects, their keys are not part of the contract. */
  readonly freeForm?: readonly string[];
}

const child = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

/** Differences between `actual` and the shape of `example`, one line each (empty: same shape). */
export function shapeDifferences(actual: unknown, example: unknown, options: ShapeOptions = {}, path = ""): string[] {
  const where = path === "" ? "(root)" : path;
  const expectedType = jsonType(example);
  const actualType = jsonType(actual);
  const allowed = options.nullable?.[path];
  const typeOk =
    actualType === expectedType ||
    (allowed !== undefined && (actualType === "null" || actualType === allowed) && (expectedType === "null" || expectedType === allowed));
  if (!typeOk)
    return [`${where}: expected ${expectedType}${allowed ? ` or ${allowed}` : ""}, got ${actualType} (${JSON.stringify(actual)})`];
  if (actualType !== expectedType) return [];

  if (actualType === "array") {
    const items = actual as unknown[];
    const first = (example as unknown[])[0];
    if (first === undefined) return items.length === 0 ? [] : [`${where}: the example has no item to compare with`];
    if (items.length === 0)
      return options.mayBeEmpty?.includes(path)
        ? []
        : [`${where}: empty array (nothing to compare; list it in mayBeEmpty if that is right)`];
    return items.flatMap((item, index) =>
      shapeDifferences(item, first, options, `${path}[]`).map((line) => line.replace(`${path}[]`, `${path}[${index}]`)),
    );
  }
  if (actualType === "object") {
    if (options.freeForm?.includes(path)) return [];
    const actualKeys = Object.keys(actual as object);
    const exampleKeys = Object.keys(example as object);
    const problems: string[] = [];
    const unexpected = actualKeys.filter((key) => !exampleKeys.includes(key));
    if (unexpected.length > 0) problems.push(`${where}: keys not in the example: ${unexpected.join(", ")}`);
    const missing = exampleKeys.filter((key) => !actualKeys.includes(key) && !options.optional?.includes(child(path, key)));
    if (missing.length > 0) problems.push(`${where}: missing keys: ${missing.join(", ")}`);
    const expectedOrder = exampleKeys.filter((key) => actualKeys.includes(key));
    const actualOrder = actualKeys.filter((key) => exampleKeys.includes(key));
    if (expectedOrder.join() !== actualOrder.join())
      problems.push(`${where}: key order ${actualOrder.join(", ")} instead of ${expectedOrder.join(", ")}`);
    for (const key of actualOrder) {
      problems.push(
        ...shapeDifferences((actual as Record<string, unknown>)[key], (example as Record<string, unknown>)[key], options, child(path, key)),
      );
    }
    return problems;
  }
  return [];
}

/**
 * Asserts that `actual` has the shape of `example`: the same keys in the same order at every
 * level (key order is part of the contract), the same JSON types, every array item compared
 * with the example's first item. Optional keys may be absent only when listed in `options`.
 */
export function expectSameShape(actual: unknown, example: unknown, options: ShapeOptions = {}): void {
  const problems = shapeDifferences(actual, example, options);
  expect(
    problems,
    `response does not have the documented shape:\n${problems.join("\n")}\n${JSON.stringify(actual).slice(0, 2000)}`,
  ).toEqual([]);
}
