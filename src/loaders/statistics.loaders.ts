import DataLoader from "dataloader";
import type { Prisma } from "../db/database.js";
import type { WorkspaceStatisticsSnapshot } from "../db/generated/client.js";
import {
  accountUtilizationOf,
  lastUsagesOf,
  type AccountUtilizationData,
  type AccountUtilizationKey,
  type LastUsageData,
  type LastUsagesKey,
} from "../statistics/accounts.service.js";
import { calendarSeriesOf, type CalendarKey, type CalendarSeriesData } from "../statistics/calendar.service.js";
import { dailyActiveUsersOf, type DailyActiveUsersData, type DailyActiveUsersKey } from "../statistics/daily-active-users.service.js";
import { deviceStatsOf, type DeviceStatRow, type DeviceStatsKey } from "../statistics/device-stats.service.js";
import { statisticsHistoryOf, type HistoryKey } from "../statistics/snapshot-history.service.js";
import { workspaceStatisticsOf, type WorkspaceStatisticsData, type WorkspaceStatisticsKey } from "../statistics/workspace.service.js";
import { partition } from "../db/batch.js";
import type { Page } from "../db/pagination.js";

/** The loaders of the Organization statistics fields: keys are an organization plus the field's arguments. */
export interface StatisticsLoaders {
  readonly workspaceStatistics: DataLoader<WorkspaceStatisticsKey, WorkspaceStatisticsData, string>;
  readonly deviceStats: DataLoader<DeviceStatsKey, DeviceStatRow[], string>;
  readonly calendarSeries: DataLoader<CalendarKey, CalendarSeriesData, string>;
  readonly lastUsages: DataLoader<LastUsagesKey, LastUsageData[], string>;
  readonly accountUtilization: DataLoader<AccountUtilizationKey, AccountUtilizationData[], string>;
  readonly dailyActiveUsers: DataLoader<DailyActiveUsersKey, DailyActiveUsersData[], string>;
  readonly statisticsHistory: DataLoader<HistoryKey, Page<WorkspaceStatisticsSnapshot>, string>;
}

type OrganizationKey = { readonly organizationId: string };

// Keys are built field by field in a fixed order, so equal arguments give equal JSON.
const argumentsOf = ({ organizationId: _, ...args }: OrganizationKey) => JSON.stringify(args);

/**
 * A loader of `{ organizationId, ...arguments }` keys: keys with equal arguments share one call
 * of `load` with all their organizations (answering in the order of the ids it is given), so a
 * list of N organizations costs the statements of one. Results come back in key order; when a
 * call fails, only the keys of that call fail, with its error.
 */
function byOrganization<K extends OrganizationKey, V>(load: (organizationIds: string[], key: K) => Promise<V[]>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const results = new Array<V | Error>(keys.length);
      await Promise.all(
        [...partition(keys, argumentsOf).values()].map(async (group) => {
          const ids = [...new Set(group.map(({ key }) => key.organizationId))];
          try {
            const values = await load(ids, group[0]!.key);
            const byId = new Map(ids.map((id, i) => [id, values[i]!]));
            for (const { key, index } of group) results[index] = byId.get(key.organizationId)!;
          } catch (error) {
            for (const { index } of group) results[index] = error instanceof Error ? error : new Error(String(error));
          }
        }),
      );
      return results;
    },
    { cacheKeyFn: (key) => `${key.organizationId}|${argumentsOf(key)}` },
  );
}

/** Fresh statistics loaders for one request. */
export function createStatisticsLoaders(prisma: Prisma): StatisticsLoaders {
  return {
    workspaceStatistics: byOrganization((ids, key) => workspaceStatisticsOf(prisma, ids, key.vendor)),
    deviceStats: byOrganization((ids, key) => deviceStatsOf(prisma, ids, key)),
    calendarSeries: byOrganization((ids, key) => calendarSeriesOf(prisma, ids, key)),
    lastUsages: byOrganization((ids, key) => lastUsagesOf(prisma, ids, key.vendor)),
    accountUtilization: byOrganization((ids, key) => accountUtilizationOf(prisma, ids, key.start)),
    dailyActiveUsers: byOrganization((ids, key) => dailyActiveUsersOf(prisma, ids, key, key.vendor)),
    statisticsHistory: byOrganization((ids, key) => statisticsHistoryOf(prisma, ids, key)),
  };
}
