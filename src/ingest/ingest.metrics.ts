import type { RoomType, UsageMetric, Vendor } from "../db/generated/enums.js";
import { METRIC_KIND, METRIC_VENDORS, USAGE_METRICS } from "../usage/usage.metrics.js";

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
