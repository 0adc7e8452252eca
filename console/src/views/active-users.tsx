import { useState } from "react";
import { ConsoleActiveUsersDocument, type ConsoleCalendarFragment, type Vendor } from "../__generated__/operations.js";
import { ChartPanel, type ChartSeries } from "../components/chart-panel.js";
import { Loaded } from "../components/state.js";
import { downloadCsv, type ExportRequest } from "../download.js";
import { ANY_VENDOR_COLOR, VENDORS } from "../format.js";
import { useQuery } from "../hooks.js";

type Calendars = Record<"all" | Vendor, ConsoleCalendarFragment>;

/** One chart's series: every vendor (distinct people, not a sum) and each vendor the organization uses. */
function calendarChart(
  calendars: Calendars,
  vendors: readonly Vendor[],
): { categories: { key: string; label: string }[]; series: ChartSeries[] } {
  const categories = calendars.all.points.map((point) => ({ key: point.date, label: point.date }));
  const counts = (calendar: ConsoleCalendarFragment) => categories.map((c) => calendar.points.find((p) => p.date === c.key)?.count ?? 0);
  const series = [
    { key: "ALL", name: "Any vendor (people)", color: ANY_VENDOR_COLOR, values: counts(calendars.all) },
    ...VENDORS.filter((v) => vendors.includes(v.id)).map((v) => ({
      key: v.id,
      name: v.name,
      color: v.color,
      values: counts(calendars[v.id]),
    })),
  ];
  return { categories, series };
}

/** active-users.csv for any vendor and for each vendor: the rows of every series the chart shows. */
function activeUsersExports(
  organizationId: string,
  year: number,
  month: number | undefined,
  vendors: readonly Vendor[],
  timeZone: string,
): ExportRequest[] {
  const request = (vendor?: Vendor): ExportRequest => ({
    path: "/export/active-users.csv",
    params: { year, month, vendor, timeZone, organization: organizationId },
  });
  return [request(), ...VENDORS.filter((v) => vendors.includes(v.id)).map((v) => request(v.id))];
}

/** Distinct active users per day of a month and per month of its year, on the calendar of `timeZone`. */
export function ActiveUsersSection({
  organizationId,
  vendors,
  timeZone,
}: {
  organizationId: string;
  vendors: readonly Vendor[];
  timeZone: string;
}) {
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const valid = /^\d{4}-\d{2}$/.test(month);
  const activeUsers = useQuery(ConsoleActiveUsersDocument, valid ? { organizationId, year, month: monthNumber, timeZone } : null);
  return (
    <section aria-labelledby="active-users-heading">
      <div className="section-head">
        <h3 className="section-title" id="active-users-heading">
          Active users
        </h3>
        <label>
          Month <input type="month" value={month} required onChange={(event) => event.target.value && setMonth(event.target.value)} />
        </label>
      </div>
      <Loaded value={activeUsers} what="active users">
        {(data) => {
          const o = data.organization!;
          const daily = calendarChart(
            { all: o.daily, TEAMWIRE: o.dailyTeamwire, ROCKETCHAT: o.dailyRocketchat, TABNINE: o.dailyTabnine },
            vendors,
          );
          const monthly = calendarChart(
            { all: o.monthly, TEAMWIRE: o.monthlyTeamwire, ROCKETCHAT: o.monthlyRocketchat, TABNINE: o.monthlyTabnine },
            vendors,
          );
          return (
            <div className="grid">
              <ChartPanel
                id="active-users-daily"
                title={`Active users per day, ${month}`}
                description={`Distinct people per day (${timeZone}); “Any vendor” counts a person once, whatever they used.`}
                categoryName="Day"
                kind="bar"
                {...daily}
                empty="No days in this month yet."
                download={() => downloadCsv(activeUsersExports(organizationId, year, monthNumber, vendors, timeZone))}
              />
              <ChartPanel
                id="active-users-monthly"
                title={`Active users per month, ${year}`}
                description={`Distinct people per calendar month (${timeZone}).`}
                categoryName="Month"
                kind="bar"
                {...monthly}
                empty="No months in this year yet."
                download={() => downloadCsv(activeUsersExports(organizationId, year, undefined, vendors, timeZone))}
              />
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}
