import pLimit from "p-limit";
import { touchOrganizations } from "../db/data-version.js";
import type { Prisma } from "../db/database.js";
import type { Vendor } from "../db/generated/enums.js";
import { badInput, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import type { Logger } from "../logger.js";
import { CONNECTORS, credentialsProblem } from "./connectors.js";
import { decryptCredentials } from "./credentials.js";
import { startOfUtcDay } from "./days.js";
import { acquireSyncLease } from "./sync-lease.js";
import type { HttpClientOptions } from "./http-client.js";
import {
  emptyCounts,
  type ConnectorRun,
  type SourceCursor,
  type SourceSyncSummary,
  type SyncCounts,
  type SyncOptions,
} from "./sync.types.js";

/** Longest error text kept per failed unit (Source.lastError holds them all, one per line). */
const MAX_ERROR_LINE = 500;
const MAX_LAST_ERROR = 4_000;

export interface SyncDeps {
  readonly prisma: Prisma;
  readonly logger: Logger;
  /** Decrypts Source.encryptedCredentials. */
  readonly credentialsKey: Buffer;
  /** Vendor request settings (timeout, attempts, concurrency, backoff). */
  readonly http: Omit<HttpClientOptions, "baseUrl" | "headers">;
  readonly now?: () => Date;
}

export interface SyncRequest extends SyncOptions {
  /** Organization id or slug. */
  readonly organization: string;
  /** Only this vendor's source; default every registered source of the organization. */
  readonly vendor?: Vendor;
}

export interface SyncResult extends SyncCounts {
  readonly organizationId: string;
  readonly dryRun: boolean;
  readonly sources: SourceSyncSummary[];
}

const oneLine = (error: unknown) => ((error as Error)?.message ?? String(error)).split("\n")[0]!.slice(0, MAX_ERROR_LINE);

function mergeCursor(cursor: SourceCursor, patch: SourceCursor): SourceCursor {
  const merged: SourceCursor = { ...cursor };
  for (const [key, value] of Object.entries(patch)) {
    const before = merged[key];
    const bothObjects =
      value && before && typeof value === "object" && typeof before === "object" && !Array.isArray(value) && !Array.isArray(before);
    merged[key] = bothObjects ? { ...before, ...value } : value;
  }
  return merged;
}

const asCursor = (value: unknown): SourceCursor =>
  (value && typeof value === "object" && !Array.isArray(value) ? value : {}) as SourceCursor;

/** Finds the organization by id or slug. @throws DomainError NOT_FOUND. */
export async function findOrganization(prisma: Prisma, organization: string): Promise<{ id: string; slug: string }> {
  const found = isUuid(organization)
    ? await prisma.organization.findUnique({ where: { id: organization.toLowerCase() }, select: { id: true, slug: true } })
    : await prisma.organization.findUnique({ where: { slug: organization }, select: { id: true, slug: true } });
  if (!found) throw notFound("organization", organization);
  return found;
}

/**
 * Pulls every registered source of an organization (or one vendor's): each vendor connector runs
 * its units of work, each unit in one transaction through the ingest service, and moves the
 * source's cursor only past committed units. Afterwards the source records lastSyncAt (when no
 * unit failed) and lastError (one line per failed unit, or null). A dry run writes nothing.
 * @throws DomainError NOT_FOUND for an unknown organization, BAD_USER_INPUT when it has no such source.
 */
export async function syncOrganization(deps: SyncDeps, request: SyncRequest): Promise<SyncResult> {
  const { prisma, logger } = deps;
  const organization = await findOrganization(prisma, request.organization);
  const sources = await prisma.source.findMany({
    where: { organizationId: organization.id, ...(request.vendor ? { vendor: request.vendor } : {}) },
    orderBy: { vendor: "asc" },
  });
  if (sources.length === 0) {
    throw badInput(
      `organization ${organization.slug} has no ${request.vendor ?? ""}${request.vendor ? " " : ""}source registered (registerSource)`,
    );
  }
  const until = startOfUtcDay(request.until ?? deps.now?.() ?? new Date());
  const since = request.since ? startOfUtcDay(request.since) : undefined;
  if (since && since >= until) throw badInput(`since must be before today (UTC): only complete days are pulled`, { argument: "since" });
  const dryRun = request.dryRun ?? false;
  const result: SyncResult = { organizationId: organization.id, dryRun, sources: [], ...emptyCounts() };
  let total = 0;
  let done = 0;

  for (const source of sources) {
    const summary: SourceSyncSummary = {
      vendor: source.vendor,
      sourceId: source.id,
      ...emptyCounts(),
      unitsCommitted: 0,
      unitsFailed: 0,
      errors: [],
    };
    result.sources.push(summary);
    const log = logger.child({ sourceId: source.id, vendor: source.vendor, organizationId: organization.id, dryRun });
    let cursor = asCursor(source.cursor);
    const writes = pLimit(1);
    const progress = (unit: string) => request.onProgress?.({ vendor: source.vendor, total, done, unit });
    const fail = (name: string, error: unknown) => {
      summary.unitsFailed++;
      summary.failed++;
      summary.errors.push(`${name}: ${oneLine(error)}`);
      log.warn({ unit: name, err: oneLine(error) }, "sync unit failed");
    };
    // A dry run writes nothing, so it needs no lease; a real run re-reads the cursor once it holds one.
    const lease = dryRun ? null : await acquireSyncLease(prisma, source.id);
    if (lease && "heldUntil" in lease) {
      fail(
        "source",
        new Error(
          `another sync of this source is running (its lease ends ${lease.heldUntil.toISOString()} at the latest); try again later`,
        ),
      );
      result.failed += summary.failed;
      continue;
    }
    if (lease) {
      cursor = asCursor((await prisma.source.findUniqueOrThrow({ where: { id: source.id }, select: { cursor: true } })).cursor);
    }
    try {
      const connector = CONNECTORS[source.vendor];
      if (!source.baseUrl) throw new Error("the source has no baseUrl (registerSource)");
      if (!source.encryptedCredentials) throw new Error("the source has no credentials (registerSource with credentials)");
      const credentials = decryptCredentials(source.encryptedCredentials, deps.credentialsKey, organization.id, source.vendor);
      const problem = credentialsProblem(source.vendor, credentials);
      if (problem) throw new Error(problem);
      const run: ConnectorRun = {
        prisma,
        logger: log,
        organizationId: organization.id,
        source: { id: source.id, baseUrl: source.baseUrl, externalId: source.externalId, cursor },
        credentials,
        http: { ...deps.http, onRetry: (event) => log.info({ ...event }, "retrying vendor request") },
        since,
        until,
        dryRun,
        summary,
        planned(count) {
          total += count;
          progress("");
        },
        async unit(name, work) {
          try {
            await work();
            summary.unitsCommitted++;
            return true;
          } catch (error) {
            fail(name, error);
            return false;
          } finally {
            done++;
            progress(name);
            await lease?.renew();
          }
        },
        write: (work) => writes(work),
        async saveCursor(patch) {
          cursor = mergeCursor(cursor, patch);
          // tsc needs the cast (a cursor is not a Prisma InputJsonValue to it); typescript-eslint's view of the generated client does not.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          if (!dryRun) await prisma.source.update({ where: { id: source.id }, data: { cursor: cursor as object } });
        },
      };
      await connector.sync(run);
    } catch (error) {
      fail("source", error);
    }
    if (!dryRun) {
      const lastError = summary.errors.length === 0 ? null : summary.errors.join("\n").slice(0, MAX_LAST_ERROR);
      try {
        await prisma.source.update({
          where: { id: source.id },
          data: { lastError, ...(summary.unitsFailed === 0 ? { lastSyncAt: deps.now?.() ?? new Date() } : {}) },
        });
      } finally {
        // After everything the connector committed (organization, license, snapshots, the source).
        await touchOrganizations(prisma, [organization.id]);
        await lease?.release();
      }
    }
    for (const key of ["fetched", "created", "updated", "skipped", "failed"] as const) result[key] += summary[key];
    log.info({ ...summary, errors: summary.errors.length }, "source synced");
  }
  return result;
}
