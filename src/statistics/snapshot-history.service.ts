import type { Prisma } from "../db/database.js";
import type { WorkspaceStatisticsSnapshot } from "../db/generated/client.js";
import { badInput } from "../errors.js";
import { groupByKeys } from "../db/batch.js";
import type DataLoader from "dataloader";
import { decodeCursor, encodeCursor, pageRequest, type Page, type PageRequest } from "../db/pagination.js";
import { completeRocketChatStatistics } from "./rocketchat-statistics-complete.js";
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

/** A validated {@link HistoryRequest}. */
export interface HistoryPageRequest extends PageRequest {
  readonly filter: Record<string, unknown> | null;
  readonly sort: Record<string, unknown> | null;
  readonly oldestFirst: boolean;
}

/** What the statisticsHistory loader is asked for. */
export interface HistoryKey extends HistoryPageRequest {
  readonly organizationId: string;
}

type Row = WorkspaceStatisticsSnapshot & { _rank: number | null; _total: number; _parent: string };

/**
 * One page of each organization's stored statistics snapshots, in `organizationIds` order, in
 * one statement for all of them. Without `filter` and `sort`: keyset pages by takenAt (newest
 * first unless `oldestFirst`), `offset` items skipped after the cursor. With either: they are
 * translated to SQL (snapshot-query.ts), pages are read by position (cursors carry it) and
 * `offset` adds to it. `totalCount` counts matches before paging.
 * @throws BAD_USER_INPUT for a cursor of another kind, a disallowed operator, an invalid regular
 * expression, or a query that ran past the database statement timeout.
 */
export async function statisticsHistoryOf(
  prisma: Prisma,
  organizationIds: readonly string[],
  request: HistoryPageRequest,
): Promise<Page<WorkspaceStatisticsSnapshot>[]> {
  const cursor = request.after ? decodeCursor(request.after) : null;
  if (request.filter == null && request.sort == null && cursor?.[0] !== POSITION) {
    return keysetPages(prisma, organizationIds, request, cursor);
  }
  if (cursor && (cursor[0] !== POSITION || !/^\d{1,10}$/.test(cursor[1]))) {
    throw badInput(
      "after is not a cursor of this connection with these arguments (with filter or sort, page with offset or the cursors they return)",
      { argument: "after" },
    );
  }
  return positionPages(prisma, organizationIds, request, (cursor ? Number(cursor[1]) : 0) + request.offset);
}

/** A stored snapshot as it is served: Rocket.Chat statistics completed to every required `IStats` field. */
export function servedSnapshot(snapshot: WorkspaceStatisticsSnapshot): WorkspaceStatisticsSnapshot {
  const { payload } = snapshot;
  if (snapshot.vendor !== "ROCKETCHAT" || typeof payload !== "object" || payload === null || Array.isArray(payload)) return snapshot;
  return { ...snapshot, payload: completeRocketChatStatistics(payload, snapshot) as WorkspaceStatisticsSnapshot["payload"] };
}

/**
 * The page of one organization, through the request's loader (see {@link statisticsHistoryOf}), each
 * snapshot as {@link servedSnapshot} serves it. `filter` and `sort` see what was stored.
 * @throws BAD_USER_INPUT for bad paging arguments, and as {@link statisticsHistoryOf}.
 */
export async function statisticsHistory(
  loaders: { readonly statisticsHistory: DataLoader<HistoryKey, Page<WorkspaceStatisticsSnapshot>, string> },
  organizationId: string,
  request: HistoryRequest,
): Promise<Page<WorkspaceStatisticsSnapshot>> {
  const page = pageRequest(request.first, request.after, request.offset);
  const found = await loaders.statisticsHistory.load({
    organizationId,
    ...page,
    filter: request.filter ?? null,
    sort: request.sort ?? null,
    oldestFirst: request.oldestFirst ?? false,
  });
  return { ...found, items: found.items.map(servedSnapshot) };
}

// Pages of many organizations from rows ranked per organization (null rank: no row in the page).
const PAGES_SQL = (base: string, rank: string, extra = "") => `
  WITH base AS (${base}),
  totals AS (SELECT "organizationId" AS parent, count(*)::int AS total FROM base GROUP BY 1),
  page AS (SELECT s.*, (row_number() OVER (PARTITION BY s."organizationId" ORDER BY ${rank}))::int AS "_rank" FROM base s ${extra})
  SELECT page.*, totals.parent::text AS "_parent", totals.total AS "_total"
  FROM totals LEFT JOIN page ON page."organizationId" = totals.parent AND page."_rank" > $2::bigint AND page."_rank" <= $3::bigint
  ORDER BY totals.parent, page."_rank"`;

function pagesOf(
  organizationIds: readonly string[],
  rows: Row[],
  first: number,
  cursorOf: (row: WorkspaceStatisticsSnapshot, i: number) => string,
) {
  return groupByKeys(organizationIds, rows, (row) => row._parent).map((found): Page<WorkspaceStatisticsSnapshot> => {
    const ranked = found.filter((row) => row._rank !== null);
    const items = ranked.slice(0, first).map(({ _rank, _total, _parent, ...row }) => row);
    return { items, cursors: items.map(cursorOf), hasNextPage: ranked.length > first, totalCount: found[0]?._total ?? 0 };
  });
}

async function keysetPages(
  prisma: Prisma,
  organizationIds: readonly string[],
  request: HistoryPageRequest,
  after: [string, string] | null,
) {
  const takenAt = after ? Date.parse(after[0]) : 0;
  // Snapshot ids are 17-character Meteor ids; times must be ones PostgreSQL can store.
  if (after && (Number.isNaN(takenAt) || takenAt < 0 || takenAt > LATEST || !/^[\w-]{1,64}$/.test(after[1]))) {
    throw badInput("after is not a cursor of this connection", { argument: "after" });
  }
  const [direction, comparison] = request.oldestFirst ? ["ASC", ">"] : ["DESC", "<"];
  const sql = PAGES_SQL(
    `SELECT s.* FROM "WorkspaceStatisticsSnapshot" s WHERE s."organizationId" = ANY($1::uuid[])`,
    `s."takenAt" ${direction}, s."id" ${direction}`,
    `WHERE $4::timestamptz IS NULL OR (s."takenAt", s."id") ${comparison} ($4::timestamptz, $5::text)`,
  );
  const rows = await prisma.$queryRawUnsafe<Row[]>(
    sql,
    [...organizationIds],
    request.offset,
    request.offset + request.first + 1,
    after ? new Date(after[0]) : null,
    after?.[1] ?? null,
  );
  return pagesOf(organizationIds, rows, request.first, (row) => encodeCursor(row.takenAt.toISOString(), row.id));
}

async function positionPages(prisma: Prisma, organizationIds: readonly string[], request: HistoryPageRequest, offset: number) {
  const where = snapshotFilterSql(request.filter, 4);
  const order = snapshotSortSql(request.sort, 4 + where.params.length, !request.oldestFirst);
  const sql = PAGES_SQL(
    `SELECT s.* FROM "WorkspaceStatisticsSnapshot" s WHERE s."organizationId" = ANY($1::uuid[]) AND ${where.sql}`,
    order.sql,
  );
  // A caller's filter runs under a budget of its own, well below the store's statement timeout.
  const [, rows] = await runUserQuery(() =>
    prisma.$transaction([
      prisma.$executeRawUnsafe(`SET LOCAL statement_timeout = ${USER_QUERY_TIMEOUT_MS}`),
      prisma.$queryRawUnsafe<Row[]>(sql, [...organizationIds], offset, offset + request.first + 1, ...where.params, ...order.params),
    ]),
  );
  return pagesOf(organizationIds, rows, request.first, (_, i) => encodeCursor(POSITION, String(offset + i + 1)));
}

/** The PostgreSQL error code behind a failed raw query, if any. */
function sqlState(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

/** How long a filtered or sorted history page may run on PostgreSQL (PGlite cannot interrupt a statement). */
export const USER_QUERY_TIMEOUT_MS = 2_000;

// A pattern JavaScript accepts may still be one PostgreSQL's regex engine refuses (2201B), and a
// costly pattern is cut off by its budget (57014; PostgreSQL only, PGlite cannot interrupt a
// statement, which is why costly patterns are refused before they run): both are the caller's
// query, not a server fault.
export async function runUserQuery<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    const state = sqlState(error);
    if (state === "2201B" || state === "2201S")
      throw badInput("filter: the regular expression is not supported by the store", { argument: "filter" });
    if (state === "57014")
      throw badInput("filter: the query took longer than the statement timeout; use a simpler $regex", { argument: "filter" });
    throw error;
  }
}
