import { open, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";

const LOCK_FILE = "gateway.pid";
// A lock file another process has just created may not hold its content yet: it counts as held
// for this long before an unreadable file is taken for a leftover.
const FRESH_FILE_MS = 2_000;
const RETRY_MS = 100;

/** Who holds the store: the pid, and when that process started (so a reused pid is not taken for it). */
interface Holder {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot); undefined where /proc is not readable. */
  readonly startTime?: string | undefined;
}

async function startTimeOf(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(text: string): Holder | undefined {
  const trimmed = text.trim();
  // A bare pid: the file of a gateway from before start times were recorded.
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const { pid, startTime } = JSON.parse(trimmed) as { pid?: unknown; startTime?: unknown };
    if (typeof pid === "number" && Number.isInteger(pid) && pid > 0)
      return { pid, startTime: typeof startTime === "string" ? startTime : undefined };
  } catch {
    // unreadable: nobody holds the store
  }
  return undefined;
}

/**
 * Whether the process named by a lock file still runs. A pid alone can be reused by any process
 * after the holder died, so the process must also have started when the holder did; a file of an
 * older gateway (no start time) counts only while its pid is a Node.js process.
 */
async function stillHolds(holder: Holder): Promise<boolean> {
  if (holder.pid === process.pid || !alive(holder.pid)) return false;
  const startTime = await startTimeOf(holder.pid);
  if (startTime === undefined) return true; // no /proc: the pid is all there is to go by
  if (holder.startTime !== undefined) return holder.startTime === startTime;
  const argv0 = (await readFile(`/proc/${holder.pid}/cmdline`, "utf8").catch(() => "")).split("\0")[0] ?? "";
  return /^node/.test(path.basename(argv0));
}

/**
 * Takes the embedded store in `dataDir` for this process. PGlite has no multi-process locking, so
 * a second process (a CLI command while the gateway runs) could corrupt it; it is refused instead.
 * A lock left by a process that no longer runs (or whose pid another process now has) is taken over.
 * @returns a function that releases the lock.
 * @throws Error naming the process that holds the store.
 */
export async function lockEmbeddedStore(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  const self: Holder = { pid: process.pid, startTime: await startTimeOf(process.pid) };
  for (let attempt = 0; attempt < 2 + FRESH_FILE_MS / RETRY_MS; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(JSON.stringify(self));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = parseHolder(await readFile(file, "utf8").catch(() => ""));
      if (!holder && (await isFresh(file))) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        continue;
      }
      if (holder && (await stillHolds(holder))) {
        throw new Error(
          `the embedded store in ${dataDir} is in use by process ${holder.pid} (a running gateway?); stop it first, ` +
            `or get a token from the running gateway with the GraphQL mutation login(email, password)`,
          { cause: error },
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock the embedded store in ${dataDir}`);
}

async function isFresh(file: string): Promise<boolean> {
  const modified = await stat(file).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  return Date.now() - modified < FRESH_FILE_MS;
}
