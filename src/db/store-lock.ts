import { open, readFile, rm } from "node:fs/promises";
import path from "node:path";

const LOCK_FILE = "gateway.pid";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the embedded store in `dataDir` for this process. PGlite has no multi-process locking, so
 * a second process (a CLI command while the gateway runs) could corrupt it; it is refused instead.
 * A lock left by a process that no longer runs is taken over.
 * @returns a function that releases the lock.
 * @throws Error naming the process that holds the store.
 */
export async function lockEmbeddedStore(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(
          `the embedded store in ${dataDir} is in use by process ${holder} (a running gateway?); stop it first, ` +
            `or get a token from the running gateway with the GraphQL mutation login(email, password)`,
          { cause: error },
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock the embedded store in ${dataDir}`);
}
