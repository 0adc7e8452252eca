import { assertAdministersOrganization, requireViewer } from "../../auth/access.js";
import type { Viewer } from "../../auth/viewer.js";
import type { Prisma } from "../../db/database.js";
import { touchOrganizations } from "../../db/data-version.js";
import type { WorkspaceStatisticsSnapshot } from "../../db/generated/client.js";
import { notFound } from "../../errors.js";
import { newMeteorId } from "../../ids.js";
import { createLoaders, type Loaders } from "../../loaders/index.js";
import { buildRocketChatStatistics, snapshotRecord, type OsSessions } from "../../statistics/rocketchat-statistics.js";
import { workspaceStatistics } from "../../statistics/workspace.service.js";

const DAY_MS = 86_400_000;

// Values only a Rocket.Chat server knows (docs/vendors/rocketchat.md §2.1.1): taken from the organization's
// ROCKETCHAT source settings, else from the latest stored snapshot, else the builder's defaults.
const WORKSPACE_KEYS = ["wizard", "version", "instanceCount", "apps", "services", "integrations", "pushQueue", "enterprise"] as const;

type Payload = Record<string, unknown>;

const isObject = (value: unknown): value is Payload => typeof value === "object" && value !== null && !Array.isArray(value);
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

function isoDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Sessions per OS in the windows ending with the reference day: a session is a user-day with
// Rocket.Chat session time, attributed to the OS of the user's first Rocket.Chat device.
const SESSIONS_BY_OS_SQL = `
WITH device AS (
  SELECT DISTINCT ON (d."userId") d."userId", d."os", d."osVersion" FROM "Device" d
  WHERE d."organizationId" = $1::uuid AND d."vendor" = 'ROCKETCHAT'
  ORDER BY d."userId", d."firstSeenAt", d."id"),
sessions AS (
  SELECT r."scopeId", r."bucketStart", r."value" FROM "UsageRollup" r
  WHERE r."organizationId" = $1::uuid AND r."grain" = 'DAY' AND r."scope" = 'USER' AND r."metric" = 'SESSION_SECONDS'
    AND r."vendor" = 'ROCKETCHAT' AND r."roomType" = 'NONE' AND r."bucketStart" >= $2::timestamptz AND r."bucketStart" < $3::timestamptz)
SELECT w.days::int AS days, device."os" AS name, device."osVersion" AS version, count(*)::int AS count, sum(sessions."value")::float8 AS time
FROM sessions JOIN device ON device."userId" = sessions."scopeId"
CROSS JOIN (VALUES (1), (7), (30)) AS w(days)
WHERE sessions."bucketStart" >= $3::timestamptz - w.days * interval '24 hours'
GROUP BY 1, 2, 3`;

async function sessionsByOs(prisma: Prisma, organizationId: string, referenceDay: Date) {
  const end = new Date(referenceDay.getTime() + DAY_MS);
  const rows = await prisma.$queryRawUnsafe<{ days: number; name: string; version: string; count: number; time: number }[]>(
    SESSIONS_BY_OS_SQL,
    organizationId,
    new Date(end.getTime() - 30 * DAY_MS),
    end,
  );
  const window = (days: number): OsSessions[] =>
    rows
      .filter((row) => row.days === days)
      .map((row) => ({ name: row.name, version: row.version, count: row.count, time: Math.round(row.time) }))
      // The seed's order: most sessions first, then by name.
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return { yesterday: window(1), lastWeek: window(7), lastMonth: window(30) };
}

/**
 * The Rocket.Chat `statistics` object of an organization computed now, from the store: accounts,
 * presence, languages, messages and last activity of its Rocket.Chat users, sessions by OS from
 * the SESSION_SECONDS rollups and devices; room counts and workspace-only values from the latest
 * stored snapshot and the ROCKETCHAT source's settings. Keys in the vendor's order. Totals,
 * organization and source come through `loaders` (fresh ones by default).
 * @throws NOT_FOUND when there is no such organization.
 */
export async function liveRocketChatStatistics(
  prisma: Prisma,
  organizationId: string,
  id: string,
  now = new Date(),
  loaders: Loaders = createLoaders(prisma),
): Promise<Payload> {
  const referenceDay = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - DAY_MS);
  const [stats, organization, sources, latest, sessions] = await Promise.all([
    workspaceStatistics(loaders, organizationId, "ROCKETCHAT"),
    loaders.organizationById.load(organizationId),
    loaders.sourcesByOrganizationId.load(organizationId),
    prisma.workspaceStatisticsSnapshot.findFirst({
      where: { organizationId, vendor: "ROCKETCHAT" },
      orderBy: [{ takenAt: "desc" }, { id: "desc" }],
      select: { payload: true },
    }),
    sessionsByOs(prisma, organizationId, referenceDay),
  ]);
  if (!organization) throw notFound("organization", organizationId);
  const source = sources.find((candidate) => candidate.vendor === "ROCKETCHAT");
  const settings: Payload = isObject(source?.settings) ? source.settings : {};
  const previous: Payload = isObject(latest?.payload) ? latest.payload : {};
  const workspace: Payload = {};
  for (const key of WORKSPACE_KEYS) {
    const value = settings[key] ?? previous[key];
    if (value !== undefined) workspace[key] = value;
  }
  const teams = isObject(previous.teams) ? previous.teams : {};
  const uniqueId = source?.externalId ?? (typeof previous.uniqueId === "string" ? previous.uniqueId : organizationId);
  const installedAt = isoDate(settings.installedAt) ?? isoDate(previous.installedAt) ?? source?.createdAt ?? organization.createdAt;
  return buildRocketChatStatistics({
    id,
    uniqueId,
    installedAt,
    takenAt: now,
    users: {
      total: stats.totalUsers,
      active: stats.activeAccounts,
      activeGuests: stats.guests,
      nonActive: stats.deactivatedUsers,
      app: stats.appUsers,
      online: stats.presence.online,
      away: stats.presence.away,
      busy: stats.presence.busy,
      offline: stats.presence.offline,
      languages: Object.fromEntries(stats.userLanguages.map(({ locale, total }) => [locale, total])),
    },
    rooms: {
      channels: num(previous.totalChannels),
      privateGroups: num(previous.totalPrivateGroups),
      direct: num(previous.totalDirect),
      livechat: num(previous.totalLivechat),
      discussions: num(previous.totalDiscussions),
      threads: num(previous.totalThreads),
      teams: num(teams.totalTeams),
    },
    messages: stats.messages,
    lastLogin: stats.lastActiveAt,
    lastMessageSentAt: stats.lastMessageSentAt,
    lastSeenSubscription: stats.lastActiveAt,
    referenceDay,
    sessionsByOs: sessions,
    workspace,
  });
}

/**
 * Computes the Rocket.Chat statistics of the organization (default: the viewer's) now and stores
 * them as a new snapshot (a fresh 17-character Meteor id), so it also appears in the history.
 * @throws UNAUTHENTICATED without a viewer; NOT_FOUND/FORBIDDEN unless the viewer administers
 * an organization of that id.
 */
export async function takeStatisticsSnapshot(
  deps: { viewer: Viewer | null; prisma: Prisma; loaders: Loaders },
  requestedId: string | null | undefined,
  now = new Date(),
): Promise<WorkspaceStatisticsSnapshot> {
  const { prisma, loaders } = deps;
  const viewer = requireViewer(deps.viewer);
  const organizationId = requestedId ?? viewer.organizationId;
  assertAdministersOrganization(viewer, organizationId, "taking a statistics snapshot");
  if (!(await loaders.organizationById.load(organizationId))) throw notFound("organization", organizationId);
  // Fresh loaders: the snapshot must not reuse what this request read before (a REST route runs several operations in one context).
  const payload = await liveRocketChatStatistics(prisma, organizationId, newMeteorId(), now, createLoaders(prisma));
  return prisma.$transaction(async (tx) => {
    const snapshot = await tx.workspaceStatisticsSnapshot.create({
      data: snapshotRecord(payload, organizationId, new Date(payload.createdAt as string)),
    });
    await touchOrganizations(tx, [organizationId]);
    return snapshot;
  });
}
