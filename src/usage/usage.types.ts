/** The shapes of the usage domain: what a series covers, the rows SQL answers, the series built from them. */
import type { Vendor } from "../db/generated/enums.js";
import type { Resolution } from "./resolution.js";
import type { UsageMetricName } from "./usage.metrics.js";

/** Whose usage a series describes: an organization, a team (its members) or one user. */
export type UsageScope = "ORGANIZATION" | "TEAM" | "USER";

/** What a usage series covers: [from, to) at a resolution on a zone's calendar, for some vendors and metrics. */
export interface UsageRange {
  readonly scope: UsageScope;
  readonly from: Date;
  readonly to: Date;
  readonly resolution: Resolution;
  /** IANA name the buckets are aligned in (`UTC` unless asked). */
  readonly timeZone: string;
  readonly vendors: readonly Vendor[];
  readonly metrics: readonly UsageMetricName[];
}

/** Usage of many scopes of one kind over the same range. */
export interface UsageQuery extends UsageRange {
  readonly scopeIds: readonly string[];
  /** The organizations of those scopes (used to reach the primary-key prefix, and for ratios). */
  readonly organizationIds: readonly string[];
}

/** One aggregated value; `bucket` null is the total over the whole range. */
export interface UsageRow {
  readonly scopeId: string;
  readonly metric: UsageMetricName;
  readonly vendor: Vendor;
  readonly bucket: Date | null;
  readonly value: number;
}

/** What one `usage(...)` field asks for. */
export interface UsageKey extends UsageRange {
  readonly scopeId: string;
  readonly organizationId: string;
}

/** One metric of one vendor in one bucket, or over the whole range. */
export interface UsageValue {
  readonly metric: UsageMetricName;
  readonly vendor: Vendor;
  readonly value: number;
}

/** One bucket [from, to) of a series. */
export interface UsagePointData {
  readonly from: Date;
  readonly to: Date;
  readonly values: UsageValue[];
}

/** A zero-filled series: every bucket of the range, and the totals over it. */
export interface UsageSeriesData {
  readonly from: Date;
  readonly to: Date;
  readonly resolution: Resolution;
  readonly timeZone: string;
  readonly points: UsagePointData[];
  /** Over the whole range: sums, distinct users over the range (not a sum of buckets), weighted ratios. */
  readonly totals: UsageValue[];
}
