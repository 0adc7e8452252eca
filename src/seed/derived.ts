import type { Prisma as P } from "../db/generated/client.js";
import {
  buildRocketChatStatistics,
  snapshotRecord,
  type DeviceSessions,
  type OsSessions,
  type RoleSessions,
} from "../statistics/rocketchat-statistics.js";
import {
  compareDeviceSessions,
  compareOsSessions,
  compareRoleSessions,
  rocketChatDeviceType,
  rocketChatRole,
} from "../statistics/rocketchat-sessions.js";
import type { RocketChatDailyTotals } from "./activity.js";
import { ROCKETCHAT_SERVER, ROCKETCHAT_WORKSPACE_SETTINGS } from "./catalog.js";
import { DAY_MS, historyStart, type SeededOrganization } from "./directory.js";
import type { SeedOptions } from "./options.js";
import { Random } from "./random.js";

/** Records derived from an organization's directory and activity: sources, licenses, utilization, snapshots. */
export interface DerivedRecords {
  readonly sources: P.SourceCreateManyInput[];
  readonly licenses: P.LicenseCreateManyInput[];
  readonly utilizations: P.AccountUtilizationCreateManyInput[];
  readonly snapshots: P.WorkspaceStatisticsSnapshotCreateManyInput[];
}

export function deriveRecords(options: SeedOptions, org: SeededOrganization, rc: RocketChatDailyTotals): DerivedRecords {
  const rnd = Random.for(options.seed, "org", org.index, "derived");
  const orgId = org.row.id;
  const humans = org.users.filter((user) => user.row.kind !== "APP").length;
  const rcUniqueId = rnd.meteorId();
  const sources: P.SourceCreateManyInput[] = org.vendors.map((vendor) => ({
    id: rnd.uuid(),
    organizationId: orgId,
    vendor,
    externalId: vendor === "ROCKETCHAT" ? rcUniqueId : vendor === "TABNINE" ? orgId : String(org.row.number),
    // Teamwire chat groups are conversations, not teams: the store only keeps their count.
    settings:
      vendor === "ROCKETCHAT"
        ? ROCKETCHAT_WORKSPACE_SETTINGS
        : vendor === "TEAMWIRE"
          ? { groupsCount: Math.max(1, Math.round(humans / 7)) }
          : {},
    createdAt: org.row.createdAt,
    updatedAt: org.row.createdAt,
  }));
  const seats = Math.ceil((humans * 1.2) / 50) * 50;
  const issuedAt = new Date(historyStart(options) - 30 * DAY_MS);
  const licenses: P.LicenseCreateManyInput[] = org.vendors
    .filter((vendor) => vendor !== "ROCKETCHAT")
    .map((vendor) => ({
      id: rnd.uuid(),
      organizationId: orgId,
      vendor,
      seats,
      seatsCap: vendor === "TABNINE" ? Math.round(seats * 1.1) : null,
      audience: vendor === "TABNINE" ? `${org.row.slug}-prod` : null,
      features: vendor === "TABNINE" ? ["chat", "chat_models", "local_retrieval", "remote_indexing"] : [],
      settings: vendor === "TABNINE" ? { chatModel: { type: "Private" } } : {},
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + 3 * 365 * DAY_MS),
    }));
  return {
    sources,
    licenses,
    utilizations: org.vendors.includes("TABNINE") ? tabnineUtilization(options, org) : [],
    snapshots: org.vendors.includes("ROCKETCHAT") ? rocketChatSnapshots(options, org, rc, rcUniqueId) : [],
  };
}

/** Month-end Tabnine account counts for every month the history touches. */
function tabnineUtilization(options: SeedOptions, org: SeededOrganization): P.AccountUtilizationCreateManyInput[] {
  const start = historyStart(options);
  const end = start + options.days * DAY_MS;
  const members = org.users.filter((user) => user.row.kind !== "APP" && user.vendors.includes("TABNINE"));
  const rows: P.AccountUtilizationCreateManyInput[] = [];
  const first = new Date(start);
  for (
    let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
    m.getTime() < end;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  ) {
    const monthEnd = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
    const firstDay = Math.floor((m.getTime() - start) / DAY_MS);
    const lastDay = Math.floor((monthEnd - start) / DAY_MS);
    let registered = 0,
      deactivated = 0,
      active = 0,
      pending = 0;
    for (const { row, activeDays } of members) {
      if (row.createdAt.getTime() >= monthEnd) continue;
      const deactivatedAt = row.deactivatedAt ? new Date(row.deactivatedAt).getTime() : undefined;
      if (row.status === "PENDING") pending++;
      else if (deactivatedAt !== undefined && deactivatedAt < monthEnd) deactivated++;
      else registered++;
      if ((activeDays.get("TABNINE") ?? []).some((day) => day >= firstDay && day < lastDay)) active++;
    }
    rows.push({ organizationId: org.row.id, vendor: "TABNINE", month: m, registered, deactivated, active, pending });
  }
  return rows;
}

type DailySessions = RocketChatDailyTotals["sessions"];

/** Sessions and seconds per key (its first `parts` fields, from `from`) in the `length` days ending with `lastDay`. */
function sessionsInWindow(totals: DailySessions, lastDay: number, length: number, from: number, parts: number) {
  const sums = new Map<string, { count: number; seconds: number }>();
  for (let day = lastDay - length + 1; day <= lastDay; day++) {
    for (const [key, value] of totals.get(day) ?? []) {
      const group = key
        .split("|")
        .slice(from, from + parts)
        .join("|");
      const sum = sums.get(group) ?? { count: 0, seconds: 0 };
      sums.set(group, { count: sum.count + value.count, seconds: sum.seconds + value.seconds });
    }
  }
  return [...sums].map(([key, value]) => ({ key: key.split("|"), count: value.count, time: value.seconds }));
}

/** Whether a sorted list of days holds one in [first, last]. */
function anyDayIn(days: readonly number[], first: number, last: number): boolean {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (days[mid]! < first) low = mid + 1;
    else high = mid;
  }
  return low < days.length && days[low]! <= last;
}

/** The session windows (1, 7, 30 days) ending with `lastDay`, as the live statistics compute them from the store. */
function sessionWindowsOf(rc: RocketChatDailyTotals, org: SeededOrganization, lastDay: number) {
  const rcUsers = org.users.map((user) => ({
    role: rocketChatRole({ role: user.row.role ?? "MEMBER", kind: user.row.kind ?? "HUMAN" }),
    days: user.activeDays.get("ROCKETCHAT") ?? [],
  }));
  const windows = <T>(of: (length: number) => T[]) => ({ yesterday: of(1), lastWeek: of(7), lastMonth: of(30) });
  return {
    sessionsByOs: windows<OsSessions>((length) =>
      sessionsInWindow(rc.sessions, lastDay, length, 0, 2)
        .map(({ key: [name = "", version = ""], count, time }) => ({ name, version, count, time }))
        .sort(compareOsSessions),
    ),
    sessionsByDevice: windows<DeviceSessions>((length) =>
      sessionsInWindow(rc.sessions, lastDay, length, 2, 2)
        .map(({ key: [name = "", version = ""], count, time }) => ({ type: rocketChatDeviceType(name), name, version, count, time }))
        .sort(compareDeviceSessions),
    ),
    sessionsByRole: windows<RoleSessions>((length) =>
      sessionsInWindow(rc.roleSessions, lastDay, length, 0, 1)
        .map(({ key: [role = ""], count: sessions, time }) => ({
          role,
          count: rcUsers.filter((user) => user.role === role && anyDayIn(user.days, lastDay - length + 1, lastDay)).length,
          sessions,
          time,
        }))
        .sort(compareRoleSessions),
    ),
  };
}

/** Daily workspace statistics snapshots (taken 00:10 UTC) for the last `snapshotDays` days. */
function rocketChatSnapshots(
  options: SeedOptions,
  org: SeededOrganization,
  rc: RocketChatDailyTotals,
  uniqueId: string,
): P.WorkspaceStatisticsSnapshotCreateManyInput[] {
  const rnd = Random.for(options.seed, "org", org.index, "snapshots");
  const start = historyStart(options);
  const cumulative = { channel: 0, privateGroup: 0, direct: 0, livechat: 0 };
  const snapshots: P.WorkspaceStatisticsSnapshotCreateManyInput[] = [];
  const firstSnapshotDay = Math.max(1, options.days - options.snapshotDays + 1);
  let lastMessageDay: number | null = null;
  for (let day = 0; day <= options.days; day++) {
    const sent = rc.messages.get(day - 1);
    if (sent) {
      cumulative.channel += sent.CHANNEL ?? 0;
      cumulative.privateGroup += sent.PRIVATE_GROUP ?? 0;
      cumulative.direct += sent.DIRECT ?? 0;
      cumulative.livechat += sent.LIVECHAT ?? 0;
      lastMessageDay = day - 1;
    }
    if (day < firstSnapshotDay) continue;
    const takenAt = new Date(start + day * DAY_MS + 10 * 60_000);
    const members = org.users.filter((user) => user.row.createdAt.getTime() <= takenAt.getTime());
    const deactivated = members.filter((user) => user.row.deactivatedAt && new Date(user.row.deactivatedAt).getTime() <= takenAt.getTime());
    const enabled = members.filter((user) => !deactivated.includes(user));
    const presence = (value: string) => enabled.filter((user) => user.row.presence === value).length;
    const languages: Record<string, number> = {};
    for (const user of members) languages[user.row.locale ?? "none"] = (languages[user.row.locale ?? "none"] ?? 0) + 1;
    const lastSeen = lastMessageDay === null ? null : new Date(start + lastMessageDay * DAY_MS + 17 * 3_600_000);
    const payload = buildRocketChatStatistics({
      id: rnd.meteorId(),
      uniqueId,
      installedAt: new Date(org.row.createdAt),
      takenAt,
      users: {
        total: members.length,
        active: enabled.filter((user) => user.row.kind !== "APP").length,
        activeGuests: enabled.filter((user) => user.row.kind === "GUEST").length,
        nonActive: deactivated.length,
        app: members.filter((user) => user.row.kind === "APP").length,
        online: presence("ONLINE"),
        away: presence("AWAY"),
        busy: presence("BUSY"),
        offline: enabled.length - presence("ONLINE") - presence("AWAY") - presence("BUSY"),
        languages,
      },
      rooms: {
        channels: Math.round(members.length * 0.4),
        privateGroups: Math.round(members.length * 0.9),
        direct: Math.round(members.length * 1.3),
        livechat: Math.round(cumulative.livechat / 4),
        discussions: Math.round(members.length * 0.45),
        threads: Math.round((cumulative.channel + cumulative.privateGroup) / 40),
        teams: Math.max(1, Math.round(members.length / 10)),
        roomsInsideTeams: Math.max(1, Math.round(members.length / 10)) * 3,
        defaultRoomsInsideTeams: Math.max(1, Math.round(members.length / 10)),
      },
      messages: { ...cumulative, discussions: 0 },
      lastLogin: lastSeen,
      lastMessageSentAt: lastSeen,
      lastSeenSubscription: lastSeen,
      referenceDay: new Date(start + (day - 1) * DAY_MS),
      ...sessionWindowsOf(rc, org, day - 1),
      server: ROCKETCHAT_SERVER,
      workspace: ROCKETCHAT_WORKSPACE_SETTINGS,
    });
    snapshots.push(snapshotRecord(payload, org.row.id, takenAt));
  }
  return snapshots;
}
