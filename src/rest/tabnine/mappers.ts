import type {
  TabnineUsageSeriesFragment,
  TabnineUserFragment,
  UsageMetric,
  UserFilterInput,
  UserStatus,
} from "../__generated__/operations.js";
import { metricsReportedBy } from "../../usage/usage.metrics.js";
import type { Granularity } from "./schemas.js";

/** GraphQL results → Tabnine JSON (docs/vendors/tabnine.md §3), keys in the documented order. */

export const RESOLUTION_OF: Record<Granularity, "DAY" | "WEEK" | "MONTH"> = {
  all: "MONTH",
  daily: "DAY",
  weekly: "WEEK",
  monthly: "MONTH",
};

/** Tabnine accounts of a team with one of `statuses`. */
const teamAccounts = (...statuses: UserStatus[]): UserFilterInput => ({ vendor: "TABNINE", statuses });

/**
 * A team's users (3.8) and its `usersCount` (3.2): its members with a Tabnine account that signed up,
 * registered or deactivated. Pending invitations are not users yet; 3.9 counts them as `invited`.
 */
export const TEAM_MEMBERS = teamAccounts("REGISTERED", "DEACTIVATED");

/** The filters of 3.9's counts: `registered` + `deactivated` is the team's user list. */
export const TEAM_UTILIZATION = {
  registered: teamAccounts("REGISTERED"),
  deactivated: teamAccounts("DEACTIVATED"),
  invited: teamAccounts("PENDING"),
};

/** Metrics a usage block needs: every metric Tabnine reports. */
export const USAGE_BLOCK_METRICS: UsageMetric[] = metricsReportedBy("TABNINE");

/** The variables of a usage operation for a Tabnine range and granularity: every metric a usage block shows. */
export const usageVariables = (query: { from: Date; to: Date; granularity: Granularity }) => ({
  from: query.from.toISOString(),
  to: query.to.toISOString(),
  resolution: RESOLUTION_OF[query.granularity],
  metrics: USAGE_BLOCK_METRICS,
});

type Values = readonly { metric: UsageMetric; value: number }[];

// Counts are integers in Tabnine's document; sums of ingested values may carry fractions, rounded here.
function usageBlock(from: string, to: string, values: Values) {
  const num = (metric: UsageMetric) => values.find((value) => value.metric === metric)?.value ?? 0;
  const int = (metric: UsageMetric) => Math.round(num(metric));
  return {
    from,
    to,
    activeUsers: int("ACTIVE_USERS"),
    productivityFactor: num("PRODUCTIVITY_FACTOR"),
    codeCompletions: {
      activeUsers: int("COMPLETION_ACTIVE_USERS"),
      completions: int("CODE_COMPLETIONS"),
      charsCompleted: int("COMPLETION_CHARS"),
      keystrokes: int("KEYSTROKES"),
      lines: int("COMPLETION_LINES"),
      automationFactor: num("AUTOMATION_FACTOR"),
    },
    chat: {
      activeUsers: int("CHAT_ACTIVE_USERS"),
      interactions: int("CHAT_INTERACTIONS"),
      usefulChatInteractions: int("USEFUL_CHAT_INTERACTIONS"),
      lines: int("CHAT_LINES"),
      charsCompleted: int("CHAT_CHARS"),
      chatConsumptionRate: num("CHAT_CONSUMPTION_RATE"),
    },
  };
}

/** `usage` of 3.4/3.11/3.13: `all` is one block over the whole range (distinct users over it, not summed). */
export function usageContainer(series: TabnineUsageSeriesFragment, granularity: Granularity, from: Date, to: Date) {
  const data =
    granularity === "all"
      ? [usageBlock(from.toISOString(), to.toISOString(), series.totals)]
      : series.points.map((point) => usageBlock(new Date(point.from).toISOString(), new Date(point.to).toISOString(), point.values));
  return { granularity, data };
}

const isoOrNull = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** A user as Tabnine lists it: its Tabnine account id and role. */
export function tabnineUser(user: TabnineUserFragment) {
  const account = user.identities[0];
  return {
    id: account?.externalId ?? "",
    username: user.username,
    email: user.email,
    role: account?.vendorRole ?? "Member",
    verified: user.verified,
    deactivatedAt: isoOrNull(user.deactivatedAt),
    updatedAt: isoOrNull(user.updatedAt),
  };
}

/** `meta` of a page: `next` only when more items follow. */
export function pageMeta(offset: number, count: number, total: number, limit: number) {
  return offset + count < total && limit > 0 ? { count, total, next: { limit, offset: offset + count } } : { count, total };
}

const unixSeconds = (value: string | null) => (value === null ? undefined : Math.floor(new Date(value).getTime() / 1000));

/** License in the vendor example's key order: exp, seats, seatsCap, audience, features, settings, iat. */
export function tabnineLicense(license: {
  expiresAt: string | null;
  seats: number;
  seatsCap: number | null;
  audience: string | null;
  features: string[];
  settings: Record<string, unknown>;
  issuedAt: string | null;
}) {
  const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
    value === null || value === undefined ? {} : { [key]: value };
  return {
    license: {
      ...optional("exp", unixSeconds(license.expiresAt)),
      seats: license.seats,
      ...optional("seatsCap", license.seatsCap),
      ...optional("audience", license.audience),
      features: license.features,
      settings: license.settings,
      ...optional("iat", unixSeconds(license.issuedAt)),
    },
  };
}
