import { ConsoleUserDocument, type ConsoleUserQuery, type UsageMetric, type Vendor } from "../__generated__/operations.js";
import { ChartPanel } from "../components/chart-panel.js";
import { Empty, Loaded } from "../components/state.js";
import { downloadCsv } from "../download.js";
import { formatInstant, formatNumber, METRIC_LABELS, VENDORS } from "../format.js";
import { useQuery } from "../hooks.js";
import { usageArgs, type Range } from "../range.js";
import { totalOf, usageChart, usageExport } from "../usage.js";

type Person = NonNullable<ConsoleUserQuery["user"]>;

/** What each vendor's column totals for one person, and which of those it charts (counts of one scale). */
const PERSON_METRICS: Record<Vendor, { totals: readonly UsageMetric[]; chart: readonly UsageMetric[] }> = {
  TEAMWIRE: { totals: ["MESSAGES_SENT", "CONNECTOR_ACTIVATIONS"], chart: ["MESSAGES_SENT", "CONNECTOR_ACTIVATIONS"] },
  ROCKETCHAT: { totals: ["MESSAGES_SENT", "SESSION_SECONDS"], chart: ["MESSAGES_SENT"] },
  TABNINE: { totals: ["CODE_COMPLETIONS", "CHAT_INTERACTIONS"], chart: ["CODE_COMPLETIONS", "CHAT_INTERACTIONS"] },
};
const ALL_METRICS = [...new Set(Object.values(PERSON_METRICS).flatMap((m) => m.totals))];

/** One person: their Teamwire, Rocket.Chat and Tabnine identities and activity side by side. */
export function PersonView({ userId, range }: { userId: string; range: Range }) {
  const user = useQuery(ConsoleUserDocument, { userId, ...usageArgs(range), metrics: ALL_METRICS });
  return (
    <Loaded value={user} what="the person">
      {(data) => {
        const person = data.user;
        if (!person) return <Empty>No such user, or they are not visible to you.</Empty>;
        return (
          <>
            <p className="crumbs">
              <a href="#/users">Users</a> ›
            </p>
            <h2 tabIndex={-1}>{person.name}</h2>
            <p className="summary">
              {person.email} · {person.role} · {person.status}
              {person.team ? (
                <>
                  {" · team "}
                  <a href={`#/teams/${encodeURIComponent(person.team.id)}`}>{person.team.name}</a>
                </>
              ) : (
                " · no team"
              )}
              {" · last active "}
              {formatInstant(person.lastActiveAt)}
            </p>
            <div className="identities">
              {VENDORS.map((v) => (
                <VendorColumn key={v.id} person={person} vendor={v.id} name={v.name} range={range} />
              ))}
            </div>
          </>
        );
      }}
    </Loaded>
  );
}

function VendorColumn({ person, vendor, name, range }: { person: Person; vendor: Vendor; name: string; range: Range }) {
  const identity = person.identities.find((i) => i.vendor === vendor);
  const devices = person.devices.filter((d) => d.vendor === vendor);
  const { totals, chart } = PERSON_METRICS[vendor];
  return (
    <section className="identity" aria-labelledby={`identity-${vendor}`} data-vendor={vendor}>
      <h3 id={`identity-${vendor}`}>{name}</h3>
      {!identity ? (
        <Empty>No {name} account.</Empty>
      ) : (
        <>
          <dl className="figures compact">
            <div>
              <dt>Account id</dt>
              <dd>
                <code>{identity.externalId}</code>
              </dd>
            </div>
            <div>
              <dt>{name} role</dt>
              <dd>{identity.vendorRole ?? "–"}</dd>
            </div>
            {totals.map((metric) => (
              <div key={metric}>
                <dt>{METRIC_LABELS[metric]} (range)</dt>
                <dd data-total={`${vendor}:${metric}`}>{formatNumber(totalOf(person.usage.totals, vendor, metric))}</dd>
              </div>
            ))}
          </dl>
          <ChartPanel
            id={`person-${vendor.toLowerCase()}`}
            title={`${name} activity`}
            categoryName="Bucket"
            {...usageChart(person.usage, chart, range, vendor)}
            empty={`${name} reports none of these metrics for this organization.`}
            download={() => downloadCsv([usageExport(range, { user: person.id, vendor }, chart)])}
          />
          <h4>Devices</h4>
          {devices.length === 0 ? (
            <Empty>No devices.</Empty>
          ) : (
            <ul className="devices">
              {devices.map((d) => (
                <li key={d.id}>
                  {d.client} {d.clientVersion} on {d.os} {d.osVersion}
                  {d.managed ? " (managed)" : ""} · last seen {formatInstant(d.lastSeenAt).slice(0, 10)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
