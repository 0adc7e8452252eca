import type { z } from "zod";
import type { OperationRunner } from "../rest/execute.js";
import { teamsCsv, usersCsv } from "./directory.export.js";
import { organizationEntries } from "./organization.export.js";
import * as p from "./params.js";
import { fileDate, organizationSlug, safeFileName } from "./scope.js";
import { activeUsersCsv, devicesCsv } from "./statistics.export.js";
import { primed, zipArchive, type Body } from "./stream.js";
import { exportScope, usageCsv } from "./usage.export.js";

/** An export ready to send: its name and its body, whose first piece is already read. */
export interface ExportFile {
  readonly filename: string;
  readonly body: Body;
}

/** One export URL: its parameters and how its file is made from stored GraphQL operations. */
export interface ExportRoute<Q = unknown> {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly query: z.ZodType<Q>;
  readonly contentType: "text/csv; charset=utf-8" | "application/zip";
  open(run: OperationRunner, query: Q): Promise<ExportFile>;
}

const defineExport = <Q>(route: ExportRoute<Q>) => route as ExportRoute<unknown>;
const CSV = "text/csv; charset=utf-8" as const;
const csvFile = async (name: string, body: AsyncIterable<string>): Promise<ExportFile> => ({
  filename: safeFileName(`${name}.csv`),
  body: await primed(body),
});

/** Every export, mounted by mount.ts and documented in /openapi.json. */
export const EXPORT_ROUTES: readonly ExportRoute[] = [
  defineExport({
    path: "/export/usage.csv",
    summary: "Usage series as CSV",
    description:
      "One row per bucket × vendor × metric (`bucket_start,bucket_end,vendor,metric,value`), the values of the GraphQL `usage` field " +
      "of the organization, or of `team` or `user`. Buckets follow the calendar of `timeZone` (an IANA name, default UTC; " +
      "instants are written in UTC); at most 10,000 buckets, as in GraphQL.",
    query: p.usageQuery,
    contentType: CSV,
    async open(run, query) {
      const { scope, slug } = await exportScope(run, query);
      return csvFile(`usage-${slug}-${fileDate(query.from)}-${fileDate(query.to)}`, usageCsv(run, scope, query));
    },
  }),
  defineExport({
    path: "/export/active-users.csv",
    summary: "Active users as CSV",
    description:
      "Distinct active users per day of `month`, or per month of `year` (`date,vendor,active_users`; vendor empty: any vendor), " +
      "on the calendar of `timeZone` (an IANA name, default UTC).",
    query: p.activeUsersQuery,
    contentType: CSV,
    async open(run, { organization, ...period }) {
      const slug = await organizationSlug(run, organization);
      const when = period.month === undefined ? `${period.year}` : `${period.year}-${String(period.month).padStart(2, "0")}`;
      return csvFile(`active-users-${slug}-${when}`, activeUsersCsv(run, organization, [period]));
    },
  }),
  defineExport({
    path: "/export/devices.csv",
    summary: "Device statistics as CSV",
    description: "Registered, not wiped devices grouped by `discriminator`, most first, with a `devices` count per group.",
    query: p.devicesQuery,
    contentType: CSV,
    async open(run, { organization, ...query }) {
      const slug = await organizationSlug(run, organization);
      return csvFile(`devices-${slug}-${query.discriminator.toLowerCase().replace("_", "-")}`, devicesCsv(run, organization, query));
    },
  }),
  defineExport({
    path: "/export/users.csv",
    summary: "Users as CSV",
    description:
      "The organization's users (or with `team`, that team's members) by email: role, status, team, the account id at each vendor, last activity.",
    query: p.usersQuery,
    contentType: CSV,
    async open(run, { organization, team }) {
      if (team === undefined)
        return csvFile(`users-${await organizationSlug(run, organization)}`, usersCsv(run, { organizationId: organization }));
      const { slug } = await exportScope(run, { team, organization });
      return csvFile(`users-${slug}-team-${team}`, usersCsv(run, { teamId: team }));
    },
  }),
  defineExport({
    path: "/export/teams.csv",
    summary: "Teams as CSV",
    description:
      "The organization's teams by name with their member counts; with `from` and `to`, also their usage totals over [from, to), " +
      "one column per vendor and metric (e.g. `tabnine_code_completions`).",
    query: p.teamsQuery,
    contentType: CSV,
    async open(run, { organization, ...query }) {
      const slug = await organizationSlug(run, organization);
      const range = query.from && query.to ? `-${fileDate(query.from)}-${fileDate(query.to)}` : "";
      return csvFile(`teams-${slug}${range}`, teamsCsv(run, organization, query));
    },
  }),
  defineExport({
    path: "/export/organization.zip",
    summary: "Every export of the organization as one ZIP",
    description:
      "usage.csv (over [from, to) at `resolution`, default DAY), active-users.csv (daily for ranges up to 366 days, else monthly), " +
      "devices-os.csv, devices-client.csv, devices-is-managed.csv, devices-locale.csv, users.csv and teams.csv (usage totals over the range).",
    query: p.organizationZipQuery,
    contentType: "application/zip",
    async open(run, query) {
      const slug = await organizationSlug(run, query.organization);
      const entries = await organizationEntries(run, query);
      return {
        filename: safeFileName(`organization-${slug}-${fileDate(query.from)}-${fileDate(query.to)}.zip`),
        body: zipArchive(entries),
      };
    },
  }),
];
