import { ConsoleTeamsDocument, type ConsoleTeamsQuery, type UsageMetric, type Vendor } from "../__generated__/operations.js";
import { DataTable, type Column } from "../components/data-table.js";
import { DownloadButton, Panel } from "../components/panel.js";
import { Loaded } from "../components/state.js";
import { downloadCsv } from "../download.js";
import { formatNumber, METRIC_LABELS, percent, VENDORS } from "../format.js";
import { useQuery } from "../hooks.js";
import type { Range } from "../range.js";
import { totalOf } from "../usage.js";

type Team = NonNullable<ConsoleTeamsQuery["organization"]>["teams"]["nodes"][number];

export const TEAM_METRICS: readonly UsageMetric[] = ["ACTIVE_USERS", "MESSAGES_SENT", "CODE_COMPLETIONS", "CHAT_INTERACTIONS"];

/** One column per (vendor, metric) the teams report, in vendor order. */
export function usageColumns<T>(
  rows: readonly T[],
  totals: (row: T) => Team["usage"]["totals"],
  metrics: readonly UsageMetric[],
  vendors: readonly Vendor[],
): Column<T>[] {
  const present = new Set(rows.flatMap((row) => totals(row).map((value) => `${value.vendor}:${value.metric}`)));
  return VENDORS.filter((v) => vendors.includes(v.id)).flatMap((v) =>
    metrics
      .filter((metric) => present.has(`${v.id}:${metric}`))
      .map((metric) => ({
        key: `${v.id}:${metric}`,
        label: `${v.name}: ${METRIC_LABELS[metric]}`,
        numeric: true,
        value: (row: T) => totalOf(totals(row), v.id, metric),
        render: (row: T) => formatNumber(totalOf(totals(row), v.id, metric)),
      })),
  );
}

/** Every team with its member counts and usage totals over the range; a name opens the team. */
export function Teams({ organizationId, range }: { organizationId: string; range: Range }) {
  const teams = useQuery(ConsoleTeamsDocument, { organizationId, from: range.from, to: range.to, metrics: [...TEAM_METRICS] });
  return (
    <>
      <h2 tabIndex={-1}>Teams</h2>
      <Loaded value={teams} what="teams">
        {(data) => {
          const o = data.organization!;
          const rows = o.teams.nodes;
          const columns: Column<Team>[] = [
            {
              key: "name",
              label: "Team",
              value: (t) => t.name,
              render: (t) => <a href={`#/teams/${encodeURIComponent(t.id)}`}>{t.name}</a>,
            },
            { key: "members", label: "Members", numeric: true, value: (t) => t.usersCount },
            { key: "registered", label: "Registered", numeric: true, value: (t) => t.utilization.registered },
            { key: "invited", label: "Invited", numeric: true, value: (t) => t.utilization.invited },
            { key: "deactivated", label: "Deactivated", numeric: true, value: (t) => t.utilization.deactivated },
            {
              key: "utilization",
              label: "Registered share",
              numeric: true,
              value: (t) => (t.usersCount > 0 ? t.utilization.registered / t.usersCount : null),
              render: (t) => percent(t.utilization.registered, t.usersCount),
            },
            ...usageColumns(
              rows,
              (t) => t.usage.totals,
              TEAM_METRICS,
              o.sources.map((s) => s.vendor),
            ),
          ];
          return (
            <Panel
              id="teams"
              title={`Teams (${o.teams.totalCount})`}
              description={`Usage totals from ${range.firstDay} to ${range.lastDay}. Select a column to sort.`}
              wide
              actions={
                <DownloadButton
                  what="the teams"
                  download={() =>
                    downloadCsv([{ path: "/export/teams.csv", params: { from: range.from, to: range.to, organization: organizationId } }])
                  }
                />
              }
            >
              <DataTable
                id="teams"
                caption="Teams"
                columns={columns}
                rows={rows}
                rowKey={(t) => t.id}
                initialSort={{ key: "name", descending: false }}
                empty="This organization has no teams."
              />
            </Panel>
          );
        }}
      </Loaded>
    </>
  );
}
