import type { UsageSeriesData, UsageValue } from "./usage.types.js";

/** A series turned into columns: bucket bounds once, one list of values per metric × vendor. */
export interface UsageColumnsData {
  readonly from: Date[];
  readonly to: Date[];
  readonly columns: (Pick<UsageValue, "metric" | "vendor"> & { readonly values: number[]; readonly total: number })[];
}

/** The columns of `series`, in the order of its points' values (every point lists the same pairs in the same order). */
export function seriesColumns(series: UsageSeriesData): UsageColumnsData {
  return {
    from: series.points.map((point) => point.from),
    to: series.points.map((point) => point.to),
    columns: series.totals.map(({ metric, vendor, value }, index) => ({
      metric,
      vendor,
      values: series.points.map((point) => point.values[index]!.value),
      total: value,
    })),
  };
}
