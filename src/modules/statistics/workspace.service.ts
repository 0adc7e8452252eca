import type { Prisma } from "../../db/database.js";
import type { Vendor } from "../../db/generated/enums.js";

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

// $1 organization id, $2 vendor or NULL. With a vendor, users are those with an identity there and
// "used a client" means activity at that vendor.
const USERS_SQL = `
WITH members AS (
  SELECT u.* FROM "User" u WHERE u."organizationId" = $1::uuid
    AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM "Identity" i WHERE i."userId" = u."id" AND i."vendor" = $2::text::"Vendor")))
SELECT count(*)::int AS "totalUsers",
  count(*) FILTER (WHERE m."status" = 'REGISTERED' AND m."kind" <> 'APP')::int AS "activeAccounts",
  count(*) FILTER (WHERE m."status" = 'PENDING')::int AS "pendingUsers",
  count(*) FILTER (WHERE m."status" = 'DEACTIVATED')::int AS "deactivatedUsers",
  count(*) FILTER (WHERE m."kind" = 'GUEST' AND m."status" <> 'DEACTIVATED')::int AS "guests",
  count(*) FILTER (WHERE m."kind" = 'APP')::int AS "appUsers",
  count(*) FILTER (WHERE m."status" = 'REGISTERED' AND EXISTS (
    SELECT 1 FROM "UsageRollup" r WHERE r."organizationId" = $1::uuid AND r."grain" = 'DAY' AND r."scope" = 'USER'
      AND r."scopeId" = m."id" AND r."metric" = 'ACTIVE_USERS' AND ($2::text IS NULL OR r."vendor" = $2::text::"Vendor")))::int AS "clientUsers",
  count(*) FILTER (WHERE m."lastActiveAt" IS NULL)::int AS "neverActiveUsers",
  count(*) FILTER (WHERE m."role" IN ('ADMIN', 'SUPERADMIN'))::int AS "adminsCount",
  count(*) FILTER (WHERE m."status" <> 'DEACTIVATED' AND m."presence" = 'ONLINE')::int AS online,
  count(*) FILTER (WHERE m."status" <> 'DEACTIVATED' AND m."presence" = 'AWAY')::int AS away,
  count(*) FILTER (WHERE m."status" <> 'DEACTIVATED' AND m."presence" = 'BUSY')::int AS busy,
  count(*) FILTER (WHERE m."status" <> 'DEACTIVATED' AND m."presence" = 'OFFLINE')::int AS offline,
  max(m."lastActiveAt") AS "lastActiveAt",
  (SELECT coalesce(json_agg(json_build_object('locale', l.locale, 'total', l.total) ORDER BY l.total DESC, l.locale), '[]'::json)
     FROM (SELECT coalesce("locale", 'none') AS locale, count(*)::int AS total FROM members GROUP BY 1) l) AS "userLanguages"
FROM members m`;

const ACTIVITY_SQL = `
SELECT
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT'), 0)::float8 AS total,
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT' AND r."roomType" = 'CHANNEL'), 0)::float8 AS channel,
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT' AND r."roomType" = 'PRIVATE_GROUP'), 0)::float8 AS "privateGroup",
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT' AND r."roomType" = 'DIRECT'), 0)::float8 AS direct,
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'MESSAGES_SENT' AND r."roomType" = 'LIVECHAT'), 0)::float8 AS livechat,
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'CODE_COMPLETIONS'), 0)::float8 AS "aiCompletions",
  coalesce(sum(r."value") FILTER (WHERE r."metric" = 'CHAT_INTERACTIONS'), 0)::float8 AS "aiChatInteractions"
FROM "UsageRollup" r
WHERE r."organizationId" = $1::uuid AND r."grain" = 'DAY' AND r."scope" = 'ORGANIZATION'
  AND r."metric" IN ('MESSAGES_SENT', 'CODE_COMPLETIONS', 'CHAT_INTERACTIONS')
  AND ($2::text IS NULL OR r."vendor" = $2::text::"Vendor")`;

/** Live totals of one organization (or of its accounts at one vendor). */
export async function workspaceStatistics(prisma: Prisma, organizationId: string, vendor: Vendor | null): Promise<WorkspaceStatisticsData> {
  const vendorFilter = vendor ? { vendor } : {};
  const [[users], [activity], organization, teamsCount, devices, licenses, lastMessage, snapshot, teamwire] = await Promise.all([
    prisma.$queryRawUnsafe<(Record<string, number> & { lastActiveAt: Date | null; userLanguages: { locale: string; total: number }[] })[]>(
      USERS_SQL, organizationId, vendor,
    ),
    prisma.$queryRawUnsafe<Record<string, number>[]>(ACTIVITY_SQL, organizationId, vendor),
    prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { domains: true } }),
    prisma.team.count({ where: { organizationId } }),
    prisma.device.count({ where: { organizationId, wipedAt: null, ...vendorFilter } }),
    prisma.license.findMany({ where: { organizationId, ...vendorFilter }, select: { seats: true } }),
    prisma.usageRollup.findFirst({
      where: { organizationId, grain: "HOUR", scope: "ORGANIZATION", metric: "MESSAGES_SENT", ...vendorFilter },
      orderBy: { bucketStart: "desc" },
      select: { bucketStart: true },
    }),
    prisma.workspaceStatisticsSnapshot.findFirst({ where: { organizationId }, orderBy: { takenAt: "desc" }, select: { takenAt: true } }),
    vendor === null || vendor === "TEAMWIRE"
      ? prisma.source.findFirst({ where: { organizationId, vendor: "TEAMWIRE" }, select: { settings: true } })
      : null,
  ]);
  const groupsCount = Number((teamwire?.settings as { groupsCount?: unknown } | undefined)?.groupsCount ?? 0);
  const u = users!;
  const a = activity!;
  return {
    totalUsers: u.totalUsers!, activeAccounts: u.activeAccounts!, pendingUsers: u.pendingUsers!,
    deactivatedUsers: u.deactivatedUsers!, guests: u.guests!, appUsers: u.appUsers!, clientUsers: u.clientUsers!,
    neverActiveUsers: u.neverActiveUsers!, adminsCount: u.adminsCount!,
    teamsCount, domainsCount: organization.domains.length, groupsCount: Number.isInteger(groupsCount) ? groupsCount : 0,
    licenseSeats: Math.max(0, ...licenses.map((license) => license.seats)),
    devices,
    presence: { online: u.online!, away: u.away!, busy: u.busy!, offline: u.offline!, connected: u.online! + u.away! + u.busy! },
    userLanguages: u.userLanguages,
    messages: { total: a.total!, channel: a.channel!, privateGroup: a.privateGroup!, direct: a.direct!, livechat: a.livechat! },
    aiCompletions: a.aiCompletions!, aiChatInteractions: a.aiChatInteractions!,
    lastActiveAt: u.lastActiveAt,
    lastMessageSentAt: lastMessage?.bucketStart ?? null,
    snapshotAt: snapshot?.takenAt ?? null,
  };
}
