import type { Prisma } from "./database.js";
import { badInput } from "../errors.js";

/** Largest page a connection serves. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;
/** Largest `offset` a connection accepts. */
export const MAX_OFFSET = 1_000_000;

export interface PageRequest {
  readonly first: number;
  /** Opaque cursor of the last item already seen. */
  readonly after: string | null;
  /** Items skipped after the cursor. */
  readonly offset: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly cursors: string[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** Cursors are opaque to clients: base64url of the sort key and id of the item. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString("base64url");
}

/** @throws DomainError BAD_USER_INPUT for anything that is not a cursor this gateway issued. */
export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // Parts reach SQL parameters, and PostgreSQL text cannot hold NUL characters.
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === "string" && !part.includes("\u0000"))) {
      return value as [string, string];
    }
  } catch {
    // fall through
  }
  throw badInput(`"${cursor.slice(0, 64)}" is not a cursor returned by this connection`, { argument: "after" });
}

/** Validates `first` (1..MAX_PAGE_SIZE), `after` and `offset` (0..MAX_OFFSET). */
export function pageRequest(first: number | null | undefined, after: string | null | undefined, offset?: number | null): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { argument: "first", max: MAX_PAGE_SIZE });
  }
  if (after !== null && after !== undefined) decodeCursor(after);
  const skip = offset ?? 0;
  if (!Number.isInteger(skip) || skip < 0 || skip > MAX_OFFSET) {
    throw badInput(`offset must be between 0 and ${MAX_OFFSET}`, { argument: "offset", max: MAX_OFFSET });
  }
  return { first: size, after: after ?? null, offset: skip };
}

/**
 * A page from rows fetched with `take: first + 1` (the extra row tells whether more follow),
 * for connections read with Prisma rather than through {@link loadPages}.
 */
export function pageOf<T extends { id: string }>(rows: T[], first: number, totalCount: number, sortKeyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, first);
  return { items, cursors: items.map((item) => encodeCursor(sortKeyOf(item), item.id)), hasNextPage: rows.length > first, totalCount };
}

export interface KeysetQuery {
  /** Quoted table name, e.g. `"Team"`. A constant, never user input. */
  readonly table: string;
  /** Column the pages are per (the parent), e.g. `"organizationId"`. */
  readonly parentColumn: string;
  /** Column pages are sorted by (then by id); must be text. */
  readonly sortColumn: string;
  /** Instead of `sortColumn`: a text expression over `b.` columns (equal to what `sortKeyOf` returns). */
  readonly sortExpression?: string;
  /** Extra SQL conditions on `b.` columns with positional parameters starting at $5. */
  readonly where?: string;
  readonly params?: unknown[];
}

/**
 * One statement for the same page of many parents: rows after the cursor, at most first + 1 per
 * parent (to know whether another page follows), each with its parent's total count.
 */
export async function loadPages<T extends { id: string }>(
  prisma: Prisma,
  query: KeysetQuery,
  parentIds: readonly string[],
  request: PageRequest,
  sortKeyOf: (row: T) => string,
): Promise<Page<T>[]> {
  const [afterKey, afterId] = request.after ? decodeCursor(request.after) : [null, null];
  const extra = query.where ? `AND ${query.where}` : "";
  const sortKey = query.sortExpression ?? `b.${query.sortColumn}`;
  type Row = T & { _rank: number | null; _total: number; _parent: string; _sort: string };
  const rows = await prisma.$queryRawUnsafe<Row[]>(
    `WITH base AS (SELECT b.*, ${sortKey} AS "_sort" FROM ${query.table} b WHERE b.${query.parentColumn} = ANY($1::uuid[]) ${extra}),
     totals AS (SELECT ${query.parentColumn} AS parent, count(*)::int AS total FROM base GROUP BY 1),
     page AS (
       SELECT base.*, (row_number() OVER (PARTITION BY base.${query.parentColumn} ORDER BY base."_sort", base."id"))::int AS "_rank"
       FROM base WHERE $2::text IS NULL OR (base."_sort", base."id"::text) > ($2::text, $3::text))
     SELECT page.*, totals.parent::text AS "_parent", totals.total AS "_total"
     FROM totals LEFT JOIN page ON page.${query.parentColumn} = totals.parent
       AND page."_rank" > ${request.offset} AND page."_rank" <= $4
     ORDER BY totals.parent, page."_rank"`,
    parentIds,
    afterKey,
    afterId,
    request.offset + request.first + 1,
    ...(query.params ?? []),
  );
  const byParent = new Map<string, Row[]>();
  for (const row of rows) byParent.set(row._parent, [...(byParent.get(row._parent) ?? []), row]);
  return parentIds.map((parentId) => {
    const found = byParent.get(parentId) ?? [];
    const withItems = found.filter((row) => row._rank !== null);
    const items = withItems.slice(0, request.first).map(({ _rank, _total, _parent, _sort, ...row }) => row as unknown as T);
    return {
      items,
      cursors: items.map((item) => encodeCursor(sortKeyOf(item), item.id)),
      hasNextPage: withItems.length > request.first,
      totalCount: found[0]?._total ?? 0,
    };
  });
}
