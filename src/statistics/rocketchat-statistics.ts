import type { Prisma as P } from "../db/generated/client.js";
/**
 * Builds the Rocket.Chat `statistics` object (docs/vendors/rocketchat.md §2.1.1) from store counts and the
 * workspace values a Rocket.Chat source provided. Keys are created in the documented order.
 */

export interface OsSessions {
  readonly name: string;
  readonly version: string;
  readonly count: number;
  readonly time: number;
}

export interface RocketChatStatisticsInput {
  readonly id: string;
  readonly uniqueId: string;
  readonly installedAt: Date;
  readonly takenAt: Date;
  readonly users: {
    readonly total: number;
    readonly active: number;
    readonly activeGuests: number;
    readonly nonActive: number;
    readonly app: number;
    readonly online: number;
    readonly away: number;
    readonly busy: number;
    readonly offline: number;
    readonly languages: Record<string, number>;
  };
  readonly rooms: {
    readonly channels: number;
    readonly privateGroups: number;
    readonly direct: number;
    readonly livechat: number;
    readonly discussions: number;
    readonly threads: number;
    readonly teams: number;
  };
  readonly messages: { readonly channel: number; readonly privateGroup: number; readonly direct: number; readonly livechat: number };
  readonly lastLogin: Date | null;
  readonly lastMessageSentAt: Date | null;
  readonly lastSeenSubscription: Date | null;
  /** Reference day (UTC) of the `uniqueOS*` windows, normally yesterday. */
  readonly referenceDay: Date;
  readonly sessionsByOs: { readonly yesterday: OsSessions[]; readonly lastWeek: OsSessions[]; readonly lastMonth: OsSessions[] };
  /** Values only a Rocket.Chat server knows, as stored on the organization's source. */
  readonly workspace: Record<string, unknown>;
}

const OAUTH_PROVIDERS = [
  "apple",
  "dolphin",
  "drupal",
  "facebook",
  "github",
  "githubEnterprise",
  "gitlab",
  "google",
  "linkedin",
  "meteor",
  "nextcloud",
  "tokenpass",
  "twitter",
  "wordpress",
] as const;

function defaultServices(): Record<string, unknown> {
  return {
    ldap: {
      users: 0,
      enabled: false,
      loginFallback: true,
      encryption: "plain",
      mergeUsers: false,
      syncRoles: false,
      syncRolesAutoRemove: false,
      syncData: false,
      syncChannels: false,
      syncAvatar: false,
      groupFilter: false,
      backgroundSync: { enabled: false, interval: "Every 24 hours", newUsers: false, existingUsers: false },
      ee: { syncActiveState: "disable", syncTeams: false, syncRoles: false },
    },
    saml: {
      enabled: false,
      users: 0,
      signatureValidationType: "Either",
      generateUsername: false,
      updateSubscriptionsOnLogin: false,
      syncRoles: false,
    },
    cas: { enabled: false, users: 0, allowUserCreation: false, alwaysSyncUserData: false },
    oauth: { ...Object.fromEntries(OAUTH_PROVIDERS.map((name) => [name, { enabled: false, users: 0 }])), custom: {} },
  };
}

const iso = (date: Date | null) => (date ?? new Date(0)).toISOString();

function uniqueOs(referenceDay: Date, data: OsSessions[]) {
  return {
    year: referenceDay.getUTCFullYear(),
    month: referenceDay.getUTCMonth() + 1,
    day: referenceDay.getUTCDate(),
    data: data.map(({ count, time, name, version }) => ({ count, time, name, version })),
  };
}

export function buildRocketChatStatistics(input: RocketChatStatisticsInput): Record<string, unknown> {
  const { users, rooms, messages, workspace } = input;
  const ws = (key: string, fallback: unknown) => workspace[key] ?? fallback;
  return {
    _id: input.id,
    wizard: ws("wizard", { organizationType: "", industry: "", size: "", language: "", serverType: "", registerServer: false }),
    uniqueId: input.uniqueId,
    installedAt: input.installedAt.toISOString(),
    version: ws("version", "6.5.0"),
    totalUsers: users.total,
    activeUsers: users.active,
    activeGuests: users.activeGuests,
    nonActiveUsers: users.nonActive,
    appUsers: users.app,
    onlineUsers: users.online,
    awayUsers: users.away,
    busyUsers: users.busy,
    totalConnectedUsers: users.online + users.away + users.busy,
    offlineUsers: users.offline,
    userLanguages: users.languages,
    totalRooms: rooms.channels + rooms.privateGroups + rooms.direct + rooms.livechat,
    totalChannels: rooms.channels,
    totalPrivateGroups: rooms.privateGroups,
    totalDirect: rooms.direct,
    totalLivechat: rooms.livechat,
    totalDiscussions: rooms.discussions,
    totalThreads: rooms.threads,
    teams: { totalTeams: rooms.teams },
    totalMessages: messages.channel + messages.privateGroup + messages.direct + messages.livechat,
    totalChannelMessages: messages.channel,
    totalPrivateGroupMessages: messages.privateGroup,
    totalDirectMessages: messages.direct,
    totalLivechatMessages: messages.livechat,
    lastLogin: iso(input.lastLogin),
    lastMessageSentAt: iso(input.lastMessageSentAt),
    lastSeenSubscription: iso(input.lastSeenSubscription),
    instanceCount: ws("instanceCount", 1),
    uniqueOSOfYesterday: uniqueOs(input.referenceDay, input.sessionsByOs.yesterday),
    uniqueOSOfLastWeek: uniqueOs(input.referenceDay, input.sessionsByOs.lastWeek),
    uniqueOSOfLastMonth: uniqueOs(input.referenceDay, input.sessionsByOs.lastMonth),
    apps: ws("apps", { engineVersion: "", enabled: false, totalInstalled: 0, totalActive: 0, totalFailed: 0 }),
    services: ws("services", defaultServices()),
    integrations: ws("integrations", {
      totalIntegrations: 0,
      totalIncoming: 0,
      totalIncomingActive: 0,
      totalOutgoing: 0,
      totalOutgoingActive: 0,
      totalWithScriptEnabled: 0,
    }),
    pushQueue: ws("pushQueue", 0),
    enterprise: ws("enterprise", { modules: [], tags: [] }),
    createdAt: input.takenAt.toISOString(),
    _updatedAt: input.takenAt.toISOString(),
  };
}

/** The stored row of a statistics object: kept whole, with its headline counters as columns. */
export function snapshotRecord(
  payload: Record<string, unknown>,
  organizationId: string,
  takenAt: Date,
): P.WorkspaceStatisticsSnapshotCreateManyInput {
  return {
    id: payload._id as string,
    organizationId,
    vendor: "ROCKETCHAT",
    takenAt,
    totalUsers: payload.totalUsers as number,
    activeUsers: payload.activeUsers as number,
    onlineUsers: payload.onlineUsers as number,
    totalRooms: payload.totalRooms as number,
    totalMessages: payload.totalMessages as number,
    payload: payload as P.InputJsonValue,
  };
}
