import { registerEnumType } from "type-graphql";
import { Presence, Role, RoomType, UserKind, UserStatus, Vendor } from "../../db/generated/enums.js";
import { TeamOrder } from "../../loaders/index.js";
import { DeviceDiscriminator } from "../../statistics/device-stats.service.js";
import { USAGE_METRICS, type UsageMetricName } from "../../usage/usage.metrics.js";

// Enums come from the Prisma schema (one definition) and are registered once, here.

registerEnumType(Vendor, { name: "Vendor", description: "A tool whose usage the gateway holds." });
registerEnumType(Role, {
  name: "Role",
  description: "Gateway role: SUPERADMIN sees every organization, ADMIN its own, TEAM_ADMIN its team, MEMBER itself.",
});
registerEnumType(UserStatus, {
  name: "UserStatus",
  description: "Account state: REGISTERED (active account), PENDING (invited, never used), DEACTIVATED.",
});
registerEnumType(Presence, { name: "Presence", description: "Chat presence at the last sync (Rocket.Chat)." });
registerEnumType(UserKind, { name: "UserKind", description: "HUMAN, APP (bot) or GUEST account." });
registerEnumType(RoomType, {
  name: "RoomType",
  description: "Rocket.Chat room type of MESSAGES_SENT (CHANNEL, PRIVATE_GROUP, DIRECT, LIVECHAT); NONE for every other metric.",
});

export const Resolution = { HOUR: "HOUR", DAY: "DAY", WEEK: "WEEK", MONTH: "MONTH" } as const;
export type Resolution = (typeof Resolution)[keyof typeof Resolution];
registerEnumType(Resolution, {
  name: "Resolution",
  description: "Bucket size of a usage series. Buckets are UTC; WEEK starts on Monday (ISO), MONTH on the 1st.",
});

export const UsageMetric = Object.fromEntries(USAGE_METRICS.map((metric) => [metric, metric])) as { [K in UsageMetricName]: K };
registerEnumType(UsageMetric, {
  name: "UsageMetric",
  description:
    "A usage metric. *_ACTIVE_USERS count distinct users (never summed across buckets or vendors); " +
    "PRODUCTIVITY_FACTOR and CHAT_CONSUMPTION_RATE are activity-weighted ratios; AUTOMATION_FACTOR = " +
    "COMPLETION_CHARS / (COMPLETION_CHARS + KEYSTROKES); the rest are sums.",
});

registerEnumType(DeviceDiscriminator, {
  name: "DeviceDiscriminator",
  description: "How device statistics are grouped: by OS, by client, by (client, OS, managed), or by locale.",
});

registerEnumType(TeamOrder, {
  name: "TeamOrder",
  description: "Order of a team list, then by id.",
  valuesConfig: {
    NAME: { description: "By name." },
    CREATED: { description: "In creation order, oldest first (the order Tabnine lists teams in)." },
  },
});

export { DeviceDiscriminator, Presence, Role, RoomType, TeamOrder, UserKind, UserStatus, Vendor };
