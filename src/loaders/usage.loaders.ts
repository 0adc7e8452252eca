import DataLoader from "dataloader";
import type { Prisma } from "../db/database.js";
import { fetchUsageRows } from "../modules/usage/usage.queries.js";
import { buildSeries, usageCacheKey, usageGroupKey, type UsageKey, type UsageSeriesData } from "../modules/usage/usage.service.js";
import { partition } from "./batch.js";

/**
 * usageSeries: one series per key, in key order. Keys of the same scope kind, range and resolution
 * (e.g. every user of a list asking for the same 30 days) share at most three statements.
 */
export function createUsageLoader(prisma: Prisma): DataLoader<UsageKey, UsageSeriesData, string> {
  return new DataLoader<UsageKey, UsageSeriesData, string>(
    async (keys) => {
      const results: (UsageSeriesData | Error)[] = new Array(keys.length);
      await Promise.all(
        [...partition(keys, usageGroupKey).values()].map(async (group) => {
          const first = group[0]!.key;
          const { rows, ratioRows } = await fetchUsageRows(prisma, {
            ...first,
            scopeIds: [...new Set(group.map(({ key }) => key.scopeId))],
            organizationIds: [...new Set(group.map(({ key }) => key.organizationId))],
            vendors: [...new Set(group.flatMap(({ key }) => key.vendors))],
            metrics: [...new Set(group.flatMap(({ key }) => key.metrics))],
          });
          for (const { key, index } of group) {
            try {
              results[index] = buildSeries(key, rows, ratioRows);
            } catch (error) {
              results[index] = error as Error;
            }
          }
        }),
      );
      return results;
    },
    { cacheKeyFn: usageCacheKey },
  );
}
