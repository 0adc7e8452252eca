import { useState } from "react";
import { ConsoleOrganizationUsageDocument, type UsageMetric, type Vendor } from "../__generated__/operations.js";
import { ChartPanel } from "../components/chart-panel.js";
import { DownloadButton } from "../components/panel.js";
import { Loaded } from "../components/state.js";
import { downloadCsv, downloadFile } from "../download.js";
import { METRIC_LABELS, METRICS } from "../format.js";
import { useQuery } from "../hooks.js";
import { usageArgs, type Range } from "../range.js";
import { totalsLine, USAGE_CHART_METRICS, USAGE_CHARTS, usageChart, usageExport } from "../usage.js";
import { ActiveUsersSection } from "./active-users.js";
import { DevicesSection } from "./devices.js";
import { WorkspaceSection } from "./workspace.js";

/** The organization at a glance: usage over the range, active users, devices, workspace totals, licenses. */
export function Overview({ organizationId, range, vendors }: { organizationId: string; range: Range; vendors: readonly Vendor[] }) {
  const usage = useQuery(ConsoleOrganizationUsageDocument, { organizationId, ...usageArgs(range), metrics: USAGE_CHART_METRICS });
  return (
    <>
      <div className="section-head">
        <h2 tabIndex={-1}>Overview</h2>
        <DownloadButton
          what="every export over the range"
          label="Download all (ZIP)"
          download={() =>
            downloadFile({
              path: "/export/organization.zip",
              params: { ...usageArgs(range), organization: organizationId },
            })
          }
        />
      </div>
      <section aria-labelledby="usage-heading">
        <h3 className="section-title" id="usage-heading">
          Usage over time
        </h3>
        <Loaded value={usage} what="usage">
          {(data) => (
            <div className="grid">
              {USAGE_CHARTS.map((chart) => {
                const { categories, series } = usageChart(data.organization!.usage, chart.metrics, range);
                return (
                  <ChartPanel
                    key={chart.id}
                    id={chart.id}
                    title={chart.title}
                    description={[chart.description, totalsLine(data.organization!.usage, chart.metrics)].filter(Boolean).join(" ")}
                    categoryName="Bucket"
                    categories={categories}
                    series={series}
                    empty="No vendor of this organization reports this."
                    download={() => downloadCsv([usageExport(range, { organization: organizationId }, chart.metrics)])}
                  />
                );
              })}
              <MetricExplorer organizationId={organizationId} range={range} />
            </div>
          )}
        </Loaded>
      </section>
      <ActiveUsersSection organizationId={organizationId} vendors={vendors} timeZone={range.timeZone} />
      <DevicesSection organizationId={organizationId} />
      <WorkspaceSection organizationId={organizationId} vendors={vendors} />
    </>
  );
}

/** Any usage metric over the range, one line per vendor reporting it. */
function MetricExplorer({ organizationId, range }: { organizationId: string; range: Range }) {
  const [metric, setMetric] = useState<UsageMetric>("CONNECTOR_ACTIVATIONS");
  const usage = useQuery(ConsoleOrganizationUsageDocument, { organizationId, ...usageArgs(range), metrics: [metric] });
  const chart = usage.state === "done" ? usageChart(usage.data.organization!.usage, [metric], range) : { categories: [], series: [] };
  const picker = (
    <label>
      Metric{" "}
      <select value={metric} onChange={(event) => setMetric(event.target.value as UsageMetric)}>
        {METRICS.map((m) => (
          <option key={m} value={m}>
            {METRIC_LABELS[m]}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <ChartPanel
      id="usage-explorer"
      title="Any metric"
      description={usage.state === "done" ? totalsLine(usage.data.organization!.usage, [metric]) : undefined}
      categoryName="Bucket"
      categories={chart.categories}
      series={chart.series}
      controls={picker}
      empty={
        usage.state === "loading"
          ? "Loading…"
          : usage.state === "error"
            ? `Could not load ${METRIC_LABELS[metric]}: ${usage.error.message}`
            : "No vendor of this organization reports this metric."
      }
      download={() => downloadCsv([usageExport(range, { organization: organizationId }, [metric])])}
    />
  );
}
