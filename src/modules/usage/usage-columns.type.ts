import { Field, Float, GraphQLISODateTime, ObjectType } from "type-graphql";
import { UsageMetric, Vendor } from "../shared/enums.js";
import type { UsageMetricName } from "../../usage/usage.metrics.js";
import type { Vendor as VendorName } from "../../db/generated/enums.js";

@ObjectType({ simpleResolvers: true, description: "One metric of one vendor over every bucket of a series: a chart's data set." })
export class UsageColumn {
  @Field(() => UsageMetric, { description: "The metric." })
  metric!: UsageMetricName;

  @Field(() => Vendor, { description: "The vendor that reported it." })
  vendor!: VendorName;

  @Field(() => [Float], { description: "One value per bucket, in the order of `UsageColumns.from` (0 for an empty bucket)." })
  values!: number[];

  @Field(() => Float, { description: "The value over the whole range, as in `UsageSeries.totals`." })
  total!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The same series in columns, as chart libraries take it: the bucket bounds once, then one list of numbers per vendor × metric.",
})
export class UsageColumns {
  @Field(() => [GraphQLISODateTime], { description: "Bucket starts, ascending (the first is the range's `from` when clipped)." })
  from!: Date[];

  @Field(() => [GraphQLISODateTime], {
    description: "Bucket ends (exclusive), in the same order (the last is the range's `to` when clipped).",
  })
  to!: Date[];

  @Field(() => [UsageColumn], { description: "One column per requested metric and vendor, in the order of `UsagePoint.values`." })
  columns!: UsageColumn[];
}
