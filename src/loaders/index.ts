import DataLoader from "dataloader";
import type { Prisma } from "../db/database.js";
import type { Device, Identity, License, Organization, Source, Team, User } from "../db/generated/client.js";
import type { Role, UserStatus, Vendor } from "../db/generated/enums.js";
import type { UsageKey, UsageSeriesData } from "../usage/usage.types.js";
import { isUuid } from "../ids.js";
import { groupByKeys, orderByKeys, partition } from "../db/batch.js";
import { loadPages, type Page, type PageRequest } from "../db/pagination.js";
import { createStatisticsLoaders, type StatisticsLoaders } from "./statistics.loaders.js";
import { createUsageLoader } from "./usage.loader.js";

/** Filters of an organization's or team's user list. */
export interface UserFilter {
  readonly teamAssigned?: boolean | null;
  readonly statuses?: readonly UserStatus[] | null;
  readonly roles?: readonly Role[] | null;
  /** Users with an identity at this vendor (with this vendor role, when given). */
  readonly vendor?: Vendor | null;
  readonly vendorRole?: string | null;
}

/** Orders of an organization's teams: by name, or in creation order (Tabnine's, docs/vendors/tabnine.md §3.2). */
export const TeamOrder = { NAME: "NAME", CREATED: "CREATED" } as const;
export type TeamOrder = (typeof TeamOrder)[keyof typeof TeamOrder];

export interface TeamPageKey extends PageRequest {
  readonly organizationId: string;
  readonly order: TeamOrder;
}

// Sort keys are text: creation instants in toISOString() form (fixed width, so text order is time order).
const TEAM_SORT = {
  NAME: { sql: { sortColumn: `"name"` }, keyOf: (team: Team) => team.name },
  CREATED: {
    sql: { sortColumn: `"createdAt"`, sortExpression: `to_char(b."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` },
    keyOf: (team: Team) => team.createdAt.toISOString(),
  },
} as const;

export interface UserPageKey extends PageRequest {
  readonly parent: "organization" | "team";
  readonly parentId: string;
  readonly filter: UserFilter;
}

export interface TeamCounts {
  readonly registered: number;
  readonly deactivated: number;
  readonly invited: number;
  readonly total: number;
}

/** Every loader of a request. Created fresh per request: caches never outlive it. */
export interface Loaders extends StatisticsLoaders {
  readonly organizationById: DataLoader<string, Organization | null>;
  readonly teamById: DataLoader<string, Team | null>;
  readonly userById: DataLoader<string, User | null>;
  readonly sourcesByOrganizationId: DataLoader<string, Source[]>;
  readonly licensesByOrganizationId: DataLoader<string, License[]>;
  readonly identitiesByUserId: DataLoader<string, Identity[]>;
  readonly devicesByUserId: DataLoader<string, Device[]>;
  readonly teamCountsByTeamId: DataLoader<string, TeamCounts>;
  readonly teamPage: DataLoader<TeamPageKey, Page<Team>, string>;
  readonly userPage: DataLoader<UserPageKey, Page<User>, string>;
  readonly usageSeries: DataLoader<UsageKey, UsageSeriesData, string>;
}

// Ids that are not UUIDs name no object: they load as null and never reach the database.
const byId = <T extends { id: string }>(find: (ids: string[]) => Promise<T[]>) =>
  new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    return orderByKeys(ids, valid.length ? await find(valid) : [], (row) => row.id, null);
  });

const listBy = <T>(find: (ids: string[]) => Promise<T[]>, keyOf: (row: T) => string) =>
  new DataLoader<string, T[]>(async (ids) => groupByKeys(ids, await find([...ids]), keyOf));

function userWhere(filter: UserFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.teamAssigned === true) conditions.push(`b."teamId" IS NOT NULL`);
  if (filter.teamAssigned === false) conditions.push(`b."teamId" IS NULL`);
  if (filter.statuses?.length) {
    params.push(filter.statuses);
    conditions.push(`b."status" = ANY($${4 + params.length}::text[]::"UserStatus"[])`);
  }
  if (filter.roles?.length) {
    params.push(filter.roles);
    conditions.push(`b."role" = ANY($${4 + params.length}::text[]::"Role"[])`);
  }
  if (filter.vendor) {
    params.push(filter.vendor);
    let identity = `i."userId" = b."id" AND i."vendor" = $${4 + params.length}::text::"Vendor"`;
    if (filter.vendorRole !== null && filter.vendorRole !== undefined) {
      params.push(filter.vendorRole);
      identity += ` AND i."vendorRole" = $${4 + params.length}::text`;
    }
    conditions.push(`EXISTS (SELECT 1 FROM "Identity" i WHERE ${identity})`);
  }
  return { sql: conditions.join(" AND "), params };
}

const pageGroup = (key: PageRequest) => `${key.first}|${key.offset}|${key.after ?? ""}`;

export function createLoaders(prisma: Prisma): Loaders {
  return {
    organizationById: byId((ids) => prisma.organization.findMany({ where: { id: { in: ids } } })),
    teamById: byId((ids) => prisma.team.findMany({ where: { id: { in: ids } } })),
    userById: byId((ids) => prisma.user.findMany({ where: { id: { in: ids } } })),
    sourcesByOrganizationId: listBy(
      (ids) => prisma.source.findMany({ where: { organizationId: { in: ids } }, orderBy: { vendor: "asc" } }),
      (row) => row.organizationId,
    ),
    licensesByOrganizationId: listBy(
      (ids) => prisma.license.findMany({ where: { organizationId: { in: ids } }, orderBy: { vendor: "asc" } }),
      (row) => row.organizationId,
    ),
    identitiesByUserId: listBy(
      (ids) => prisma.identity.findMany({ where: { userId: { in: ids } }, orderBy: { vendor: "asc" } }),
      (row) => row.userId,
    ),
    devicesByUserId: listBy(
      (ids) => prisma.device.findMany({ where: { userId: { in: ids } }, orderBy: [{ vendor: "asc" }, { firstSeenAt: "asc" }] }),
      (row) => row.userId,
    ),
    teamCountsByTeamId: new DataLoader<string, TeamCounts>(async (ids) => {
      const rows = await prisma.user.groupBy({ by: ["teamId", "status"], where: { teamId: { in: [...ids] } }, _count: { _all: true } });
      return ids.map((id) => {
        const count = (status: UserStatus) => rows.find((row) => row.teamId === id && row.status === status)?._count._all ?? 0;
        const registered = count("REGISTERED");
        const deactivated = count("DEACTIVATED");
        const invited = count("PENDING");
        return { registered, deactivated, invited, total: registered + deactivated + invited };
      });
    }),
    teamPage: new DataLoader<TeamPageKey, Page<Team>, string>(
      async (keys) => {
        const results = new Array<Page<Team>>(keys.length);
        for (const group of partition(keys, (key) => `${key.order}|${pageGroup(key)}`).values()) {
          const sort = TEAM_SORT[group[0]!.key.order];
          const pages = await loadPages<Team>(
            prisma,
            { table: `"Team"`, parentColumn: `"organizationId"`, ...sort.sql },
            group.map(({ key }) => key.organizationId),
            group[0]!.key,
            sort.keyOf,
          );
          group.forEach(({ index }, i) => (results[index] = pages[i]!));
        }
        return results;
      },
      { cacheKeyFn: (key) => `${key.organizationId}|${key.order}|${pageGroup(key)}` },
    ),
    userPage: new DataLoader<UserPageKey, Page<User>, string>(
      async (keys) => {
        const results = new Array<Page<User>>(keys.length);
        const groupOf = (key: UserPageKey) => `${key.parent}|${pageGroup(key)}|${JSON.stringify(key.filter)}`;
        for (const group of partition(keys, groupOf).values()) {
          const first = group[0]!.key;
          const where = userWhere(first.filter);
          const pages = await loadPages<User>(
            prisma,
            {
              table: `"User"`,
              parentColumn: first.parent === "organization" ? `"organizationId"` : `"teamId"`,
              sortColumn: `"email"`,
              where: where.sql || undefined,
              params: where.params,
            },
            group.map(({ key }) => key.parentId),
            first,
            (user) => user.email,
          );
          group.forEach(({ index }, i) => (results[index] = pages[i]!));
        }
        return results;
      },
      { cacheKeyFn: (key) => `${key.parent}|${key.parentId}|${pageGroup(key)}|${JSON.stringify(key.filter)}` },
    ),
    usageSeries: createUsageLoader(prisma),
    ...createStatisticsLoaders(prisma),
  };
}
