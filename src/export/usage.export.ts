import type { OperationRunner } from "../rest/execute.js";
import { notFound } from "../errors.js";
import { enumerateBuckets, type Resolution } from "../usage/resolution.js";
import { rollupGrain } from "../usage/usage.queries.js";
import { canonicalTimeZone, UTC } from "../usage/time-zone.js";
import {
  ExportOrganizationUsageDocument,
  ExportTeamScopeDocument,
  ExportTeamUsageDocument,
  ExportUserScopeDocument,
  ExportUserUsageDocument,
  type ExportUsagePointsFragment,
} from "./__generated__/operations.js";
import { csvRecord, csvRecords } from "./csv.js";
import { organizationSlug } from "./scope.js";
import type { UsageQuery } from "./params.js";

/** Buckets asked of GraphQL per operation: the rows of one page of the CSV. */
export const USAGE_BUCKETS_PER_PAGE = 500;

export const USAGE_HEADER = ["bucket_start", "bucket_end", "vendor", "metric", "value"] as const;

type UsageRange = Pick<UsageQuery, "from" | "to" | "resolution" | "vendor" | "metrics" | "timeZone">;

/**
 * The range split at bucket boundaries into pages of `perPage` buckets. Every bucket is then
 * answered exactly as in one operation over the whole range, provided each page reads the same
 * rollups as the whole range would (rollupGrain): always at HOUR and on a local calendar (hourly
 * rollups), and at UTC DAY/WEEK/MONTH over whole UTC days; otherwise the range stays one page.
 * An invalid range or zone is one page too, so that GraphQL refuses it with its own error.
 */
export function usagePages(
  from: string,
  to: string,
  resolution: Resolution,
  timeZone = UTC,
  perPage = USAGE_BUCKETS_PER_PAGE,
): { from: string; to: string }[] {
  const start = new Date(from);
  const end = new Date(to);
  let buckets;
  try {
    buckets = enumerateBuckets(start, end, resolution, timeZone);
  } catch {
    return [{ from, to }];
  }
  const grain = rollupGrain(start, end, resolution, timeZone).grain;
  if (resolution !== "HOUR" && timeZone === UTC && grain !== "DAY") return [{ from, to }];
  const pages: { from: string; to: string }[] = [];
  for (let at = 0; at < buckets.length; at += perPage) {
    const page = buckets.slice(at, at + perPage);
    pages.push({ from: page[0]!.from.toISOString(), to: page[page.length - 1]!.to.toISOString() });
  }
  return pages;
}

/** Whose usage: the organization's, a team's or a user's, as the query says. */
export type UsageScope =
  { readonly kind: "ORGANIZATION"; readonly organizationId?: string } | { readonly kind: "TEAM" | "USER"; readonly id: string };

/**
 * The scope of a usage query and its organization's slug. A team or user is looked up through
 * GraphQL (refused as GraphQL refuses it); with `organization` it must belong to that organization.
 */
export async function exportScope(
  run: OperationRunner,
  query: Pick<UsageQuery, "team" | "user" | "organization">,
): Promise<{ scope: UsageScope; slug: string }> {
  const lookup = query.team
    ? { kind: "TEAM" as const, id: query.team, found: (await run(ExportTeamScopeDocument, { teamId: query.team })).team }
    : query.user
      ? { kind: "USER" as const, id: query.user, found: (await run(ExportUserScopeDocument, { userId: query.user })).user }
      : undefined;
  if (!lookup) {
    return { scope: { kind: "ORGANIZATION", organizationId: query.organization }, slug: await organizationSlug(run, query.organization) };
  }
  const { kind, id, found } = lookup;
  const what = kind === "TEAM" ? "team" : "user";
  if (!found || (query.organization !== undefined && found.organization.id !== query.organization)) throw notFound(what, id);
  return { scope: { kind, id }, slug: found.organization.slug };
}

async function usagePage(run: OperationRunner, scope: UsageScope, variables: UsageRange): Promise<ExportUsagePointsFragment> {
  const range = {
    from: variables.from,
    to: variables.to,
    resolution: variables.resolution,
    vendor: variables.vendor,
    metrics: variables.metrics,
    timeZone: variables.timeZone,
  };
  switch (scope.kind) {
    case "ORGANIZATION":
      return (await run(ExportOrganizationUsageDocument, { organizationId: scope.organizationId, ...range })).organization!.usage;
    case "TEAM":
      return (await run(ExportTeamUsageDocument, { teamId: scope.id, ...range })).team!.usage;
    case "USER":
      return (await run(ExportUserUsageDocument, { userId: scope.id, ...range })).user!.usage;
  }
}

/** usage.csv: one row per bucket × vendor × metric, in GraphQL's order, one page of buckets at a time. */
export async function* usageCsv(run: OperationRunner, scope: UsageScope, query: UsageRange): AsyncGenerator<string> {
  let header = csvRecord(USAGE_HEADER);
  for (const page of usagePages(query.from, query.to, query.resolution, pagingZone(query.timeZone))) {
    const series = await usagePage(run, scope, { ...query, ...page });
    yield (
      header +
      csvRecords(
        series.points.flatMap((point) => point.values.map((value) => [point.from, point.to, value.vendor, value.metric, value.value])),
      )
    );
    header = "";
  }
}

/** The zone pages are cut in; a name GraphQL will refuse is passed as it is (one page, refused there). */
function pagingZone(name: string | undefined): string {
  if (name === undefined) return UTC;
  try {
    return canonicalTimeZone(name);
  } catch {
    return name;
  }
}
