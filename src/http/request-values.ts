/**
 * Whether a request value (string, array or object, as parsed from a URL or JSON) holds a NUL
 * character anywhere. PostgreSQL text cannot store one, so such input is refused up front as bad
 * input instead of failing in the database. Iterative: any nesting depth is safe.
 */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string") {
      if (item.includes("\u0000")) return true;
    } else if (Array.isArray(item)) {
      pending.push(...(item as unknown[]));
    } else if (item !== null && typeof item === "object") {
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes("\u0000")) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/** How deeply request values (GraphQL variables, vendor JSON parameters) may nest. */
export const MAX_VALUE_NESTING = 64;

/**
 * Whether a parsed request value nests arrays and objects more than `max` levels deep. Such a
 * value is refused as bad input: recursive code (serializers, scalars, validators) would exhaust
 * the stack on it. Iterative, like {@link containsNul}.
 */
export function nestedDeeperThan(value: unknown, max = MAX_VALUE_NESTING): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth >= max) return true;
    for (const inner of Array.isArray(item) ? (item as unknown[]) : Object.values(item)) pending.push([inner, depth + 1]);
  }
  return false;
}
