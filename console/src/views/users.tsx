import { useMemo, useState } from "react";
import { ConsoleUsersDocument, type ConsoleUsersQuery, type UsageMetric, type Vendor } from "../__generated__/operations.js";
import { graphql } from "../api.js";
import { DataTable, type Column } from "../components/data-table.js";
import { DownloadButton, Panel } from "../components/panel.js";
import { Loaded } from "../components/state.js";
import { downloadCsv } from "../download.js";
import { formatInstant, vendorName } from "../format.js";
import { useLoad } from "../hooks.js";
import type { Range } from "../range.js";
import { usageColumns } from "./teams.js";

type User = NonNullable<ConsoleUsersQuery["organization"]>["users"]["nodes"][number];

const USER_METRICS: readonly UsageMetric[] = ["MESSAGES_SENT", "CODE_COMPLETIONS", "CHAT_INTERACTIONS"];
const PAGE_SIZE = 500;

/** Every user of the organization, page by page, with their totals over the range. */
async function allUsers(organizationId: string, range: Range): Promise<User[]> {
  const users: User[] = [];
  let after: string | null = null;
  do {
    const data: ConsoleUsersQuery = await graphql(ConsoleUsersDocument, {
      organizationId,
      first: PAGE_SIZE,
      after,
      from: range.from,
      to: range.to,
      metrics: [...USER_METRICS],
    });
    const page = data.organization!.users;
    users.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return users;
}

/** The organization's people: search by name or email, sort by activity (or any column); a name opens the person. */
export function Users({ organizationId, range, vendors }: { organizationId: string; range: Range; vendors: readonly Vendor[] }) {
  const users = useLoad(JSON.stringify([organizationId, range.from, range.to]), () => allUsers(organizationId, range));
  const [search, setSearch] = useState("");
  return (
    <>
      <h2 tabIndex={-1}>Users</h2>
      <Loaded value={users} what="users">
        {(rows) => (
          <UserTable rows={rows} search={search} setSearch={setSearch} organizationId={organizationId} range={range} vendors={vendors} />
        )}
      </Loaded>
    </>
  );
}

function UserTable({
  rows,
  search,
  setSearch,
  organizationId,
  range,
  vendors,
}: {
  rows: User[];
  search: string;
  setSearch: (text: string) => void;
  organizationId: string;
  range: Range;
  vendors: readonly Vendor[];
}) {
  const columns = useMemo<Column<User>[]>(
    () => [
      { key: "name", label: "Name", value: (u) => u.name, render: (u) => <a href={`#/users/${encodeURIComponent(u.id)}`}>{u.name}</a> },
      { key: "email", label: "Email", value: (u) => u.email },
      { key: "role", label: "Role", value: (u) => u.role },
      { key: "status", label: "Status", value: (u) => u.status },
      {
        key: "team",
        label: "Team",
        value: (u) => u.team?.name ?? null,
        render: (u) => (u.team ? <a href={`#/teams/${encodeURIComponent(u.team.id)}`}>{u.team.name}</a> : "–"),
      },
      { key: "accounts", label: "Accounts", value: (u) => u.identities.map((i) => vendorName(i.vendor)).join(", ") },
      { key: "lastActive", label: "Last active", value: (u) => u.lastActiveAt, render: (u) => formatInstant(u.lastActiveAt) },
      ...usageColumns(rows, (u) => u.usage.totals, USER_METRICS, vendors),
    ],
    [rows, vendors],
  );
  const wanted = search.trim().toLowerCase();
  const shown = wanted ? rows.filter((u) => u.name.toLowerCase().includes(wanted) || u.email.toLowerCase().includes(wanted)) : rows;
  return (
    <Panel
      id="users"
      title={`Users (${rows.length})`}
      description={`Usage totals from ${range.firstDay} to ${range.lastDay}. Sorted by last activity; select a column to sort by it.`}
      wide
      actions={
        <DownloadButton
          what="the users"
          download={() => downloadCsv([{ path: "/export/users.csv", params: { organization: organizationId } }])}
        />
      }
    >
      <label className="search">
        Search by name or email <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </label>
      <p className="hint" role="status">
        {wanted ? `${shown.length} of ${rows.length} users match.` : ""}
      </p>
      <DataTable
        id="users"
        caption="Users"
        columns={columns}
        rows={shown}
        rowKey={(u) => u.id}
        initialSort={{ key: "lastActive", descending: true }}
        empty={wanted ? "No user matches the search." : "This organization has no users."}
      />
    </Panel>
  );
}
