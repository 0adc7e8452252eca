import { WHOLE_VALUES, completeWith } from "./rocketchat-statistics-defaults.js";
import { buildRocketChatStatistics } from "./rocketchat-statistics.js";
import { unrecordedServer } from "./rocketchat-statistics-server.js";

const DAY_MS = 86_400_000;

// IStats declares them optional: a snapshot that did not record them is not given any.
const OPTIONAL = ["installedAt", "version"] as const;

const NO_SESSIONS = { yesterday: [], lastWeek: [], lastMonth: [] } as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The reference day of the snapshot's session windows: that of its OS windows, else the day before it was taken. */
function referenceDayOf(stored: Record<string, unknown>, takenAt: Date): Date {
  const window = stored.uniqueOSOfYesterday;
  if (isObject(window) && [window.year, window.month, window.day].every(Number.isInteger)) {
    return new Date(Date.UTC(window.year as number, (window.month as number) - 1, window.day as number));
  }
  return new Date(Math.floor(takenAt.getTime() / DAY_MS) * DAY_MS - DAY_MS);
}

/**
 * A stored Rocket.Chat statistics object with every required field of `IStats` (docs/vendors/rocketchat.md
 * "Statistics (IStats)"): what it stored comes first, in its key order and with its values; each stored
 * object is completed the same way (`teams`, `enterprise`, `os`, ...); the fields it lacks follow, in the
 * order of a statistics object the gateway builds, with the values of an empty workspace and of a server
 * that recorded nothing. `_id`, `createdAt` and `_updatedAt` default to the snapshot row's id and time.
 * Pure; a complete object comes back unchanged.
 */
export function completeRocketChatStatistics(
  stored: Record<string, unknown>,
  snapshot: { readonly id: string; readonly takenAt: Date },
): Record<string, unknown> {
  const zero = { total: 0, active: 0, activeGuests: 0, nonActive: 0, app: 0, online: 0, away: 0, busy: 0, offline: 0 };
  const template = buildRocketChatStatistics({
    id: snapshot.id,
    uniqueId: typeof stored.uniqueId === "string" ? stored.uniqueId : "",
    installedAt: snapshot.takenAt,
    takenAt: snapshot.takenAt,
    users: { ...zero, languages: {} },
    rooms: {
      channels: 0,
      privateGroups: 0,
      direct: 0,
      livechat: 0,
      discussions: 0,
      threads: 0,
      teams: 0,
      roomsInsideTeams: 0,
      defaultRoomsInsideTeams: 0,
    },
    messages: { channel: 0, privateGroup: 0, discussions: 0, direct: 0, livechat: 0 },
    lastLogin: null,
    lastMessageSentAt: null,
    lastSeenSubscription: null,
    referenceDay: referenceDayOf(stored, snapshot.takenAt),
    sessionsByOs: NO_SESSIONS,
    sessionsByDevice: NO_SESSIONS,
    sessionsByRole: NO_SESSIONS,
    server: unrecordedServer(),
    workspace: {},
  });
  for (const key of OPTIONAL) delete template[key];
  return completeWith(stored, template, WHOLE_VALUES) as Record<string, unknown>;
}
