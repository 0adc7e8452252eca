import { UpstreamError } from "./http-client.js";

export interface VendorPage<T> {
  readonly data: readonly T[];
  readonly meta: { readonly total: number; readonly next?: { readonly offset: number } | null };
}

/** How often a listing is read again from the start when it changed while being paged. */
export const MAX_LISTING_PASSES = 3;

/**
 * Reads an offset-paged listing whole. Items are keyed by `idOf`; a listing whose `total` moves
 * between pages, or whose distinct items do not add up to `total` (an insert or delete shifted
 * the pages), is read again from the start, up to MAX_LISTING_PASSES times, then fails: a
 * half-consistent directory is never written.
 */
export async function readWholeListing<T>(
  what: string,
  fetchPage: (offset: number, limit: number) => Promise<VendorPage<T>>,
  idOf: (item: T) => string,
  pageSize: number,
): Promise<T[]> {
  let last = "";
  for (let pass = 1; pass <= MAX_LISTING_PASSES; pass++) {
    const items = new Map<string, T>();
    let total: number | undefined;
    let moved = false;
    for (let offset = 0; ;) {
      const page = await fetchPage(offset, pageSize);
      total ??= page.meta.total;
      if (page.meta.total !== total) moved = true;
      for (const item of page.data) items.set(idOf(item), item);
      const next = page.meta.next?.offset;
      if (page.data.length === 0 || next === undefined || next <= offset) break;
      offset = next;
    }
    if (!moved && items.size === total) return [...items.values()];
    last = `read ${items.size} distinct items, total said ${total}`;
  }
  throw new UpstreamError("malformed", what, `the listing changed while it was paged, ${MAX_LISTING_PASSES} times (${last})`);
}
