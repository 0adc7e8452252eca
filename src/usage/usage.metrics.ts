import type { UsageMetric as StoredMetric, Vendor } from "../db/generated/enums.js";
import { VENDOR_REGISTRY, VENDORS } from "../vendors/registry.js";

/** Metrics the API serves: every stored metric plus AUTOMATION_FACTOR, derived per bucket. */
export type UsageMetricName = StoredMetric | "AUTOMATION_FACTOR";

export const USAGE_METRICS: readonly UsageMetricName[] = [
  "MESSAGES_SENT",
  "CONNECTOR_ACTIVATIONS",
  "ACTIVE_USERS",
  "SESSION_SECONDS",
  "COMPLETION_ACTIVE_USERS",
  "CODE_COMPLETIONS",
  "COMPLETION_CHARS",
  "KEYSTROKES",
  "COMPLETION_LINES",
  "AUTOMATION_FACTOR",
  "CHAT_ACTIVE_USERS",
  "CHAT_INTERACTIONS",
  "USEFUL_CHAT_INTERACTIONS",
  "CHAT_LINES",
  "CHAT_CHARS",
  "CHAT_CONSUMPTION_RATE",
  "PRODUCTIVITY_FACTOR",
];

/**
 * How a metric aggregates over a bucket:
 * - SUM: the sum of event values;
 * - DISTINCT: the number of distinct users with an event (never a sum of smaller buckets);
 * - RATIO: organization-level daily ratios, averaged weighted by the day's Tabnine active users;
 * - DERIVED: computed from other metrics (AUTOMATION_FACTOR = chars / (chars + keystrokes)).
 */
export type MetricKind = "SUM" | "DISTINCT" | "RATIO" | "DERIVED";

export const METRIC_KIND: Record<UsageMetricName, MetricKind> = {
  MESSAGES_SENT: "SUM",
  CONNECTOR_ACTIVATIONS: "SUM",
  SESSION_SECONDS: "SUM",
  CODE_COMPLETIONS: "SUM",
  COMPLETION_CHARS: "SUM",
  KEYSTROKES: "SUM",
  COMPLETION_LINES: "SUM",
  CHAT_INTERACTIONS: "SUM",
  USEFUL_CHAT_INTERACTIONS: "SUM",
  CHAT_LINES: "SUM",
  CHAT_CHARS: "SUM",
  ACTIVE_USERS: "DISTINCT",
  COMPLETION_ACTIVE_USERS: "DISTINCT",
  CHAT_ACTIVE_USERS: "DISTINCT",
  CHAT_CONSUMPTION_RATE: "RATIO",
  PRODUCTIVITY_FACTOR: "RATIO",
  AUTOMATION_FACTOR: "DERIVED",
};

/** The stored metrics a derived metric is computed from. */
export const DERIVED_FROM: Record<Exclude<UsageMetricName, StoredMetric>, readonly StoredMetric[]> = {
  AUTOMATION_FACTOR: ["COMPLETION_CHARS", "KEYSTROKES"],
};

/** The vendors reporting every stored metric the metric is (or is computed from), in registry order. */
function vendorsReporting(metric: UsageMetricName): readonly Vendor[] {
  const inputs = metric in DERIVED_FROM ? DERIVED_FROM[metric as keyof typeof DERIVED_FROM] : [metric as StoredMetric];
  return VENDORS.filter((vendor) => inputs.every((input) => VENDOR_REGISTRY[vendor].metrics.includes(input)));
}

/** The vendors that report each metric (from the registry; docs/vendors/vendors.md §4.5). */
export const METRIC_VENDORS: Readonly<Record<UsageMetricName, readonly Vendor[]>> = Object.freeze(
  Object.fromEntries(USAGE_METRICS.map((metric) => [metric, vendorsReporting(metric)])) as Record<UsageMetricName, readonly Vendor[]>,
);

/** Every metric the vendor reports (derived ones included), in catalog order. */
export function metricsReportedBy(vendor: Vendor): UsageMetricName[] {
  return USAGE_METRICS.filter((metric) => METRIC_VENDORS[metric].includes(vendor));
}

/** The (metric, vendor) pairs a series reports, in a stable order: metric order, then registry order. */
export function seriesPairs(metrics: readonly UsageMetricName[], vendors: readonly Vendor[]): [UsageMetricName, Vendor][] {
  const wanted = new Set(metrics);
  return USAGE_METRICS.filter((metric) => wanted.has(metric)).flatMap((metric) =>
    METRIC_VENDORS[metric].filter((vendor) => vendors.includes(vendor)).map((vendor) => [metric, vendor] as [UsageMetricName, Vendor]),
  );
}
