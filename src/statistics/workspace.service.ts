import type { Prisma } from "../db/database.js";
import type { Vendor } from "../db/generated/enums.js";
import type DataLoader from "dataloader";

export interface WorkspaceStatisticsData {
  totalUsers: number;
  activeAccounts: number;
  pendingUsers: number;
  deactivatedUsers: number;
  guests: number;
  appUsers: number;
  clientUsers: number;
  neverActiveUsers: number;
  adminsCount: number;
  teamsCount: number;
  /** Teamwire chat groups (`groups_count`), as the organization's Teamwire source reported. */
  groupsCount: number;
  domainsCount: number;
  licenseSeats: number;
  devices: number;
  presence: { online: number; away: number; busy: number; offline: number; connected: number };
  userLanguages: { locale: string; total: number }[];
  messages: { total: number; channel: number; privateGroup: number; direct: number; livechat: number };
  aiCompletions: number;
  aiChatInteractions: number;
  lastActiveAt: Date | null;
  lastMessageSentAt: Date | null;
  snapshotAt: Date | null;
}

/** What the workspaceStatistics loader is asked for: one organization, all accounts or one vendor's. */
export interface WorkspaceStatisticsKey {
  readonly organizationId: string;
  readonly vendor: Vendor | null;
}

// $1 organization ids, $2 vendor or NULL. With a vendor, users are those with an identity there and
// "used a client" means activity at that vendor.
const USERS_SQL = `
WITH members AS (
  SELECT u.* FROM "User" u WHERE u."organizationId" = ANY($1::uuid[])
    AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM "Identity" i WHERE i."userId" = u."id" AND i."vendor" = $2::text::"Vendor"))),
-- Everyone ever active (at the vendor): the organizations' all-time user sets (user-sets.ts).
ever AS (
  SELECT s."organizationId", bit_or(s."users") AS users FROM "UsageUserSet" s
  WHERE s."organizationId" = ANY($1::uuid[]) AND s."grain" = 'TOTAL' AND s."scope" = 'ORGANIZATION' AND s."metric" = 'ACTIVE_USERS'
    AND ($2::text IS NULL OR s."vendor" = $2::text::"Vendor")
  GROUP BY 1)
SELECT m."organizationId"::text AS "organizationId",
  count(*)::int AS "totalUsers",
  count(*) FILTER (WHERE m."status" = 'REGISTERED' AND m."kind" <> 'APP')::int AS "activeAccounts",
  count(*) FILTER (WHERE m."status" = 'PENDING')::int AS "pendingUsers",
  count(*) FILTER (WHERE m."status" = 'DEACTIVATED')::int AS "deactivatedUsers",
  count(*) FILTER (WHERE m."kind" = 'GUEST' AND m."status" <> 'DEACTIVATED')::int AS "guests",
  count(*) FILTER (WHERE m."kind" = 'APP')::int AS "appUsers",
  count(*) FILTER (WHERE m."status" = 'REGISTERED' AND get_bit(e."users", ord."ordinal") = 1)::int AS "clientUsers",
  count(*) FILTER (WHERE m."lastActiveAt" IS NULL)::int AS "neverActiveUsers",
  count(*) FILTER (WHERE m."role" IN ('ADMIN', 'SUPERADMIN'))::int AS "adminsCount",
  count(*) FILTER (WHERE m."status" <> 'DEACTIVATED' AND m."presence" = 'ONLINE')::int AS online,
  count(*) FILTER (WHERE m."status" <> 'DEACTIVATED' AND m."presence" = 'AWAY')::int AS away,
  count(*) FILTER (WHERE m."status" <> 'DEACTIVATED' AND m."presence" = 'BUSY')::int AS busy,
  count(*) FILTER (WHERE m."status" <> 'DEACTIVATED' AND m."presence" = 'OFFLINE')::int AS offline,
  max(m."lastActiveAt") AS "lastActiveAt",
  (SELECT coalesce(json_agg(json_build_object('locale', l.locale, 'total', l.total) ORDER BY l.total DESC, l.locale), '[]'::json)
     FROM (SELECT coalesce(o."locale", 'none') AS locale, count(*)::int AS total FROM members o
           WHERE o."organizationId" = m."organizationId" GROUP BY 1) l) AS "userLanguages"
FROM members m
LEFT JOIN "UserOrdinal" ord ON ord."userId" = m."id"
LEFT JOIN ever e ON e."organizationId" = m."organizationId"
GROUP BY m."organizationId"`;

const ACTIVITY_SQL = `
SELECT r."organizationId"::text AS "organizationId",
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT'), 0)::float8 AS total,
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT' AND r."roomType" = 'CHANNEL'), 0)::float8 AS channel,
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT' AND r."roomType" = 'PRIVATE_GROUP'), 0)::float8 AS "privateGroup",
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT' AND r."roomType" = 'DIRECT'), 0)::float8 AS direct,
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT' AND r."roomType" = 'LIVECHAT'), 0)::float8 AS livechat,
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'CODE_COMPLETIONS'), 0)::float8 AS "aiCompletions",
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'CHAT_INTERACTIONS'), 0)::float8 AS "aiChatInteractions"
FROM "UsageRollup" r
WHERE r."organizationId" = ANY($1::uuid[]) AND r."grain" = 'TOTAL' AND r."scope" = 'ORGANIZATION'
  AND r."metric" IN ('MESSAGES_SENT', 'CODE_COMPLETIONS', 'CHAT_INTERACTIONS')
  AND ($2::text IS NULL OR r."vendor" = $2::text::"Vendor")
GROUP BY r."organizationId"`;

type UserCounts = Pick<
  WorkspaceStatisticsData,
  | "totalUsers"
  | "activeAccounts"
  | "pendingUsers"
  | "deactivatedUsers"
  | "guests"
  | "appUsers"
  | "clientUsers"
  | "neverActiveUsers"
  | "adminsCount"
>;
type UsersRow = UserCounts &
  Omit<WorkspaceStatisticsData["presence"], "connected"> &
  Pick<WorkspaceStatisticsData, "lastActiveAt" | "userLanguages"> & { organizationId: string };
type ActivityRow = WorkspaceStatisticsData["messages"] &
  Pick<WorkspaceStatisticsData, "aiCompletions" | "aiChatInteractions"> & { organizationId: string };

// What the statements answer for an organization without any member or activity.
const NO_USERS: UsersRow = {
  organizationId: "",
  totalUsers: 0,
  activeAccounts: 0,
  pendingUsers: 0,
  deactivatedUsers: 0,
  guests: 0,
  appUsers: 0,
  clientUsers: 0,
  neverActiveUsers: 0,
  adminsCount: 0,
  online: 0,
  away: 0,
  busy: 0,
  offline: 0,
  lastActiveAt: null,
  userLanguages: [],
};
const NO_ACTIVITY: ActivityRow = {
  organizationId: "",
  total: 0,
  channel: 0,
  privateGroup: 0,
  direct: 0,
  livechat: 0,
  aiCompletions: 0,
  aiChatInteractions: 0,
};

const byOrganization = <T extends { organizationId: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.organizationId, row]));

/**
 * Live totals of each organization (or of its accounts at one vendor), in `organizationIds`
 * order: one statement per table for all of them.
 */
export async function workspaceStatisticsOf(
  prisma: Prisma,
  organizationIds: readonly string[],
  vendor: Vendor | null,
): Promise<WorkspaceStatisticsData[]> {
  const ids = [...organizationIds];
  const inIds = { organizationId: { in: ids } };
  const vendorFilter = vendor ? { vendor } : {};
  const [users, activity, organizations, teams, devices, licenses, lastMessages, snapshots, teamwire] = await Promise.all([
    prisma.$queryRawUnsafe<UsersRow[]>(USERS_SQL, ids, vendor),
    prisma.$queryRawUnsafe<ActivityRow[]>(ACTIVITY_SQL, ids, vendor),
    prisma.organization.findMany({ where: { id: { in: ids } }, select: { id: true, domains: true } }),
    prisma.team.groupBy({ by: ["organizationId"], where: inIds, _count: { _all: true } }),
    prisma.device.groupBy({ by: ["organizationId"], where: { ...inIds, wipedAt: null, ...vendorFilter }, _count: { _all: true } }),
    prisma.license.groupBy({ by: ["organizationId"], where: { ...inIds, ...vendorFilter }, _max: { seats: true } }),
    prisma.usageRollup.groupBy({
      by: ["organizationId"],
      where: { ...inIds, grain: "HOUR", scope: "ORGANIZATION", metric: "MESSAGES_SENT", ...vendorFilter },
      _max: { bucketStart: true },
    }),
    prisma.workspaceStatisticsSnapshot.groupBy({ by: ["organizationId"], where: inIds, _max: { takenAt: true } }),
    vendor == null || vendor === "TEAMWIRE"
      ? prisma.source.findMany({ where: { ...inIds, vendor: "TEAMWIRE" }, select: { organizationId: true, settings: true } })
      : [],
  ]);
  const maps = {
    users: byOrganization(users),
    activity: byOrganization(activity),
    teams: byOrganization(teams),
    devices: byOrganization(devices),
    licenses: byOrganization(licenses),
    lastMessages: byOrganization(lastMessages),
    snapshots: byOrganization(snapshots),
    teamwire: byOrganization(teamwire),
  };
  const domains = new Map(organizations.map((organization) => [organization.id, organization.domains]));
  return ids.map((id) => {
    const u = maps.users.get(id) ?? NO_USERS;
    const a = maps.activity.get(id) ?? NO_ACTIVITY;
    const groupsCount = Number((maps.teamwire.get(id)?.settings as { groupsCount?: unknown } | undefined)?.groupsCount ?? 0);
    return {
      totalUsers: u.totalUsers,
      activeAccounts: u.activeAccounts,
      pendingUsers: u.pendingUsers,
      deactivatedUsers: u.deactivatedUsers,
      guests: u.guests,
      appUsers: u.appUsers,
      clientUsers: u.clientUsers,
      neverActiveUsers: u.neverActiveUsers,
      adminsCount: u.adminsCount,
      teamsCount: maps.teams.get(id)?._count._all ?? 0,
      domainsCount: domains.get(id)?.length ?? 0,
      groupsCount: Number.isInteger(groupsCount) ? groupsCount : 0,
      licenseSeats: Math.max(0, maps.licenses.get(id)?._max.seats ?? 0),
      devices: maps.devices.get(id)?._count._all ?? 0,
      presence: { online: u.online, away: u.away, busy: u.busy, offline: u.offline, connected: u.online + u.away + u.busy },
      userLanguages: u.userLanguages,
      messages: { total: a.total, channel: a.channel, privateGroup: a.privateGroup, direct: a.direct, livechat: a.livechat },
      aiCompletions: a.aiCompletions,
      aiChatInteractions: a.aiChatInteractions,
      lastActiveAt: u.lastActiveAt,
      lastMessageSentAt: maps.lastMessages.get(id)?._max.bucketStart ?? null,
      snapshotAt: maps.snapshots.get(id)?._max.takenAt ?? null,
    };
  });
}

/** Live totals of one organization (or of its accounts at one vendor), through the request's loader. */
export function workspaceStatistics(
  loaders: { readonly workspaceStatistics: DataLoader<WorkspaceStatisticsKey, WorkspaceStatisticsData, string> },
  organizationId: string,
  vendor: Vendor | null,
): Promise<WorkspaceStatisticsData> {
  return loaders.workspaceStatistics.load({ organizationId, vendor });
}
