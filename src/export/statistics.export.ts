import type { OperationRunner } from "../rest/execute.js";
import { ExportActiveUsersDocument, ExportDevicesDocument, type ExportDevicesQuery } from "./__generated__/operations.js";
import { csvRecord, csvRecords } from "./csv.js";
import type { ActiveUsersQuery, DevicesQuery } from "./params.js";

/** active-users.csv and devices.csv: the organization's statistics fields, as GraphQL answers them. */

export const ACTIVE_USERS_HEADER = ["date", "vendor", "active_users"];

/** Active users per day (a month given) or per month; `vendor` empty means all vendors (distinct people). */
export async function* activeUsersCsv(
  run: OperationRunner,
  organizationId: string | undefined,
  months: readonly Omit<ActiveUsersQuery, "organization">[],
  within?: (date: string) => boolean,
): AsyncGenerator<string> {
  let header = csvRecord(ACTIVE_USERS_HEADER);
  for (const { year, month, vendor, timeZone } of months) {
    const { organization } = await run(ExportActiveUsersDocument, { organizationId, year, month, vendor, timeZone });
    const points = organization!.activeUsers.points.filter((point) => !within || within(point.date));
    yield header + csvRecords(points.map((point) => [point.date, vendor, point.count]));
    header = "";
  }
}

type DeviceStat = NonNullable<ExportDevicesQuery["organization"]>["deviceStats"][number];

/** The columns of each grouping: what GraphQL fills for it (the rest would be empty). */
const DEVICE_COLUMNS: Record<DevicesQuery["discriminator"], readonly [string, keyof DeviceStat][]> = {
  OS: [
    ["os", "os"],
    ["os_version", "osVersion"],
  ],
  CLIENT: [
    ["client", "client"],
    ["client_version", "clientVersion"],
  ],
  IS_MANAGED: [
    ["client", "client"],
    ["os", "os"],
    ["is_managed", "isManaged"],
  ],
  LOCALE: [["locale", "locale"]],
};

/** Registered, not wiped devices grouped by the discriminator, most first, with a `devices` count. */
export async function* devicesCsv(
  run: OperationRunner,
  organizationId: string | undefined,
  query: Omit<DevicesQuery, "organization">,
): AsyncGenerator<string> {
  const columns = DEVICE_COLUMNS[query.discriminator];
  const { organization } = await run(ExportDevicesDocument, { organizationId, ...query });
  yield (
    csvRecord([...columns.map(([name]) => name), "devices"]) +
    csvRecords(organization!.deviceStats.map((stat) => [...columns.map(([, field]) => stat[field]), stat.total]))
  );
}
