import DataLoader from "dataloader";
import type { Prisma } from "../db/database.js";
import { fetchUsageRows } from "../usage/usage.queries.js";
import { buildSeries, usageCacheKey, usageGroupKey } from "../usage/usage.series.js";
import type { UsageKey, UsageRow, UsageSeriesData } from "../usage/usage.types.js";
import { partition } from "../db/batch.js";

function groupRows(rows: readonly UsageRow[]): Map<string, UsageRow[]> {
  const groups = new Map<string, UsageRow[]>();
  for (const row of rows) {
    const group = groups.get(row.scopeId);
    if (group) group.push(row);
    else groups.set(row.scopeId, [row]);
  }
  return groups;
}

/**
 * usageSeries: one series per key, in key order. Keys of the same scope kind, range and resolution
 * (e.g. every user of a list asking for the same 30 days) share at most three statements.
 */
export function createUsageLoader(prisma: Prisma): DataLoader<UsageKey, UsageSeriesData, string> {
  return new DataLoader<UsageKey, UsageSeriesData, string>(
    async (keys) => {
      const results = new Array<UsageSeriesData | Error>(keys.length);
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
          // Group once: each series reads only its own rows (the group may hold thousands of scopes).
          const byScope = groupRows(rows);
          const byOrganization = groupRows(ratioRows);
          for (const { key, index } of group) {
            try {
              results[index] = buildSeries(key, byScope.get(key.scopeId) ?? [], byOrganization.get(key.organizationId) ?? []);
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
