import type { Prisma as P } from "../db/generated/client.js";
import {
  WHOLE_VALUES,
  completeWith,
  emptyCounters,
  emptyDeployment,
  emptyFeatures,
  emptyFederation,
  emptyOmnichannel,
  emptyWorkspace,
  fingerprintOf,
  type WorkspaceKey,
} from "./rocketchat-statistics-defaults.js";
import type { ServerStatistics } from "./rocketchat-statistics-server.js";

/**
 * Builds the Rocket.Chat `statistics` object, every field of `IStats` (core-typings 8.8.1), from store counts,
 * the server that takes it and the workspace values a Rocket.Chat source provided (docs/vendors/rocketchat.md
 * "Statistics (IStats)"). Keys are created in the documented order (§2.1.2), the others where Rocket.Chat's
 * getStatistics sets them.
 */

export interface OsSessions {
  readonly name: string;
  readonly version: string;
  readonly count: number;
  readonly time: number;
}

/** Sessions per client (`type` is Rocket.Chat's: browser, desktop-app, mobile-app). */
export interface DeviceSessions extends OsSessions {
  readonly type: string;
}

/** Sessions of the users whose most important Rocket.Chat role is `role`; `count` counts distinct users. */
export interface RoleSessions {
  readonly role: string;
  readonly count: number;
  readonly sessions: number;
  readonly time: number;
}

/** The windows ending with the reference day: that day, the last 7 and the last 30 days. */
export interface SessionWindows<T> {
  readonly yesterday: readonly T[];
  readonly lastWeek: readonly T[];
  readonly lastMonth: readonly T[];
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
    readonly roomsInsideTeams: number;
    readonly defaultRoomsInsideTeams: number;
  };
  readonly messages: {
    readonly channel: number;
    readonly privateGroup: number;
    readonly discussions: number;
    readonly direct: number;
    readonly livechat: number;
  };
  readonly lastLogin: Date | null;
  readonly lastMessageSentAt: Date | null;
  readonly lastSeenSubscription: Date | null;
  /** Reference day (UTC) of the session windows, normally yesterday. */
  readonly referenceDay: Date;
  readonly sessionsByOs: SessionWindows<OsSessions>;
  readonly sessionsByDevice: SessionWindows<DeviceSessions>;
  readonly sessionsByRole: SessionWindows<RoleSessions>;
  readonly server: ServerStatistics;
  /** Values only a Rocket.Chat server knows (any {@link WorkspaceKey}), as a source or the latest snapshot provided them. */
  readonly workspace: Record<string, unknown>;
}

const iso = (date: Date | null) => (date ?? new Date(0)).toISOString();

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function sessionWindows<T>(referenceDay: Date, windows: SessionWindows<T>, item: (data: readonly T[]) => object[]) {
  const day = { year: referenceDay.getUTCFullYear(), month: referenceDay.getUTCMonth() + 1, day: referenceDay.getUTCDate() };
  return [windows.yesterday, windows.lastWeek, windows.lastMonth].map((data) => ({ ...day, data: item(data) }));
}

// Item keys as Rocket.Chat's Sessions aggregations emit them ($project of `_id: 0`: no `_id`).
const osItems = (data: readonly OsSessions[]) => data.map(({ count, time, name, version }) => ({ count, time, name, version }));
const deviceItems = (data: readonly DeviceSessions[]) =>
  data.map(({ count, time, type, name, version }) => ({ count, time, type, name, version }));
const userItems = (data: readonly RoleSessions[]) =>
  data.length === 0
    ? []
    : [
        {
          roles: data.map(({ role, count, sessions, time }) => ({ role, count, sessions, time })),
          count: sum(data.map((role) => role.count)),
          sessions: sum(data.map((role) => role.sessions)),
          time: sum(data.map((role) => role.time)),
        },
      ];

export function buildRocketChatStatistics(input: RocketChatStatisticsInput): Record<string, unknown> {
  const { users, rooms, messages, server } = input;
  const defaults: Record<string, unknown> = emptyWorkspace();
  const ws = (key: WorkspaceKey) => {
    const value = input.workspace[key];
    return WHOLE_VALUES.has(key) ? (value ?? defaults[key]) : completeWith(value, defaults[key]);
  };
  const section = (template: object) => Object.fromEntries(Object.keys(template).map((key) => [key, ws(key as WorkspaceKey)]));
  const [usersOfYesterday, usersOfLastWeek, usersOfLastMonth] = sessionWindows(input.referenceDay, input.sessionsByRole, userItems);
  const [devicesOfYesterday, devicesOfLastWeek, devicesOfLastMonth] = sessionWindows(
    input.referenceDay,
    input.sessionsByDevice,
    deviceItems,
  );
  const [osOfYesterday, osOfLastWeek, osOfLastMonth] = sessionWindows(input.referenceDay, input.sessionsByOs, osItems);
  const fingerprint = input.workspace.deploymentFingerprintHash;
  return {
    _id: input.id,
    wizard: ws("wizard"),
    uniqueId: input.uniqueId,
    installedAt: input.installedAt.toISOString(),
    deploymentFingerprintHash: typeof fingerprint === "string" ? fingerprint : fingerprintOf(input.uniqueId),
    deploymentFingerprintVerified: ws("deploymentFingerprintVerified"),
    version: ws("version"),
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
    teams: {
      totalTeams: rooms.teams,
      totalRoomsInsideTeams: rooms.roomsInsideTeams,
      totalDefaultRoomsInsideTeams: rooms.defaultRoomsInsideTeams,
    },
    roomsInsideTeams: rooms.roomsInsideTeams,
    ...section(emptyOmnichannel()),
    totalMessages: messages.channel + messages.privateGroup + messages.discussions + messages.direct + messages.livechat,
    totalChannelMessages: messages.channel,
    totalPrivateGroupMessages: messages.privateGroup,
    totalDiscussionsMessages: messages.discussions,
    totalDirectMessages: messages.direct,
    totalLivechatMessages: messages.livechat,
    ...section(emptyFederation()),
    lastLogin: iso(input.lastLogin),
    lastMessageSentAt: iso(input.lastMessageSentAt),
    lastSeenSubscription: iso(input.lastSeenSubscription),
    os: server.os,
    process: server.process,
    deploy: server.deploy,
    ...section(emptyDeployment()),
    migration: server.migration,
    instanceCount: server.instanceCount,
    msEnabled: server.msEnabled,
    oplogEnabled: server.oplogEnabled,
    mongoVersion: server.mongoVersion,
    mongoStorageEngine: server.mongoStorageEngine,
    uniqueUsersOfYesterday: usersOfYesterday,
    uniqueUsersOfLastWeek: usersOfLastWeek,
    uniqueUsersOfLastMonth: usersOfLastMonth,
    uniqueDevicesOfYesterday: devicesOfYesterday,
    uniqueDevicesOfLastWeek: devicesOfLastWeek,
    uniqueDevicesOfLastMonth: devicesOfLastMonth,
    uniqueOSOfYesterday: osOfYesterday,
    uniqueOSOfLastWeek: osOfLastWeek,
    uniqueOSOfLastMonth: osOfLastMonth,
    ...section(emptyFeatures()),
    ...section(emptyCounters()),
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
