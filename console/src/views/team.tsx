import { ConsoleTeamDocument, type ConsoleTeamQuery } from "../__generated__/operations.js";
import { ChartPanel } from "../components/chart-panel.js";
import { DataTable, type Column } from "../components/data-table.js";
import { DownloadButton, Panel } from "../components/panel.js";
import { Empty, Loaded } from "../components/state.js";
import { downloadCsv } from "../download.js";
import { formatInstant, percent } from "../format.js";
import { useQuery } from "../hooks.js";
import { usageArgs, type Range } from "../range.js";
import { totalsLine, USAGE_CHART_METRICS, USAGE_CHARTS, usageChart, usageExport } from "../usage.js";

type Member = NonNullable<ConsoleTeamQuery["team"]>["users"]["nodes"][number];

const MEMBER_COLUMNS: readonly Column<Member>[] = [
  { key: "name", label: "Name", value: (u) => u.name, render: (u) => <a href={`#/users/${encodeURIComponent(u.id)}`}>{u.name}</a> },
  { key: "email", label: "Email", value: (u) => u.email },
  { key: "role", label: "Role", value: (u) => u.role },
  { key: "status", label: "Status", value: (u) => u.status },
  { key: "lastActive", label: "Last active", value: (u) => u.lastActiveAt, render: (u) => formatInstant(u.lastActiveAt) },
];

/** One team: its member counts, its usage over the range (the overview's charts) and its members. */
export function TeamView({ teamId, range }: { teamId: string; range: Range }) {
  const team = useQuery(ConsoleTeamDocument, { teamId, ...usageArgs(range), metrics: USAGE_CHART_METRICS });
  return (
    <Loaded value={team} what="the team">
      {(data) => {
        const t = data.team;
        if (!t) return <Empty>No such team, or it is not visible to you.</Empty>;
        return (
          <>
            <p className="crumbs">
              <a href="#/teams">Teams</a> ›
            </p>
            <h2 tabIndex={-1}>{t.name}</h2>
            <p className="summary">
              {t.usersCount} members: {t.utilization.registered} registered ({percent(t.utilization.registered, t.usersCount)}),{" "}
              {t.utilization.invited} invited, {t.utilization.deactivated} deactivated
              {t.isDefault ? " · the organization's default team" : ""}.
            </p>
            <div className="grid">
              {USAGE_CHARTS.map((chart) => (
                <ChartPanel
                  key={chart.id}
                  id={`team-${chart.id}`}
                  title={chart.title}
                  description={totalsLine(t.usage, chart.metrics)}
                  categoryName="Bucket"
                  {...usageChart(t.usage, chart.metrics, range)}
                  empty="No vendor of this organization reports this."
                  download={() => downloadCsv([usageExport(range, { team: t.id }, chart.metrics)])}
                />
              ))}
            </div>
            <Panel
              id="team-members"
              title={`Members (${t.usersCount})`}
              wide
              actions={
                <DownloadButton
                  what="the team's members"
                  download={() => downloadCsv([{ path: "/export/users.csv", params: { team: t.id } }])}
                />
              }
            >
              <DataTable
                id="team-members"
                caption="Members"
                columns={MEMBER_COLUMNS}
                rows={t.users.nodes}
                rowKey={(u) => u.id}
                initialSort={{ key: "name", descending: false }}
                empty="This team has no members."
              />
            </Panel>
          </>
        );
      }}
    </Loaded>
  );
}
