import pg from "pg";
import type { Logger } from "../logger.js";

/** The advisory lock held by the one gateway instance allowed to run on generated secrets. */
const LOCK_KEY = "usage-gateway:generated-secrets";

/**
 * Secrets generated into DATA_DIR (JWT_SECRET, SOURCE_CREDENTIALS_KEY left unset) are per machine: a
 * second instance would sign tokens another one rejects and could not read the credentials it stored.
 * On PostgreSQL the first instance holds a session advisory lock while it runs; another instance with
 * generated secrets on the same database is refused with one line saying what to set. Returns the
 * release function.
 */
export async function claimGeneratedSecrets(url: string, generated: readonly string[], logger: Logger): Promise<() => Promise<void>> {
  // Keep-alive probes keep an idle connection (and with it the lock) from being dropped silently.
  const client = new pg.Client({ connectionString: url, keepAlive: true });
  let releasing = false;
  const lost = (reason: string) => {
    if (!releasing)
      logger.error({ reason }, `lost the lock that keeps a second instance with generated secrets out; set ${generated.join(" and ")}`);
  };
  client.on("error", (error: Error) => lost(error.message));
  client.on("end", () => lost("connection closed"));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked", [LOCK_KEY]);
    if (!rows[0]?.locked) {
      throw new Error(
        `another gateway instance runs on this database with generated secrets; instances must share them: ` +
          `set ${generated.join(" and ")} to the same value on every instance`,
      );
    }
  } catch (error) {
    releasing = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return () => {
    releasing = true;
    return client.end().catch(() => undefined);
  };
}
