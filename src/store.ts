import { access, constants, mkdir } from "node:fs/promises";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/database.js";
import { applyMigrations } from "./db/migrations.js";
import { lockEmbeddedStore } from "./db/store-lock.js";

/** Creates `dir` if needed and proves it is writable, with a message that names the variable. */
export async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw new Error(`DATA_DIR ${dir} is not a writable directory (${code})`, { cause: error });
  }
}

/**
 * Opens the configured store (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR) and
 * brings its schema up to date. Returns the names of the migrations this call applied.
 */
export async function openStore(config: Config): Promise<{ db: Database; applied: string[] }> {
  await ensureWritableDir(config.database.dataDir);
  // The embedded store belongs to one process at a time; PostgreSQL handles its own concurrency.
  const unlock = config.database.url ? async () => undefined : await lockEmbeddedStore(config.database.dataDir);
  let opened: Database;
  try {
    opened = await openDatabase({
      url: config.database.url,
      dataDir: config.database.dataDir,
      statementTimeoutMs: config.database.statementTimeoutMs,
      poolSize: config.database.poolSize,
      poolTimeoutMs: config.database.poolTimeoutMs,
      requestTimeoutMs: config.database.requestTimeoutMs,
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  const db: Database = { ...opened, close: () => opened.close().finally(unlock) };
  try {
    return { db, applied: await applyMigrations(db) };
  } catch (error) {
    await db.close();
    throw new Error(`migrating ${db.location} failed: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
}

/** Opens the configured store for one piece of work (a CLI command) and closes it afterwards. */
export async function withStore<T>(config: Config, work: (prisma: Database["prisma"]) => Promise<T>): Promise<T> {
  const { db } = await openStore(config);
  try {
    return await work(db.prisma);
  } finally {
    await db.close();
  }
}
