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
export function deviceRow(discriminator: DeviceDiscriminator, row: DeviceStat, perVersion: boolean) {
  switch (discriminator) {
    case "OS":
      return perVersion ? { os: row.os ?? "", os_v: row.osVersion ?? "", total: row.total } : { os: row.os ?? "", total: row.total };
    case "CLIENT":
      return perVersion
        ? { client: row.client ?? "", client_v: row.clientVersion ?? "", total: row.total }
        : { client: row.client ?? "", total: row.total };
    case "IS_MANAGED":
      return { client: row.client ?? "", os: row.os ?? "", is_managed: row.isManaged ?? false, total: row.total };
    case "LOCALE":
      return { locale: row.locale ?? "", total: row.total };
  }
}
