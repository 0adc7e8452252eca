import type { RoomType, UsageMetric, Vendor } from "../db/generated/enums.js";
import { METRIC_KIND, METRIC_VENDORS, USAGE_METRICS, type MetricKind } from "../usage/usage.metrics.js";

/**
 * Names the ingestion issue used for some stored metrics, accepted as documented aliases.
 * Events are stored (and served) under the canonical name.
 */
export const METRIC_ALIASES: Readonly<Record<string, UsageMetric>> = Object.freeze({
  ACTIVE_USER: "ACTIVE_USERS",
  CONNECTOR_ACTIVATED: "CONNECTOR_ACTIVATIONS",
  AI_COMPLETION: "CODE_COMPLETIONS",
  AI_CHAT: "CHAT_INTERACTIONS",
});

/** Metrics an event may carry: every stored metric (derived ones such as AUTOMATION_FACTOR are computed, never ingested). */
export const STORED_METRICS: readonly UsageMetric[] = USAGE_METRICS.filter((metric) => METRIC_KIND[metric] !== "DERIVED") as UsageMetric[];

const STORED = new Set<string>(STORED_METRICS);

/** The canonical stored metric for a name or alias, or a reason it cannot be ingested. */
export function resolveMetric(name: string): { metric: UsageMetric } | { reason: string } {
  if (STORED.has(name)) return { metric: name as UsageMetric };
  const alias = METRIC_ALIASES[name];
  if (alias) return { metric: alias };
  if (name in METRIC_KIND) {
    return {
      reason: `${name} is derived from other metrics and cannot be ingested (AUTOMATION_FACTOR: send COMPLETION_CHARS and KEYSTROKES)`,
    };
  }
  return { reason: `unknown metric; one of ${STORED_METRICS.join(", ")} (aliases: ${Object.keys(METRIC_ALIASES).join(", ")})` };
}

/** Why a (metric, vendor, roomType, user) combination cannot be stored, or undefined when it can. */
export function metricProblem(
  metric: UsageMetric,
  vendor: Vendor,
  roomType: RoomType,
  hasUser: boolean,
): { field: string; reason: string } | undefined {
  const vendors = METRIC_VENDORS[metric];
  if (!vendors.includes(vendor)) return { field: "vendor", reason: `${metric} is reported by ${vendors.join(", ")} only` };
  if (roomType !== "NONE" && metric !== "MESSAGES_SENT") return { field: "roomType", reason: "roomType applies to MESSAGES_SENT only" };
  if (METRIC_KIND[metric] === "DISTINCT" && !hasUser) {
    return { field: "userId", reason: `${metric} counts distinct users: the event needs userId or identity` };
  }
  return undefined;
}

/**
 * The largest value one event may carry, by how its metric aggregates: counts and sums up to a
 * trillion (a day of a large organization fits; sums over any range stay far below overflow),
 * ratios up to a million. Distinct-user events count users and are never summed.
 */
export const MAX_EVENT_VALUE: Readonly<Record<Exclude<MetricKind, "DERIVED">, number>> = {
  SUM: 1e12,
  DISTINCT: 1e12,
  RATIO: 1e6,
};

/** Why `value` cannot be stored for `metric`, or undefined when it can (it is already finite and ≥ 0). */
export function valueProblem(metric: UsageMetric, value: number): string | undefined {
  const kind = METRIC_KIND[metric] as Exclude<MetricKind, "DERIVED">;
  const max = MAX_EVENT_VALUE[kind];
  if (value > max) return `must be at most ${max.toExponential()} for ${metric}`;
  if (kind === "DISTINCT" && value <= 0) return `${metric} counts distinct users: the value must be positive`;
  return undefined;
}
