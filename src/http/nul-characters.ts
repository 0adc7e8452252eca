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
