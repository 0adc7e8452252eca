import { Presets, SingleBar } from "cli-progress";
import type { SyncResult } from "../sources/sync.service.js";
import type { SyncProgress } from "../sources/sync.types.js";

/**
 * Shows sync progress on stderr: a bar of units of work on a terminal (its total grows as the
 * directory is read), one line per vendor at the start otherwise. Returns the callback and `stop`.
 */
export function syncProgressReporter(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) {
    const announced = new Set<string>();
    return {
      onProgress: (p: SyncProgress) => {
        if (announced.has(p.vendor)) return;
        announced.add(p.vendor);
        stream.write(`sync: ${p.vendor}...\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    { format: "syncing [{bar}] {value}/{total} units | {vendor} | {unit}", stream, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p: SyncProgress) => {
      const unit = p.unit.length > 60 ? `${p.unit.slice(0, 57)}...` : p.unit;
      if (!started) {
        bar.start(p.total, p.done, { vendor: p.vendor, unit });
        started = true;
      }
      bar.setTotal(p.total);
      bar.update(p.done, { vendor: p.vendor, unit });
    },
    stop: () => started && bar.stop(),
  };
}

/** The end-of-sync summary: one row per source and a total, then the errors. */
export function formatSyncSummary(slug: string, result: SyncResult): string {
  const columns = ["fetched", "created", "updated", "skipped", "failed"] as const;
  const row = (name: string, counts: Record<(typeof columns)[number], number>) =>
    name.padEnd(12) + columns.map((c) => String(counts[c]).padStart(9)).join("");
  const lines = [
    `sync ${slug}${result.dryRun ? " (dry run: nothing written)" : ""}`,
    "source".padEnd(12) + columns.map((c) => c.padStart(9)).join(""),
    ...result.sources.map((s) => row(s.vendor, s)),
    row("total", result),
  ];
  const errors = result.sources.flatMap((s) => s.errors.map((e) => `  ${s.vendor} ${e}`));
  if (errors.length > 0) lines.push("errors (recorded on the source; the next sync retries them):", ...errors);
  return lines.join("\n");
}
