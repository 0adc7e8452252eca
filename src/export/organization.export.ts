import { DateTime } from "luxon";
import type { OperationRunner } from "../rest/execute.js";
import { UTC } from "../usage/time-zone.js";
import type { DeviceDiscriminator } from "./__generated__/operations.js";
import { teamsCsv, usersCsv } from "./directory.export.js";
import type { OrganizationZipQuery } from "./params.js";
import { activeUsersCsv, devicesCsv } from "./statistics.export.js";
import { primed, type ArchiveEntry } from "./stream.js";
import { usageCsv } from "./usage.export.js";

/** Ranges up to this many days get daily active users in organization.zip; longer ones monthly. */
const DAILY_ACTIVE_USERS_MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/**
 * The calendar fields covering [from, to) on the calendar of `timeZone` (a valid zone; GraphQL
 * checks it): each month (daily points) or each year (monthly points), and the points inside.
 */
export function activeUsersPeriods(
  from: string,
  to: string,
  timeZone = UTC,
): { periods: { year: number; month?: number }[]; within: (date: string) => boolean } {
  const fromMs = new Date(from).getTime();
  const [first, last] = [fromMs, Math.max(fromMs, new Date(to).getTime() - 1)].map((ms) => DateTime.fromMillis(ms, { zone: timeZone })) as [
    DateTime,
    DateTime,
  ];
  const daily = last.toMillis() - first.toMillis() < DAILY_ACTIVE_USERS_MAX_DAYS * DAY_MS;
  const periods: { year: number; month?: number }[] = [];
  for (let year = first.year; year <= last.year; year++) {
    if (!daily) periods.push({ year });
    else {
      const fromMonth = year === first.year ? first.month : 1;
      const toMonth = year === last.year ? last.month : 12;
      for (let month = fromMonth; month <= toMonth; month++) periods.push({ year, month });
    }
  }
  const [start, end] = [first, last].map((date) => date.toISODate()!.slice(0, daily ? 10 : 7)) as [string, string];
  return { periods, within: (date) => date >= start && date <= end };
}

const DISCRIMINATORS: readonly [DeviceDiscriminator, string][] = [
  ["OS", "os"],
  ["CLIENT", "client"],
  ["IS_MANAGED", "is-managed"],
  ["LOCALE", "locale"],
];

/**
 * Every file of organization.zip, each with its first page already read (so that any refusal
 * comes before the first byte): usage over [from, to) at the resolution, active users over the
 * range, devices by each grouping, users, and teams with their usage totals over the range.
 */
export async function organizationEntries(run: OperationRunner, query: OrganizationZipQuery): Promise<ArchiveEntry[]> {
  const { organization, from, to, resolution, timeZone } = query;
  const { periods, within } = activeUsersPeriods(from, to, validZoneOr(timeZone));
  const files: [string, () => AsyncIterable<string>][] = [
    ["usage.csv", () => usageCsv(run, { kind: "ORGANIZATION", organizationId: organization }, { from, to, resolution, timeZone })],
    [
      "active-users.csv",
      () =>
        activeUsersCsv(
          run,
          organization,
          periods.map((period) => ({ ...period, timeZone })),
          within,
        ),
    ],
    ...DISCRIMINATORS.map(([discriminator, name]): [string, () => AsyncIterable<string>] => [
      `devices-${name}.csv`,
      () => devicesCsv(run, organization, { discriminator }),
    ]),
    ["users.csv", () => usersCsv(run, { organizationId: organization })],
    ["teams.csv", () => teamsCsv(run, organization, { from, to })],
  ];
  const entries: ArchiveEntry[] = [];
  for (const [name, body] of files) entries.push({ name, body: await primed(body()) });
  return entries;
}

/** The zone to cut periods in; a name GraphQL will refuse (refused there, before the first byte) cuts them in UTC. */
function validZoneOr(name: string | undefined): string {
  return name !== undefined && DateTime.local({ zone: name }).isValid ? name : UTC;
}
