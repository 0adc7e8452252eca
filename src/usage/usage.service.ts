import type DataLoader from "dataloader";
import type { Vendor } from "../db/generated/enums.js";
import type { Resolution } from "./resolution.js";
import { METRIC_VENDORS, USAGE_METRICS, type UsageMetricName } from "./usage.metrics.js";
import { usageBuckets, usageTimeZone } from "./usage.series.js";
import type { UsageKey, UsageScope, UsageSeriesData } from "./usage.types.js";

/** The request loaders a usage field reads through (the request's `Loaders` has both). */
export interface UsageLoaders {
  readonly sourcesByOrganizationId: DataLoader<string, readonly { readonly vendor: Vendor }[]>;
  readonly usageSeries: DataLoader<UsageKey, UsageSeriesData, string>;
}

/** Arguments of every `usage(...)` field. */
export interface UsageRequest {
  readonly from: Date;
  readonly to: Date;
  readonly resolution: Resolution;
  readonly vendor?: Vendor | null;
  readonly metrics?: readonly UsageMetricName[] | null;
  /** IANA zone of the buckets; omitted or null: UTC. */
  readonly timeZone?: string | null;
}

/**
 * Resolves a `usage` field through the request's loaders. Vendors default to those the
 * organization has sources for; metrics default to every metric of those vendors.
 */
export async function loadUsage(
  loaders: UsageLoaders,
  scope: UsageScope,
  scopeId: string,
  organizationId: string,
  request: UsageRequest,
): Promise<UsageSeriesData> {
  const timeZone = usageTimeZone(request.timeZone);
  usageBuckets(request.from, request.to, request.resolution, timeZone);
  const vendors = request.vendor
    ? [request.vendor]
    : (await loaders.sourcesByOrganizationId.load(organizationId)).map((source) => source.vendor);
  const metrics = request.metrics?.length
    ? [...new Set(request.metrics)]
    : USAGE_METRICS.filter((metric) => METRIC_VENDORS[metric].some((vendor) => vendors.includes(vendor)));
  return loaders.usageSeries.load({
    scope,
    scopeId,
    organizationId,
    from: request.from,
    to: request.to,
    resolution: request.resolution,
    timeZone,
    vendors,
    metrics,
  });
}
