import type { Prisma } from "../../db/database.js";
import type { Vendor } from "../../db/generated/enums.js";
import type { DeviceDiscriminator } from "../shared/enums.js";

export interface DeviceStatRow {
  os: string | null;
  osVersion: string | null;
  client: string | null;
  clientVersion: string | null;
  isManaged: boolean | null;
  locale: string | null;
  total: number;
}

export interface DeviceStatsRequest {
  readonly discriminator: DeviceDiscriminator;
  /** With OS: one row per version of this OS. Ignored otherwise. */
  readonly os?: string | null;
  /** With CLIENT: one row per version of this client. Ignored otherwise. */
  readonly client?: string | null;
  readonly vendor?: Vendor | null;
}

// Group-by columns per discriminator (constants, never user input).
function grouping(request: DeviceStatsRequest): { columns: Record<keyof DeviceStatRow, string>; filter: string; value?: string } {
  const none = { os: "NULL", osVersion: "NULL", client: "NULL", clientVersion: "NULL", isManaged: "NULL::boolean", locale: "NULL" };
  switch (request.discriminator) {
    case "OS":
      return request.os
        ? { columns: { ...none, os: `d."os"`, osVersion: `d."osVersion"`, total: "" }, filter: `AND d."os" = $3`, value: request.os }
        : { columns: { ...none, os: `d."os"`, total: "" }, filter: "" };
    case "CLIENT":
      return request.client
        ? { columns: { ...none, client: `d."client"`, clientVersion: `d."clientVersion"`, total: "" }, filter: `AND d."client" = $3`, value: request.client }
        : { columns: { ...none, client: `d."client"`, total: "" }, filter: "" };
    case "IS_MANAGED":
      return { columns: { ...none, client: `d."client"`, os: `d."os"`, isManaged: `d."managed"`, total: "" }, filter: "" };
    case "LOCALE":
      return { columns: { ...none, locale: `d."locale"`, total: "" }, filter: "" };
  }
}

/**
 * Non-wiped devices of an organization grouped by the discriminator, ordered by total
 * descending, then by name.
 */
export async function deviceStats(prisma: Prisma, organizationId: string, request: DeviceStatsRequest): Promise<DeviceStatRow[]> {
  const { columns, filter, value } = grouping(request);
  const keys = (["os", "osVersion", "client", "clientVersion", "isManaged", "locale"] as const).filter((key) => !columns[key].startsWith("NULL"));
  const select = (["os", "osVersion", "client", "clientVersion", "isManaged", "locale"] as const)
    .map((key) => `${columns[key]} AS "${key}"`)
    .join(", ");
  return prisma.$queryRawUnsafe<DeviceStatRow[]>(
    `SELECT ${select}, count(*)::int AS total FROM "Device" d
     WHERE d."organizationId" = $1::uuid AND d."wipedAt" IS NULL
       AND ($2::text IS NULL OR d."vendor" = $2::text::"Vendor") ${filter}
     GROUP BY ${keys.map((key) => columns[key]).join(", ")}
     ORDER BY total DESC, ${keys.map((key) => `"${key}"`).join(", ")}`,
    organizationId,
    request.vendor ?? null,
    ...(value === undefined ? [] : [value]),
  );
}
