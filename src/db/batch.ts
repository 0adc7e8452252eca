/**
 * DataLoader batch-function contract helpers: results come back in key order, one per key.
 */

/** One value per key in key order; `fallback` for keys without a row. */
export function orderByKeys<K, V, F>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, fallback: F): (V | F)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => (byKey.has(key) ? byKey.get(key)! : fallback));
}

/** All rows per key in key order (an empty list for keys without rows), row order preserved. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

/** Splits keys into groups that can share one query (same `groupKey`), remembering positions. */
export function partition<K>(keys: readonly K[], groupKey: (key: K) => string): Map<string, { key: K; index: number }[]> {
  const groups = new Map<string, { key: K; index: number }[]>();
  keys.forEach((key, index) => {
    const id = groupKey(key);
    groups.set(id, [...(groups.get(id) ?? []), { key, index }]);
  });
  return groups;
}
