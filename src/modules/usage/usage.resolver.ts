import { FieldResolver, Resolver, Root } from "type-graphql";
import { seriesColumns } from "../../usage/usage.columns.js";
import type { UsageSeriesData } from "../../usage/usage.types.js";
import { UsageColumns } from "./usage-columns.type.js";
import { UsageSeries } from "./usage.type.js";

@Resolver(() => UsageSeries)
export class UsageSeriesResolver {
  @FieldResolver(() => UsageColumns, {
    description:
      "The series in columns (bucket bounds once, one list of numbers per vendor × metric), for charts: same numbers as `points`.",
  })
  columns(@Root() series: UsageSeriesData): UsageColumns {
    return seriesColumns(series);
  }
}
