import type { Prisma } from "../db/database.js";
import type { Vendor } from "../db/generated/enums.js";
import { groupByKeys } from "../db/batch.js";
import type DataLoader from "dataloader";

/** How device statistics are grouped (GraphQL enum DeviceDiscriminator). */
export const DeviceDiscriminator = { OS: "OS", CLIENT: "CLIENT", IS_MANAGED: "IS_MANAGED", LOCALE: "LOCALE" } as const;
export type DeviceDiscriminator = (typeof DeviceDiscriminator)[keyof typeof DeviceDiscriminator];

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
        ? {
            columns: { ...none, client: `d."client"`, clientVersion: `d."clientVersion"`, total: "" },
            filter: `AND d."client" = $3`,
            value: request.client,
          }
        : { columns: { ...none, client: `d."client"`, total: "" }, filter: "" };
    case "IS_MANAGED":
      return { columns: { ...none, client: `d."client"`, os: `d."os"`, isManaged: `d."managed"`, total: "" }, filter: "" };
    case "LOCALE":
      return { columns: { ...none, locale: `d."locale"`, total: "" }, filter: "" };
  }
}

/** What the deviceStats loader is asked for: one organization and a normalized request. */
export interface DeviceStatsKey extends DeviceStatsRequest {
  readonly organizationId: string;
}

/**
 * Non-wiped devices of each organization grouped by the discriminator, ordered by total
 * descending, then by name; in `organizationIds` order, in one statement for all of them.
 */
export async function deviceStatsOf(
  prisma: Prisma,
  organizationIds: readonly string[],
  request: DeviceStatsRequest,
): Promise<DeviceStatRow[][]> {
  const { columns, filter, value } = grouping(request);
  const keys = (["os", "osVersion", "client", "clientVersion", "isManaged", "locale"] as const).filter(
    (key) => !columns[key].startsWith("NULL"),
  );
  const select = (["os", "osVersion", "client", "clientVersion", "isManaged", "locale"] as const)
    .map((key) => `${columns[key]} AS "${key}"`)
    .join(", ");
  const rows = await prisma.$queryRawUnsafe<(DeviceStatRow & { organizationId: string })[]>(
    `SELECT d."organizationId"::text AS "organizationId", ${select}, count(*)::int AS total FROM "Device" d
     WHERE d."organizationId" = ANY($1::uuid[]) AND d."wipedAt" IS NULL
       AND ($2::text IS NULL OR d."vendor" = $2::text::"Vendor") ${filter}
     GROUP BY d."organizationId", ${keys.map((key) => columns[key]).join(", ")}
     ORDER BY total DESC, ${keys.map((key) => `"${key}"`).join(", ")}`,
    [...organizationIds],
    request.vendor ?? null,
    ...(value === undefined ? [] : [value]),
  );
  return groupByKeys(organizationIds, rows, (row) => row.organizationId).map((group) => group.map(({ organizationId: _, ...row }) => row));
}

/** The device statistics of one organization, through the request's loader (see {@link deviceStatsOf}). */
export function deviceStats(
  loaders: { readonly deviceStats: DataLoader<DeviceStatsKey, DeviceStatRow[], string> },
  organizationId: string,
  request: DeviceStatsRequest,
): Promise<DeviceStatRow[]> {
  const { discriminator, os, client, vendor } = request;
  // Filters the discriminator ignores are dropped, so equal requests share one cache entry.
  return loaders.deviceStats.load({
    organizationId,
    discriminator,
    os: discriminator === "OS" ? (os ?? null) : null,
    client: discriminator === "CLIENT" ? (client ?? null) : null,
    vendor: vendor ?? null,
  });
}
