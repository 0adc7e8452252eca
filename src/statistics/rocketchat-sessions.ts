import type { Prisma } from "../db/database.js";
import type { DeviceSessions, OsSessions, RoleSessions, SessionWindows } from "./rocketchat-statistics.js";

const DAY_MS = 86_400_000;
const WINDOWS = { yesterday: 1, lastWeek: 7, lastMonth: 30 } as const;

/** Rocket.Chat's most important role of a user: app and guest accounts by kind, admins, everyone else a user. */
export function rocketChatRole(user: { readonly role: string; readonly kind: string }): string {
  if (user.kind === "APP") return "app";
  if (user.kind === "GUEST") return "guest";
  return user.role === "ADMIN" || user.role === "SUPERADMIN" ? "admin" : "user";
}

/** Rocket.Chat's device type of a client: its desktop and mobile apps by name, anything else a browser (inferred). */
export function rocketChatDeviceType(client: string): string {
  if (/desktop/i.test(client)) return "desktop-app";
  return /mobile/i.test(client) ? "mobile-app" : "browser";
}

// A session is a user-day with Rocket.Chat session time, on the user's first Rocket.Chat device. One
// statement: per window, the sessions by OS, by client and by role (rocketChatRole, as SQL).
const SESSIONS_SQL = `
WITH device AS (
  SELECT DISTINCT ON (d."userId") d."userId", d."os", d."osVersion", d."client", d."clientVersion" FROM "Device" d
  WHERE d."organizationId" = $1::uuid AND d."vendor" = 'ROCKETCHAT'
  ORDER BY d."userId", d."firstSeenAt", d."id"),
sessions AS (
  SELECT r."scopeId", r."bucketStart", r."value" FROM "UsageRollup" r
  WHERE r."organizationId" = $1::uuid AND r."grain" = 'DAY' AND r."scope" = 'USER' AND r."metric" = 'SESSION_SECONDS'
    AND r."vendor" = 'ROCKETCHAT' AND r."roomType" = 'NONE' AND r."bucketStart" >= $2::timestamptz AND r."bucketStart" < $3::timestamptz),
windowed AS (
  SELECT w.days, s."scopeId", s."value", device."os", device."osVersion", device."client", device."clientVersion",
    CASE WHEN u."kind" = 'APP' THEN 'app' WHEN u."kind" = 'GUEST' THEN 'guest'
      WHEN u."role" IN ('ADMIN', 'SUPERADMIN') THEN 'admin' ELSE 'user' END AS role
  FROM sessions s CROSS JOIN (VALUES (1), (7), (30)) AS w(days)
  LEFT JOIN device ON device."userId" = s."scopeId"
  LEFT JOIN "User" u ON u."organizationId" = $1::uuid AND u."id" = s."scopeId"
  WHERE s."bucketStart" >= $3::timestamptz - w.days * interval '24 hours')
SELECT days::int AS days, grouping("os", "osVersion")::int AS "byOs", grouping("client", "clientVersion")::int AS "byClient",
  "os", "osVersion", "client", "clientVersion", role,
  count(*)::int AS sessions, count(DISTINCT "scopeId")::int AS users, sum("value")::float8 AS time
FROM windowed
GROUP BY GROUPING SETS ((days, "os", "osVersion"), (days, "client", "clientVersion"), (days, role))`;

interface Row {
  days: number;
  byOs: number;
  byClient: number;
  os: string | null;
  osVersion: string | null;
  client: string | null;
  clientVersion: string | null;
  role: string | null;
  sessions: number;
  users: number;
  time: number;
}

/** Window order by OS and by client: most sessions first, then by name (the documented example's order). */
export const compareOsSessions = (a: OsSessions, b: OsSessions) =>
  b.count - a.count || a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
export const compareDeviceSessions = (a: DeviceSessions, b: DeviceSessions) => compareOsSessions(a, b) || a.type.localeCompare(b.type);
/** Window order by role, Rocket.Chat's: most time first. */
export const compareRoleSessions = (a: RoleSessions, b: RoleSessions) => b.time - a.time || a.role.localeCompare(b.role);

const windows = <T>(rows: Row[], item: (row: Row) => T | null, order: (a: T, b: T) => number): SessionWindows<T> => {
  const of = (days: number) =>
    rows
      .filter((row) => row.days === days)
      .flatMap((row) => item(row) ?? [])
      .sort(order);
  return { yesterday: of(WINDOWS.yesterday), lastWeek: of(WINDOWS.lastWeek), lastMonth: of(WINDOWS.lastMonth) };
};

/**
 * Rocket.Chat sessions of an organization in the windows ending with `referenceDay` (UTC): by OS and by
 * client (users without a Rocket.Chat device count in neither), and by role, with distinct users.
 * Times are whole seconds. One SQL statement.
 */
export async function rocketChatSessions(prisma: Prisma, organizationId: string, referenceDay: Date) {
  const end = new Date(referenceDay.getTime() + DAY_MS);
  const rows = await prisma.$queryRawUnsafe<Row[]>(SESSIONS_SQL, organizationId, new Date(end.getTime() - 30 * DAY_MS), end);
  const time = (row: Row) => Math.round(row.time);
  const byOs = windows<OsSessions>(
    rows,
    (row) =>
      row.byOs === 0 && row.os !== null ? { name: row.os, version: row.osVersion ?? "", count: row.sessions, time: time(row) } : null,
    compareOsSessions,
  );
  const byDevice = windows<DeviceSessions>(
    rows,
    (row) =>
      row.byClient === 0 && row.client !== null
        ? {
            type: rocketChatDeviceType(row.client),
            name: row.client,
            version: row.clientVersion ?? "",
            count: row.sessions,
            time: time(row),
          }
        : null,
    compareDeviceSessions,
  );
  const byRole = windows<RoleSessions>(
    rows,
    (row) =>
      row.byOs !== 0 && row.byClient !== 0 && row.role !== null
        ? { role: row.role, count: row.users, sessions: row.sessions, time: time(row) }
        : null,
    compareRoleSessions,
  );
  return { byOs, byDevice, byRole };
}
