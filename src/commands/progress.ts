import { SingleBar, Presets } from "cli-progress";
import type { SeedProgress } from "../seed/run.js";

/**
 * Shows seed progress on stderr: a bar on a terminal, one line per organization and phase
 * otherwise (CI logs). Returns the callback and a `stop` to clear the bar.
 */
export function seedProgressReporter(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) {
    return {
      onProgress: (p: SeedProgress) =>
        stream.write(`seed: organization ${p.organization}/${p.organizations} ${p.phase} (${p.events.toLocaleString("en")} events)\n`),
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    { format: "seeding [{bar}] {value}/{total} organizations | {phase} | {events} events", stream, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p: SeedProgress) => {
      if (!started) {
        bar.start(p.organizations, 0, { phase: p.phase, events: "0" });
        started = true;
      }
      const done = p.phase === "done" ? p.organizations : p.organization - 1;
      bar.update(done, { phase: p.phase, events: p.events.toLocaleString("en") });
    },
    stop: () => started && bar.stop(),
  };
}
