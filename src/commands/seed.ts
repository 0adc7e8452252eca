import type { Config } from "../config.js";
import { resolveSeedOptions, isSeedPreset, type SeedOptions } from "../seed/options.js";
import { runSeed, wipeStore, type SeedSummary } from "../seed/run.js";
import { openStore } from "../store.js";
import { seedProgressReporter } from "./progress.js";

export interface SeedCommandOptions {
  preset: string;
  organizations?: string;
  users?: string;
  teams?: string;
  days?: string;
  endDate?: string;
  seed?: string;
  snapshotDays?: string;
  reset?: boolean;
}

export function seedOptionsFrom(options: SeedCommandOptions): SeedOptions {
  if (!isSeedPreset(options.preset)) throw new Error(`unknown preset "${options.preset}" (demo, medium, large or tiny)`);
  return resolveSeedOptions(options.preset, {
    organizations: options.organizations,
    usersPerOrganization: options.users,
    teamsPerOrganization: options.teams,
    days: options.days,
    endDate: options.endDate,
    seed: options.seed,
    snapshotDays: options.snapshotDays,
  });
}

/** `usage-gateway seed`: fills the (empty, or wiped with --reset) store with demo data. */
export async function seedCommand(config: Config, options: SeedCommandOptions): Promise<SeedSummary> {
  const seedOptions = seedOptionsFrom(options);
  const { db } = await openStore(config);
  const progress = seedProgressReporter();
  const started = Date.now();
  try {
    if (options.reset) await wipeStore(db.prisma);
    const summary = await runSeed(db.prisma, seedOptions, progress.onProgress);
    progress.stop();
    process.stderr.write(
      `seeded ${db.location}: ${summary.organizations} organizations, ${summary.users} users, ` +
        `${summary.events.toLocaleString("en")} usage events, ${summary.rollups.toLocaleString("en")} rollups, ` +
        `${summary.snapshots} statistics snapshots in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return summary;
  } finally {
    progress.stop();
    await db.close();
  }
}
