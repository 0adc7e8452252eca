import type { Prisma as PrismaNamespace } from "../../db/generated/client.js";
import { applyBatch, type BatchEvent } from "../apply-batch.js";
import { addDays, dayWindows, isoDay, parseIsoDay } from "../days.js";
import type { Connector, ConnectorRun } from "../sync.types.js";
import {
  createRocketChatClient,
  ROCKETCHAT_ACTIVE_USERS_WINDOW_DAYS,
  ROCKETCHAT_PAGE_SIZE,
  type RcActiveDay,
  type RcSnapshot,
} from "./client.js";

/** First sync without --since: this many days of engagement data before today. */
export const ROCKETCHAT_DEFAULT_LOOKBACK_DAYS = 30;
/** Snapshots written per transaction. */
const SNAPSHOTS_PER_UNIT = 100;

interface RocketChatCursor {
  /** First UTC day whose active users are not pulled yet. */
  activeUsersFrom?: string;
  /** The newest stored snapshot (information only: the listing is read until a stored snapshot). */
  newestSnapshotAt?: string;
}

const int = (value: number | undefined) => (Number.isFinite(value) ? Math.trunc(value!) : 0);
const takenAt = (s: RcSnapshot) => new Date(s.createdAt ?? s._updatedAt ?? 0);

/**
 * Reads statistics.list newest first until a page holds a snapshot already stored (or older than
 * `since`), and returns the new ones oldest first. Writing them oldest first keeps the stored set
 * "everything up to some time", so a sync that stops half way is completed by the next one.
 */
async function newSnapshots(
  run: ConnectorRun,
  list: (offset: number) => Promise<{ statistics: RcSnapshot[]; total: number }>,
): Promise<RcSnapshot[]> {
  const found = new Map<string, RcSnapshot>();
  // The vendor may answer fewer items than asked (its own cap): the next page starts after what came.
  for (let offset = 0; ;) {
    const page = await list(offset);
    const ids = page.statistics.map((s) => s._id);
    const known = new Set(
      (
        await run.prisma.workspaceStatisticsSnapshot.findMany({
          where: { organizationId: run.organizationId, id: { in: ids } },
          select: { id: true },
        })
      ).map((s) => s.id),
    );
    let reachedKnown = false;
    for (const s of page.statistics) {
      if (known.has(s._id) || (run.since && takenAt(s) < run.since)) reachedKnown = true;
      else found.set(s._id, s); // a snapshot shifted onto the next page by a new one is simply seen twice
    }
    run.summary.fetched += page.statistics.length;
    run.summary.skipped += page.statistics.filter((s) => known.has(s._id)).length;
    if (reachedKnown || page.statistics.length === 0 || offset + page.statistics.length >= page.total) break;
    offset += page.statistics.length;
  }
  return [...found.values()].sort((a, b) => takenAt(a).getTime() - takenAt(b).getTime());
}

function activeUserEvents(
  organizationId: string,
  days: readonly RcActiveDay[],
  known: ReadonlySet<string>,
): { events: BatchEvent[]; unknown: Set<string> } {
  const events: BatchEvent[] = [];
  const unknown = new Set<string>();
  for (const entry of days) {
    const day = `${entry.year}-${String(entry.month).padStart(2, "0")}-${String(entry.day).padStart(2, "0")}`;
    if (!parseIsoDay(day)) continue;
    for (const id of new Set(entry.usersList)) {
      if (!known.has(id)) {
        unknown.add(id);
        continue;
      }
      events.push({
        idempotencyKey: `sync:rocketchat:user:${id}:ACTIVE_USERS:${day}`,
        organizationId,
        vendor: "ROCKETCHAT",
        metric: "ACTIVE_USERS",
        timestamp: `${day}T00:00:00.000Z`,
        value: 1,
        identity: { vendor: "ROCKETCHAT", externalId: id },
      });
    }
  }
  return { events, unknown };
}

/**
 * Pulls one Rocket.Chat workspace (docs/vendors/rocketchat.md §2): new statistics snapshots (kept whole, with
 * their headline columns) in units of SNAPSHOTS_PER_UNIT, and the engagement dashboard's daily
 * active users as per-user ACTIVE_USERS events of the users the gateway knows by Rocket.Chat id.
 * The contract has no user directory, so active ids without a stored identity are skipped (counted
 * and logged), not invented.
 */
export async function syncRocketChat(run: ConnectorRun): Promise<void> {
  const { userId = "", authToken = "" } = run.credentials;
  const client = createRocketChatClient(run.source.baseUrl, userId, authToken, run.http);
  const cursor = run.source.cursor as RocketChatCursor;
  const organizationId = run.organizationId;

  run.planned(1);
  let snapshots: RcSnapshot[] = [];
  const listed = await run.unit("statistics.list", async () => {
    snapshots = await newSnapshots(run, (offset) => client.snapshotsNewestFirst(offset, ROCKETCHAT_PAGE_SIZE));
  });
  if (listed) {
    const chunks: RcSnapshot[][] = [];
    for (let i = 0; i < snapshots.length; i += SNAPSHOTS_PER_UNIT) chunks.push(snapshots.slice(i, i + SNAPSHOTS_PER_UNIT));
    run.planned(chunks.length);
    for (const chunk of chunks) {
      const ok = await run.unit(
        `statistics snapshots ${chunk[0]!.createdAt ?? chunk[0]!._id}..${chunk.at(-1)!.createdAt ?? chunk.at(-1)!._id}`,
        () =>
          run.write(async () => {
            const rows = chunk.map((s) => ({
              id: s._id,
              organizationId,
              vendor: "ROCKETCHAT" as const,
              takenAt: takenAt(s),
              totalUsers: int(s.totalUsers),
              activeUsers: int(s.activeUsers),
              onlineUsers: int(s.onlineUsers),
              totalRooms: int(s.totalRooms),
              totalMessages: int(s.totalMessages),
              payload: s as PrismaNamespace.InputJsonObject,
            }));
            const uniqueId = chunk.at(-1)!.uniqueId;
            if (!run.dryRun) {
              await run.prisma.$transaction(async (tx) => {
                // No skipDuplicates: an id stored for another organization must fail loudly, not vanish.
                await tx.workspaceStatisticsSnapshot.createMany({ data: rows });
                if (uniqueId && run.source.externalId !== uniqueId)
                  await tx.source.update({ where: { id: run.source.id }, data: { externalId: uniqueId } });
              });
            }
            run.summary.created += rows.length;
            await run.saveCursor({ newestSnapshotAt: takenAt(chunk.at(-1)!).toISOString() });
          }),
      );
      if (!ok) break; // newer snapshots wait: the stored set stays "everything up to some time"
    }
  }

  const known = new Set(
    (await run.prisma.identity.findMany({ where: { organizationId, vendor: "ROCKETCHAT" }, select: { externalId: true } })).map(
      (i) => i.externalId,
    ),
  );
  const from =
    run.since ??
    (cursor.activeUsersFrom ? parseIsoDay(cursor.activeUsersFrom) : undefined) ??
    addDays(run.until, -ROCKETCHAT_DEFAULT_LOOKBACK_DAYS);
  const windows = dayWindows(from, run.until, ROCKETCHAT_ACTIVE_USERS_WINDOW_DAYS);
  run.planned(windows.length);
  const unknownIds = new Set<string>();
  for (const window of windows) {
    const ok = await run.unit(`active users ${isoDay(window.from)}..${isoDay(addDays(window.to, -1))}`, async () => {
      // `end` is inclusive at the vendor: the last millisecond of the window's last day.
      const days = await client.activeUsers(window.from, new Date(window.to.getTime() - 1));
      const { events, unknown } = activeUserEvents(organizationId, days, known);
      for (const id of unknown) unknownIds.add(id);
      run.summary.fetched += events.length + [...unknown].length;
      run.summary.skipped += days.reduce((n, d) => n + new Set(d.usersList).size, 0) - events.length;
      await run.write(async () => {
        const { counts } = await applyBatch(run.prisma, organizationId, { events }, run.dryRun);
        run.summary.created += counts.created;
        run.summary.skipped += counts.skipped;
        await run.saveCursor({ activeUsersFrom: isoDay(window.to) });
      });
    });
    if (!ok) break;
  }
  if (unknownIds.size > 0) {
    run.logger.warn(
      { unknownRocketChatUsers: unknownIds.size },
      "active Rocket.Chat users without a stored identity were skipped (the Rocket.Chat contract has no user directory)",
    );
  }
}

/** The Rocket.Chat pull connector: a user id and personal access token (docs/vendors/rocketchat.md §2.0.2). */
export const rocketChatConnector: Connector = {
  credentialsProblem: (c) => (c.userId && c.authToken ? undefined : "Rocket.Chat needs userId and authToken (X-User-Id, X-Auth-Token)"),
  sync: syncRocketChat,
};
