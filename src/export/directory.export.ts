import { MAX_PAGE_SIZE } from "../db/pagination.js";
import type { OperationRunner } from "../rest/execute.js";
import { VENDOR_REGISTRY, VENDORS } from "../vendors/registry.js";
import {
  ExportTeamsDocument,
  ExportTeamsWithUsageDocument,
  ExportTeamUsersDocument,
  ExportUsersDocument,
  type ExportTeamFragment,
} from "./__generated__/operations.js";
import { csvRecord, csvRecords, type CsvValue } from "./csv.js";
import type { TeamsQuery } from "./params.js";

/** users.csv and teams.csv: the organization's directory, one connection page per piece. */

interface Page<T> {
  readonly nodes: readonly T[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
}

/** Every node of a connection, page by page (`first`/`after`); one piece of CSV per page. */
async function* pagesOf<T>(fetch: (after: string | null) => Promise<Page<T>>): AsyncGenerator<readonly T[]> {
  let after: string | null = null;
  do {
    const page: Page<T> = await fetch(after);
    yield page.nodes;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
}

export const USERS_HEADER = [
  "id",
  "email",
  "name",
  "username",
  "role",
  "status",
  "kind",
  "team_id",
  "team_name",
  ...VENDORS.map((vendor) => `${VENDOR_REGISTRY[vendor].slug}_id`),
  "locale",
  "created_at",
  "last_active_at",
  "deactivated_at",
];

/** users.csv: the organization's users, or one team's members (the team must be visible: see exportScope). */
export async function* usersCsv(
  run: OperationRunner,
  of: { readonly organizationId?: string; readonly teamId?: string },
  pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<string> {
  let header = csvRecord(USERS_HEADER);
  const { organizationId, teamId } = of;
  const pages = pagesOf(async (after) =>
    teamId === undefined
      ? (await run(ExportUsersDocument, { organizationId, first: pageSize, after })).organization!.users
      : (await run(ExportTeamUsersDocument, { teamId, first: pageSize, after })).team!.users,
  );
  for await (const users of pages) {
    yield (
      header +
      csvRecords(
        users.map((user) => [
          user.id,
          user.email,
          user.name,
          user.username,
          user.role,
          user.status,
          user.kind,
          user.team?.id,
          user.team?.name,
          ...VENDORS.map((vendor) =>
            user.identities
              .filter((identity) => identity.vendor === vendor)
              .map((identity) => identity.externalId)
              .join(";"),
          ),
          user.locale,
          user.createdAt,
          user.lastActiveAt,
          user.deactivatedAt,
        ]),
      )
    );
    header = "";
  }
}

export const TEAMS_HEADER = ["id", "name", "is_default", "created_at", "members", "registered", "deactivated", "invited"];

const usageColumn = (vendor: keyof typeof VENDOR_REGISTRY, metric: string) => `${VENDOR_REGISTRY[vendor].slug}_${metric.toLowerCase()}`;

const teamColumns = (team: ExportTeamFragment): CsvValue[] => [
  team.id,
  team.name,
  team.isDefault,
  team.createdAt,
  team.usersCount,
  team.utilization.registered,
  team.utilization.deactivated,
  team.utilization.invited,
];

/**
 * teams.csv: the teams by name with their member counts and, with from/to, their usage totals over
 * [from, to), one column per vendor and metric (`tabnine_code_completions`, in GraphQL's order,
 * which is the same for every team of an organization).
 */
export async function* teamsCsv(
  run: OperationRunner,
  organizationId: string | undefined,
  query: Omit<TeamsQuery, "organization">,
  pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<string> {
  const { from, to } = query;
  if (from === undefined || to === undefined) {
    let header = csvRecord(TEAMS_HEADER);
    const pages = pagesOf(
      async (after) => (await run(ExportTeamsDocument, { organizationId, first: pageSize, after })).organization!.teams,
    );
    for await (const teams of pages) {
      yield header + csvRecords(teams.map(teamColumns));
      header = "";
    }
    return;
  }
  const variables = { organizationId, first: pageSize, from, to, vendor: query.vendor, metrics: query.metrics };
  let header: string | null = null;
  const pages = pagesOf(async (after) => (await run(ExportTeamsWithUsageDocument, { ...variables, after })).organization!.teams);
  for await (const teams of pages) {
    header ??= csvRecord([...TEAMS_HEADER, ...(teams[0]?.usage.totals.map((total) => usageColumn(total.vendor, total.metric)) ?? [])]);
    yield header + csvRecords(teams.map((team) => [...teamColumns(team), ...team.usage.totals.map((total) => total.value)]));
    header = "";
  }
}
