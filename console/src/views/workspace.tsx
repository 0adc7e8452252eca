import { ConsoleWorkspaceDocument, type ConsoleSeatsFragment, type Vendor } from "../__generated__/operations.js";
import { Panel } from "../components/panel.js";
import { Empty, Loaded } from "../components/state.js";
import { formatInstant, formatNumber, percent, VENDORS } from "../format.js";
import { useQuery } from "../hooks.js";

function Figures({ items }: { items: readonly [string, string | number][] }) {
  return (
    <dl className="figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{typeof value === "number" ? formatNumber(value) : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Live workspace totals, and each vendor's licensed seats against its enabled accounts. */
export function WorkspaceSection({ organizationId, vendors }: { organizationId: string; vendors: readonly Vendor[] }) {
  const workspace = useQuery(ConsoleWorkspaceDocument, { organizationId });
  return (
    <section aria-labelledby="workspace-heading">
      <h3 className="section-title" id="workspace-heading">
        Workspace and licenses
      </h3>
      <Loaded value={workspace} what="workspace statistics">
        {(data) => {
          const o = data.organization!;
          const w = o.workspaceStatistics;
          const seats: Record<Vendor, ConsoleSeatsFragment> = { TEAMWIRE: o.teamwire, ROCKETCHAT: o.rocketchat, TABNINE: o.tabnine };
          return (
            <div className="grid">
              <Panel id="workspace-accounts" title="Accounts">
                <Figures
                  items={[
                    ["All accounts", w.totalUsers],
                    ["Enabled", w.activeAccounts],
                    ["Used a client", w.clientUsers],
                    ["Never active", w.neverActiveUsers],
                    ["Invited, not signed up", w.pendingUsers],
                    ["Deactivated", w.deactivatedUsers],
                    ["Guests", w.guests],
                    ["Apps (bots)", w.appUsers],
                    ["Admins", w.adminsCount],
                    ["Teams", w.teamsCount],
                  ]}
                />
              </Panel>
              <Panel id="workspace-activity" title="Activity, all time">
                <Figures
                  items={[
                    ["Messages", w.messages.total],
                    ["in channels", w.messages.channel],
                    ["in private groups", w.messages.privateGroup],
                    ["direct", w.messages.direct],
                    ["livechat", w.messages.livechat],
                    ["AI code completions", w.aiCompletions],
                    ["AI chat interactions", w.aiChatInteractions],
                    ["Devices", w.devices],
                    ["Last activity", formatInstant(w.lastActiveAt)],
                  ]}
                />
              </Panel>
              <Panel id="licenses" title="Licenses and seats" description="Enabled accounts at each vendor against its licensed seats.">
                {vendors.length === 0 ? (
                  <Empty>This organization uses no vendor yet.</Empty>
                ) : (
                  <ul className="seats">
                    {VENDORS.filter((v) => vendors.includes(v.id)).map((v) => {
                      const license = o.licenses.find((l) => l.vendor === v.id);
                      const used = seats[v.id].activeAccounts;
                      const total = license?.seats ?? seats[v.id].licenseSeats;
                      return (
                        <li key={v.id} data-vendor={v.id}>
                          <div className="seat-head">
                            <strong>{v.name}</strong>
                            <span>
                              {total > 0
                                ? `${formatNumber(used)} of ${formatNumber(total)} seats (${percent(used, total)})`
                                : `${formatNumber(used)} accounts, no license`}
                            </span>
                          </div>
                          {total > 0 && <meter min={0} max={total} high={total * 0.9} value={used} aria-label={`${v.name} seats in use`} />}
                          {license && (
                            <p className="hint">
                              {license.seatsCap ? `Cap ${formatNumber(license.seatsCap)} seats. ` : ""}
                              {license.expiresAt ? `Expires ${formatInstant(license.expiresAt).slice(0, 10)}.` : "Does not expire."}
                            </p>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </Panel>
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}
