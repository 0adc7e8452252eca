import { ArgsType, Field, Float, GraphQLISODateTime, ObjectType } from "type-graphql";
import { Resolution, UsageMetric, Vendor } from "../shared/enums.js";
import type { UsageMetricName } from "../../usage/usage.metrics.js";

@ArgsType()
export class UsageArgs {
  @Field(() => GraphQLISODateTime, { description: "Start of the range, inclusive (ISO 8601, UTC)." })
  from!: Date;

  @Field(() => GraphQLISODateTime, { description: "End of the range, exclusive. Must be later than `from`." })
  to!: Date;

  @Field(() => Resolution, { description: "Bucket size. At most 10,000 buckets per series." })
  resolution!: Resolution;

  @Field(() => Vendor, { nullable: true, description: "Only this vendor. Default: every vendor the organization uses." })
  vendor?: Vendor | null;

  @Field(() => [UsageMetric], { nullable: true, description: "Only these metrics. Default: every metric of the selected vendors." })
  metrics?: UsageMetricName[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "IANA time zone whose calendar DAY, WEEK and MONTH buckets follow (e.g. `Europe/Berlin`: local midnights, DST days of 23 and 25 hours). " +
      "Default: UTC. Zones whole hours from UTC only (usage is rolled up by the hour).",
  })
  timeZone?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "One metric of one vendor in one bucket (or over the whole range)." })
export class UsageValue {
  @Field(() => UsageMetric, { description: "The metric." })
  metric!: UsageMetricName;

  @Field(() => Vendor, { description: "The vendor that reported it. Values of different vendors are never merged." })
  vendor!: Vendor;

  @Field(() => Float, { description: "The value: a sum, a distinct-user count or a ratio, as the metric says. 0 for an empty bucket." })
  value!: number;
}

@ObjectType({ simpleResolvers: true, description: "One bucket of a usage series." })
export class UsagePoint {
  @Field(() => GraphQLISODateTime, { description: "Bucket start (inclusive); the range's `from` for a clipped first bucket." })
  from!: Date;

  @Field(() => GraphQLISODateTime, { description: "Bucket end (exclusive); the range's `to` for a clipped last bucket." })
  to!: Date;

  @Field(() => [UsageValue], { description: "One value per requested metric and vendor, in a stable order." })
  values!: UsageValue[];
}

@ObjectType({ simpleResolvers: true, description: "Usage over a range: one point per bucket, empty buckets as zeros, ascending." })
export class UsageSeries {
  @Field(() => GraphQLISODateTime, { description: "Start of the range (inclusive)." })
  from!: Date;

  @Field(() => GraphQLISODateTime, { description: "End of the range (exclusive)." })
  to!: Date;

  @Field(() => Resolution, { description: "Bucket size." })
  resolution!: Resolution;

  @Field(() => String, { description: "The IANA time zone the buckets are aligned in (`UTC` unless asked)." })
  timeZone!: string;

  @Field(() => [UsagePoint], { description: "Buckets in ascending order." })
  points!: UsagePoint[];

  @Field(() => [UsageValue], {
    description: "Values over the whole range: sums, distinct users over the range (not a sum of buckets), weighted ratios.",
  })
  totals!: UsageValue[];
}
