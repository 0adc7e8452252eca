import type { RoomType, UsageMetric, Vendor } from "../db/generated/enums.js";
import { rocketChatRole } from "../statistics/rocketchat-sessions.js";
import { DAY_MS, historyStart, type SeededOrganization } from "./directory.js";
import type { SeedOptions } from "./options.js";
import { Random } from "./random.js";

/** One usage event as written to `UsageEvent`. */
export interface SeedEvent {
  readonly organizationId: string;
  readonly vendor: Vendor;
  readonly metric: UsageMetric;
  readonly roomType: RoomType;
  readonly userId: string | null;
  readonly teamId: string | null;
  readonly occurredAt: Date;
  readonly value: number;
  readonly idempotencyKey: string;
}

/** Daily Rocket.Chat totals the statistics snapshots are built from. */
export interface RocketChatDailyTotals {
  /** messages[day][roomType] */
  readonly messages: Map<number, Partial<Record<RoomType, number>>>;
  /** sessions[day]["os|osVersion|client|clientVersion"] = { count, seconds }, on the user's Rocket.Chat device */
  readonly sessions: Map<number, Map<string, { count: number; seconds: number }>>;
  /** roleSessions[day][Rocket.Chat role] = { count, seconds }, of every Rocket.Chat session */
  readonly roleSessions: Map<number, Map<string, { count: number; seconds: number }>>;
}

const ROOM_TYPES = ["CHANNEL", "PRIVATE_GROUP", "DIRECT"] as const;

function addSession(totals: RocketChatDailyTotals["sessions"], day: number, key: string, seconds: number): void {
  const bucket = totals.get(day) ?? new Map<string, { count: number; seconds: number }>();
  const entry = bucket.get(key) ?? { count: 0, seconds: 0 };
  bucket.set(key, { count: entry.count + 1, seconds: entry.seconds + seconds });
  totals.set(day, bucket);
}

export function emptyRocketChatTotals(): RocketChatDailyTotals {
  return { messages: new Map(), sessions: new Map(), roleSessions: new Map() };
}

/**
 * Yields every usage event of one organization, user by user, deterministically, and adds the
 * Rocket.Chat daily totals to `rc` as it goes. Per active
 * user-day: Teamwire messages and activity, Rocket.Chat sessions and messages by room type,
 * Tabnine completions and chat; connector activations on each Teamwire device's first day;
 * and per day the organization's Tabnine ratios (productivity, chat consumption).
 */
export function* generateActivity(
  options: SeedOptions,
  org: SeededOrganization,
  rc: RocketChatDailyTotals = emptyRocketChatTotals(),
): Generator<SeedEvent> {
  const start = historyStart(options);
  const orgId = org.row.id;
  let batch: SeedEvent[] = [];
  const emit = (event: SeedEvent) => void batch.push(event);
  const tabnineDays = new Set<number>();
  const devicesByUser = new Map<string, SeededOrganization["devices"]>();
  for (const device of org.devices) {
    devicesByUser.set(device.userId, [...(devicesByUser.get(device.userId) ?? []), device]);
  }

  for (const user of org.users) {
    const rnd = Random.for(options.seed, "org", org.index, "activity", user.index);
    const userId = user.row.id;
    const teamId = user.row.teamId ?? null;
    const base = (vendor: Vendor, day: number, hour: number, minute: number) => {
      const occurredAt = new Date(start + day * DAY_MS + hour * 3_600_000 + minute * 60_000);
      return (metric: UsageMetric, value: number, roomType: RoomType = "NONE") =>
        emit({
          organizationId: orgId,
          vendor,
          metric,
          roomType,
          userId,
          teamId,
          occurredAt,
          value,
          idempotencyKey: `seed:${org.row.slug}:${user.index}:${vendor}:${day}:${metric}:${roomType}`,
        });
    };

    for (const [vendor, days] of user.activeDays) {
      const rcDevice = devicesByUser.get(userId)?.find((device) => device.vendor === "ROCKETCHAT");
      for (const day of days) {
        const event = base(vendor, day, rnd.int(7, 17), rnd.int(0, 59));
        const volume = user.intensity * (0.5 + rnd.float());
        if (vendor === "TEAMWIRE") {
          event("MESSAGES_SENT", 1 + Math.round(volume * 30));
          event("ACTIVE_USERS", 1);
        } else if (vendor === "ROCKETCHAT") {
          const seconds = 600 + Math.round(volume * 20_000);
          event("ACTIVE_USERS", 1);
          event("SESSION_SECONDS", seconds);
          const dayMessages = rc.messages.get(day) ?? {};
          for (const roomType of ROOM_TYPES) {
            if (!rnd.chance(0.55)) continue;
            const count = 1 + Math.round(volume * 25);
            event("MESSAGES_SENT", count, roomType);
            dayMessages[roomType] = (dayMessages[roomType] ?? 0) + count;
          }
          if (user.index % 20 === 3 && rnd.chance(0.6)) {
            const count = 1 + Math.round(volume * 12);
            event("MESSAGES_SENT", count, "LIVECHAT");
            dayMessages.LIVECHAT = (dayMessages.LIVECHAT ?? 0) + count;
          }
          rc.messages.set(day, dayMessages);
          addSession(rc.roleSessions, day, rocketChatRole({ role: user.row.role ?? "MEMBER", kind: user.row.kind ?? "HUMAN" }), seconds);
          if (rcDevice) {
            const key = `${rcDevice.os}|${rcDevice.osVersion}|${rcDevice.client}|${rcDevice.clientVersion}`;
            addSession(rc.sessions, day, key, seconds);
          }
        } else {
          tabnineDays.add(day);
          const completions = 5 + Math.round(volume * 90);
          const chars = Math.round(completions * (22 + rnd.float() * 10));
          event("ACTIVE_USERS", 1);
          event("COMPLETION_ACTIVE_USERS", 1);
          event("CODE_COMPLETIONS", completions);
          event("COMPLETION_CHARS", chars);
          event("KEYSTROKES", Math.round(chars * (2.2 + rnd.float() * 1.4)));
          event("COMPLETION_LINES", Math.round(completions * 0.85));
          if (rnd.chance(0.45)) {
            const interactions = 1 + Math.round(volume * 12);
            event("CHAT_ACTIVE_USERS", 1);
            event("CHAT_INTERACTIONS", interactions);
            event("USEFUL_CHAT_INTERACTIONS", Math.round(interactions * (0.5 + rnd.float() * 0.3)));
            event("CHAT_LINES", interactions * 4);
            event("CHAT_CHARS", interactions * (100 + rnd.int(0, 60)));
          }
        }
      }
    }

    for (const device of devicesByUser.get(userId) ?? []) {
      const day = Math.floor((new Date(device.firstSeenAt).getTime() - start) / DAY_MS);
      if (device.vendor !== "TEAMWIRE" || day < 0 || day >= options.days) continue;
      emit({
        organizationId: orgId,
        vendor: "TEAMWIRE",
        metric: "CONNECTOR_ACTIVATIONS",
        roomType: "NONE",
        userId,
        teamId,
        occurredAt: new Date(device.firstSeenAt),
        value: 1,
        idempotencyKey: `seed:${org.row.slug}:device:${device.id}:CONNECTOR_ACTIVATIONS`,
      });
    }
    yield* batch;
    batch = [];
  }

  const ratios = Random.for(options.seed, "org", org.index, "tabnine-ratios");
  for (const day of [...tabnineDays].sort((a, b) => a - b)) {
    const occurredAt = new Date(start + day * DAY_MS + 23 * 3_600_000);
    const orgEvent = (metric: UsageMetric, value: number) =>
      emit({
        organizationId: orgId,
        vendor: "TABNINE",
        metric,
        roomType: "NONE",
        userId: null,
        teamId: null,
        occurredAt,
        value,
        idempotencyKey: `seed:${org.row.slug}:org:${day}:${metric}`,
      });
    orgEvent("PRODUCTIVITY_FACTOR", Math.round((0.15 + ratios.float() * 0.2) * 100) / 100);
    orgEvent("CHAT_CONSUMPTION_RATE", Math.round((0.5 + ratios.float() * 0.25) * 100) / 100);
  }
  yield* batch;
}
