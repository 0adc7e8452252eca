import { pino } from "pino";
import type { Config } from "../config.js";
import { createLogger } from "../logger.js";
import { parseIsoDay } from "../sources/days.js";
import { sourceRuntime } from "../sources/runtime.js";
import { findOrganization, syncOrganization, type SyncResult } from "../sources/sync.service.js";
import { openStore } from "../store.js";
import { VENDOR_SLUGS_TEXT, vendorNamed } from "../vendors/registry.js";
import { formatSyncSummary, syncProgressReporter } from "./sync-progress.js";

export interface SyncCommandOptions {
  org: string;
  vendor?: string;
  since?: string;
  dryRun?: boolean;
}

/**
 * `usage-gateway sync`: pulls the organization's registered sources (or one vendor's), with a
 * progress bar on stderr; returns the summary, which the CLI prints on stdout. Logs go to stderr.
 */
export async function syncCommand(config: Config, options: SyncCommandOptions): Promise<{ text: string; result: SyncResult }> {
  const vendor = options.vendor === undefined ? undefined : vendorNamed(options.vendor);
  if (options.vendor !== undefined && !vendor) throw new Error(`--vendor must be ${VENDOR_SLUGS_TEXT}, not "${options.vendor}"`);
  const since = options.since === undefined ? undefined : parseIsoDay(options.since);
  if (options.since !== undefined && !since) throw new Error(`--since must be a date YYYY-MM-DD, not "${options.since}"`);
  const runtime = sourceRuntime(config);
  const logger = createLogger(config.logLevel, pino.destination(2));
  const { db } = await openStore(config);
  const progress = syncProgressReporter();
  try {
    const organization = await findOrganization(db.prisma, options.org);
    const result = await syncOrganization(
      { prisma: db.prisma, logger, credentialsKey: await runtime.credentialsKey(), http: runtime.http },
      { organization: organization.id, vendor, since, dryRun: options.dryRun, onProgress: progress.onProgress },
    );
    progress.stop();
    return { text: formatSyncSummary(organization.slug, result), result };
  } finally {
    progress.stop();
    await db.close();
  }
}
