import type { DeviceDiscriminator, TeamwireDevicesQuery } from "../__generated__/operations.js";

/** GraphQL device statistics → Teamwire rows (snake_case, docs/vendors/teamwire.md §1.6). */

export const DEVICE_KEYS: Record<DeviceDiscriminator, string> = {
  OS: "Client OS Statistics",
  CLIENT: "Client Statistics",
  IS_MANAGED: "Client Managed Statistics",
  LOCALE: "Client Locale Statistics",
};

type DeviceStat = NonNullable<TeamwireDevicesQuery["organization"]>["deviceStats"][number];

/** One row; with an `os`/`client` filter the rows are per version (`os_v`/`client_v`). */
function deviceRow(discriminator: Exclude<DeviceDiscriminator, "IS_MANAGED">, row: DeviceStat, perVersion: boolean) {
  switch (discriminator) {
    case "OS":
      return perVersion ? { os: row.os ?? "", os_v: row.osVersion ?? "", total: row.total } : { os: row.os ?? "", total: row.total };
    case "CLIENT":
      return perVersion
        ? { client: row.client ?? "", client_v: row.clientVersion ?? "", total: row.total }
        : { client: row.client ?? "", total: row.total };
    case "LOCALE":
      return { locale: row.locale ?? "", total: row.total };
  }
}

/**
 * The rows of one answer, in the order of the statistics (most devices first). `is_managed` rows
 * are Teamwire's documented `{client, os}` only: one per (client, OS) pair that has managed
 * devices; unmanaged devices and the counts stay in GraphQL `deviceStats(discriminator: IS_MANAGED)`.
 */
export function deviceRows(discriminator: DeviceDiscriminator, rows: readonly DeviceStat[], perVersion: boolean) {
  if (discriminator !== "IS_MANAGED") return rows.map((row) => deviceRow(discriminator, row, perVersion));
  return rows.filter((row) => row.isManaged === true && row.total > 0).map((row) => ({ client: row.client ?? "", os: row.os ?? "" }));
}
