import type { Prisma } from "../../db/database.js";
import type { WorkspaceStatisticsSnapshot } from "../../db/generated/client.js";
import { badInput } from "../../errors.js";
import { decodeCursor, encodeCursor, pageOf, pageRequest, type Page } from "../../loaders/pagination.js";
import { snapshotFilterSql, snapshotSortSql } from "./snapshot-query.js";

const LATEST = Date.UTC(9999, 11, 31);
// Cursors of pages read with a filter or sort carry the position, not a sort key.
const POSITION = "position";

export interface HistoryRequest {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly offset?: number | null;
  readonly filter?: Record<string, unknown> | null;
  readonly sort?: Record<string, unknown> | null;
  readonly oldestFirst?: boolean | null;
}

/**
 * One page of an organization's stored statistics snapshots. Without `filter` and `sort`:
 * keyset pages by takenAt (newest first unless `oldestFirst`), `offset` items skipped after the
 * cursor. With either: they are translated to SQL (snapshot-query.ts), pages are read by
 * position (cursors carry it) and `offset` adds to it. `totalCount` counts matches before paging.
 * @throws BAD_USER_INPUT for bad paging arguments, a disallowed operator, an invalid regular
 * expression, or a query that ran past the database statement timeout.
 */
export async function statisticsHistory(prisma: Prisma, organizationId: string, request: HistoryRequest): Promise<Page<WorkspaceStatisticsSnapshot>> {
  const page = pageRequest(request.first, request.after, request.offset);
  const cursor = page.after ? decodeCursor(page.after) : null;
  if (request.filter == null && request.sort == null && cursor?.[0] !== POSITION) {
    return keysetPage(prisma, organizationId, page.first, page.offset, cursor, request.oldestFirst ?? false);
  }
  if (cursor && (cursor[0] !== POSITION || !/^\d{1,10}$/.test(cursor[1]))) {
    throw badInput("after is not a cursor of this connection with these arguments (with filter or sort, page with offset or the cursors they return)", { argument: "after" });
  }
  return positionPage(prisma, organizationId, page.first, (cursor ? Number(cursor[1]) : 0) + page.offset, request);
}

async function keysetPage(prisma: Prisma, organizationId: string, first: number, skip: number, after: [string, string] | null, oldestFirst: boolean) {
  const takenAt = after ? Date.parse(after[0]) : 0;
  // Snapshot ids are 17-character Meteor ids; times must be ones PostgreSQL can store.
  if (after && (Number.isNaN(takenAt) || takenAt < 0 || takenAt > LATEST || !/^[\w-]{1,64}$/.test(after[1]))) {
    throw badInput("after is not a cursor of this connection", { argument: "after" });
  }
  const direction = oldestFirst ? "gt" : "lt";
  const [rows, totalCount] = await Promise.all([
    prisma.workspaceStatisticsSnapshot.findMany({
      where: {
        organizationId,
        ...(after ? { OR: [{ takenAt: { [direction]: new Date(after[0]) } }, { takenAt: new Date(after[0]), id: { [direction]: after[1] } }] } : {}),
      },
      orderBy: [{ takenAt: oldestFirst ? "asc" : "desc" }, { id: oldestFirst ? "asc" : "desc" }],
      skip,
      take: first + 1,
    }),
    prisma.workspaceStatisticsSnapshot.count({ where: { organizationId } }),
  ]);
  return pageOf(rows, first, totalCount, (row) => row.takenAt.toISOString());
}

type Row = WorkspaceStatisticsSnapshot & { _total: number };

async function positionPage(prisma: Prisma, organizationId: string, first: number, offset: number, request: HistoryRequest) {
  const where = snapshotFilterSql(request.filter, 4);
  const order = snapshotSortSql(request.sort, 4 + where.params.length, !(request.oldestFirst ?? false));
  const sql = `SELECT s.*, count(*) OVER ()::int AS "_total" FROM "WorkspaceStatisticsSnapshot" s
    WHERE s."organizationId" = $1::uuid AND ${where.sql}
    ORDER BY ${order.sql} LIMIT $2 OFFSET $3`;
  const rows = await runUserQuery(() => prisma.$queryRawUnsafe<Row[]>(sql, organizationId, first + 1, offset, ...where.params, ...order.params));
  let totalCount = rows[0]?._total ?? 0;
  if (rows.length === 0 && offset > 0) {
    const [count] = await runUserQuery(() => prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "WorkspaceStatisticsSnapshot" s WHERE s."organizationId" = $1::uuid AND ${snapshotFilterSql(request.filter, 2).sql}`,
      organizationId, ...where.params,
    ));
    totalCount = count!.n;
  }
  const items = rows.slice(0, first).map(({ _total, ...row }) => row);
  return { items, cursors: items.map((_, i) => encodeCursor(POSITION, String(offset + i + 1))), hasNextPage: rows.length > first, totalCount };
}

/** The PostgreSQL error code behind a failed raw query, if any. */
function sqlState(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

// A pattern JavaScript accepts may still be one PostgreSQL's regex engine refuses (2201B), and a
// costly pattern is cut off by the statement timeout (57014; PostgreSQL only, PGlite cannot
// interrupt a statement): both are the caller's query, not a server fault.
export async function runUserQuery<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    const state = sqlState(error);
    if (state === "2201B" || state === "2201S") throw badInput("filter: the regular expression is not supported by the store", { argument: "filter" });
    if (state === "57014") throw badInput("filter: the query took longer than the statement timeout; use a simpler $regex", { argument: "filter" });
    throw error;
  }
}
