import { MAX_OFFSET, MAX_PAGE_SIZE } from "../db/pagination.js";

export interface FetchedPage<T> {
  readonly totalCount: number;
  readonly nodes: readonly T[];
}

/**
 * Reads `limit` items from `offset` (limit 0: all of them) through a GraphQL connection, in pages
 * of at most MAX_PAGE_SIZE, for vendor APIs that page by offset and limit.
 */
export async function collectRange<T>(
  fetchPage: (offset: number, first: number) => Promise<FetchedPage<T>>,
  offset: number,
  limit: number,
): Promise<{ items: T[]; total: number }> {
  if (offset > MAX_OFFSET) return { items: [], total: (await fetchPage(0, 1)).totalCount };
  const wanted = limit === 0 ? Number.POSITIVE_INFINITY : limit;
  const items: T[] = [];
  let total = 0;
  for (let at = offset; items.length < wanted;) {
    const page = await fetchPage(at, Math.min(MAX_PAGE_SIZE, wanted - items.length));
    total = page.totalCount;
    items.push(...page.nodes);
    at += page.nodes.length;
    if (page.nodes.length === 0 || at >= total) break;
  }
  return { items, total };
}
