import { assertAdministersOrganization, requireViewer } from "../../auth/access.js";
import type { Viewer } from "../../auth/viewer.js";
import type { Prisma } from "../../db/database.js";
import { touchOrganizations } from "../../db/data-version.js";
import type { WorkspaceStatisticsSnapshot } from "../../db/generated/client.js";
import { notFound } from "../../errors.js";
import { newMeteorId } from "../../ids.js";
import { createLoaders, type Loaders } from "../../loaders/index.js";
import { buildRocketChatStatistics, snapshotRecord } from "../../statistics/rocketchat-statistics.js";
import { emptyWorkspace, type WorkspaceKey } from "../../statistics/rocketchat-statistics-defaults.js";
import { liveServerStatistics } from "../../statistics/rocketchat-statistics-server.js";
import { rocketChatSessions } from "../../statistics/rocketchat-sessions.js";
import { workspaceStatistics } from "../../statistics/workspace.service.js";

const DAY_MS = 86_400_000;

// Values only a Rocket.Chat server knows (docs/vendors/rocketchat.md "Statistics (IStats)"): taken from the
// organization's ROCKETCHAT source settings, else from the latest stored snapshot, else an empty workspace's.
const WORKSPACE_KEYS: readonly WorkspaceKey[] = [...(Object.keys(emptyWorkspace()) as WorkspaceKey[]), "deploymentFingerprintHash"];

type Payload = Record<string, unknown>;

const isObject = (value: unknown): value is Payload => typeof value === "object" && value !== null && !Array.isArray(value);
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

function isoDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Rocket.Chat's migration control `version` of the gateway: the migrations its store has applied. */
async function appliedMigrations(prisma: Prisma): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ applied: number }[]>(
    `SELECT count(*)::int AS applied FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return row?.applied ?? 0;
}

/**
 * The Rocket.Chat `statistics` object of an organization computed now, with every field of `IStats`: accounts,
 * presence, languages, messages and last activity of its Rocket.Chat users, sessions by OS, client and role
 * from the SESSION_SECONDS rollups and devices, and the server part from this process; room counts and
 * workspace-only values from the ROCKETCHAT source's settings and the latest stored snapshot, else an empty
 * workspace's. Keys in the vendor's order. Totals, organization and source come through `loaders` (fresh
 * ones by default).
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
  const [stats, organization, sources, latest, sessions, migrations] = await Promise.all([
    workspaceStatistics(loaders, organizationId, "ROCKETCHAT"),
    loaders.organizationById.load(organizationId),
    loaders.sourcesByOrganizationId.load(organizationId),
    prisma.workspaceStatisticsSnapshot.findFirst({
      where: { organizationId, vendor: "ROCKETCHAT" },
      orderBy: [{ takenAt: "desc" }, { id: "desc" }],
      select: { payload: true },
    }),
    rocketChatSessions(prisma, organizationId, referenceDay),
    appliedMigrations(prisma),
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
      roomsInsideTeams: num(teams.totalRoomsInsideTeams),
      defaultRoomsInsideTeams: num(teams.totalDefaultRoomsInsideTeams),
    },
    // The store counts messages by room type; discussions are not one of them.
    messages: { ...stats.messages, discussions: 0 },
    lastLogin: stats.lastActiveAt,
    lastMessageSentAt: stats.lastMessageSentAt,
    lastSeenSubscription: stats.lastActiveAt,
    referenceDay,
    sessionsByOs: sessions.byOs,
    sessionsByDevice: sessions.byDevice,
    sessionsByRole: sessions.byRole,
    server: liveServerStatistics(migrations),
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
