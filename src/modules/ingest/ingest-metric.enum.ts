import { registerEnumType } from "type-graphql";
import { METRIC_ALIASES, STORED_METRICS } from "../../ingest/ingest.metrics.js";

/** The metrics an event may carry: the stored UsageMetric values plus the documented aliases. */
export const IngestMetric = Object.fromEntries([...STORED_METRICS, ...Object.keys(METRIC_ALIASES)].map((name) => [name, name])) as Record<
  string,
  string
>;

registerEnumType(IngestMetric, {
  name: "IngestMetric",
  description:
    "The metric of an ingested event: any stored UsageMetric (AUTOMATION_FACTOR is derived and cannot be ingested). " +
    "Aliases: ACTIVE_USER = ACTIVE_USERS, CONNECTOR_ACTIVATED = CONNECTOR_ACTIVATIONS, AI_COMPLETION = CODE_COMPLETIONS, " +
    "AI_CHAT = CHAT_INTERACTIONS; events are stored and served under the canonical name.",
  valuesConfig: Object.fromEntries(
    Object.entries(METRIC_ALIASES).map(([alias, metric]) => [alias, { description: `Alias of ${metric}.` }]),
  ),
});
