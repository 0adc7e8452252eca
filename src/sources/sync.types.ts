import type { Prisma } from "../db/database.js";
import type { Vendor } from "../db/generated/enums.js";
import type { Logger } from "../logger.js";
import type { SourceCredentials } from "./credentials.js";
import type { HttpClientOptions } from "./http-client.js";

/** What one sync of one source did. Counted in records: teams, users, licenses, snapshots and usage events. */
export interface SyncCounts {
  /** Records read from the vendor. */
  fetched: number;
  /** Records the store did not have. */
  created: number;
  /** Records the store had with other values. */
  updated: number;
  /** Records the store already had as they are (replays), or that cannot be mapped. */
  skipped: number;
  /** Units of work that failed (nothing of such a unit is written), plus records the store refused. */
  failed: number;
}

export interface SourceSyncSummary extends SyncCounts {
  readonly vendor: Vendor;
  readonly sourceId: string;
  /** Units of work (directory, one user's usage window, ...) committed, and failed. */
  unitsCommitted: number;
  unitsFailed: number;
  /** One line per failed unit (also stored on Source.lastError). */
  readonly errors: string[];
}

export interface SyncProgress {
  readonly vendor: Vendor;
  /** Units of work known so far (grows as the directory is read) and finished (committed or failed). */
  readonly total: number;
  readonly done: number;
  readonly unit: string;
}

/** Per-source connector progress kept in Source.cursor, so the next sync resumes. */
export type SourceCursor = Record<string, unknown>;

export interface SyncOptions {
  /** First day (UTC) to pull usage from; overrides the stored cursor. Default: the cursor, else DEFAULT_LOOKBACK_DAYS ago. */
  readonly since?: Date;
  /** Fetch and count, write nothing (not even the cursor). */
  readonly dryRun?: boolean;
  /** Exclusive end of the usage pulled: the start of the current UTC day (only complete days are pulled). */
  readonly until?: Date;
  readonly onProgress?: (progress: SyncProgress) => void;
}

/** Everything a vendor connector gets for one run. */
export interface ConnectorRun {
  readonly prisma: Prisma;
  readonly logger: Logger;
  readonly organizationId: string;
  readonly source: { readonly id: string; readonly baseUrl: string; readonly externalId: string | null; readonly cursor: SourceCursor };
  readonly credentials: SourceCredentials;
  readonly http: Omit<HttpClientOptions, "baseUrl" | "headers">;
  readonly since: Date | undefined;
  readonly until: Date;
  readonly dryRun: boolean;
  readonly summary: SourceSyncSummary;
  /** Registers `count` more units of work (for the progress bar). */
  planned(count: number): void;
  /** Runs one unit of work: its failure is counted and recorded, never thrown; returns whether it committed. */
  unit(name: string, work: () => Promise<void>): Promise<boolean>;
  /** Runs store writes one at a time (vendor requests run concurrently, transactions do not). */
  write<T>(work: () => Promise<T>): Promise<T>;
  /** Stores a new cursor (merged into the stored one); a no-op in a dry run. */
  saveCursor(patch: SourceCursor): Promise<void>;
}

export const emptyCounts = (): SyncCounts => ({ fetched: 0, created: 0, updated: 0, skipped: 0, failed: 0 });

/** A vendor's pull connector: what it needs to call the vendor, and the sync of one source. */
export interface Connector {
  /** Why `credentials` cannot call the vendor, or undefined when they can. */
  credentialsProblem(credentials: SourceCredentials): string | undefined;
  sync(run: ConnectorRun): Promise<void>;
}
