import type { ConsoleSeriesFragment, ConsoleValueFragment, UsageMetric, Vendor } from "./__generated__/operations.js";
import type { ChartCategory, ChartSeries } from "./components/chart-panel.js";
import type { ExportRequest } from "./download.js";
import { METRIC_LABELS, VENDORS, formatNumber, vendorName } from "./format.js";
import { bucketLabel, type Range } from "./range.js";

/** The usage charts of the overview and the team view: which metrics each draws, one line per vendor. */
export const USAGE_CHARTS: readonly { id: string; title: string; metrics: readonly UsageMetric[]; description?: string }[] = [
  { id: "usage-active-users", title: "Active users", metrics: ["ACTIVE_USERS"], description: "Distinct users per bucket and vendor." },
  { id: "usage-messages", title: "Messages sent", metrics: ["MESSAGES_SENT"] },
  { id: "usage-ai", title: "Tabnine AI use", metrics: ["CODE_COMPLETIONS", "CHAT_INTERACTIONS"] },
];
export const USAGE_CHART_METRICS = [...new Set(USAGE_CHARTS.flatMap((chart) => chart.metrics))];

const valueKey = (value: Pick<ConsoleValueFragment, "vendor" | "metric">) => `${value.vendor}:${value.metric}`;

/** The (vendor, metric) pairs a series reports, in vendor then metric order. */
function pairs(usage: ConsoleSeriesFragment, metrics: readonly UsageMetric[], vendor?: Vendor): { vendor: Vendor; metric: UsageMetric }[] {
  const present = new Set(usage.totals.map(valueKey));
  return metrics.flatMap((metric) =>
    VENDORS.filter((v) => (vendor ? v.id === vendor : true) && present.has(`${v.id}:${metric}`)).map((v) => ({ vendor: v.id, metric })),
  );
}

/** A usage series as chart categories (buckets) and one chart series per vendor and metric. */
export function usageChart(
  usage: ConsoleSeriesFragment,
  metrics: readonly UsageMetric[],
  range: Range,
  vendor?: Vendor,
): { categories: ChartCategory[]; series: ChartSeries[] } {
  const categories = usage.points.map((point) => ({ key: point.from, label: bucketLabel(point.from, range.resolution, range.timeZone) }));
  const series = pairs(usage, metrics, vendor).map(({ vendor: v, metric }) => {
    const values = usage.points.map((point) => point.values.find((value) => value.vendor === v && value.metric === metric)?.value ?? 0);
    const name = vendor ? METRIC_LABELS[metric] : metrics.length > 1 ? `${vendorName(v)} · ${METRIC_LABELS[metric]}` : vendorName(v);
    return { key: `${v}:${metric}`, name, color: seriesColor(v, metrics.indexOf(metric)), values };
  });
  return { categories, series };
}

/** Further metrics of one vendor in the same chart: the vendor's colour, then these. */
const ACCENTS = ["#d98a1c", "#2e9e6a", "#3d4f63"];
function seriesColor(vendor: Vendor, metricIndex: number): string {
  if (metricIndex > 0) return ACCENTS[(metricIndex - 1) % ACCENTS.length]!;
  return VENDORS.find((v) => v.id === vendor)?.color ?? ACCENTS[0]!;
}

/** "Teamwire 1,204 · Rocket.Chat 877": the range totals of a chart's metrics. */
export function totalsLine(usage: ConsoleSeriesFragment, metrics: readonly UsageMetric[], vendor?: Vendor): string {
  const totals = pairs(usage, metrics, vendor).map(({ vendor: v, metric }) => {
    const total = usage.totals.find((value) => value.vendor === v && value.metric === metric)?.value ?? 0;
    const name = metrics.length > 1 ? `${METRIC_LABELS[metric]}${vendor ? "" : ` (${vendorName(v)})`}` : vendorName(v);
    return `${name} ${formatNumber(total)}`;
  });
  return totals.length > 0 ? `Range total: ${totals.join(" · ")}` : "";
}

/** /export/usage.csv for the same range, scope and metrics as a chart. */
export function usageExport(
  range: Range,
  scope: { organization?: string; team?: string; user?: string; vendor?: Vendor },
  metrics: readonly UsageMetric[],
): ExportRequest {
  return {
    path: "/export/usage.csv",
    params: {
      from: range.from,
      to: range.to,
      resolution: range.resolution,
      timeZone: range.timeZone,
      metrics: metrics.join(","),
      ...scope,
    },
  };
}

/** The range total of one vendor's metric (0 when it is not reported). */
export const totalOf = (totals: readonly ConsoleValueFragment[], vendor: Vendor, metric: UsageMetric) =>
  totals.find((value) => value.vendor === vendor && value.metric === metric)?.value ?? 0;
