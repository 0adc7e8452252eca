import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database, type StoreKind } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrations.js";

/** PostgreSQL server used by the store tests, when the environment names one. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/** The stores every store test runs on: PGlite always, PostgreSQL when a URL is configured. */
export const STORE_KINDS: StoreKind[] = POSTGRES_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestStore {
  readonly db: Database;
  /** The PostgreSQL URL of the fresh database (postgres kind only). */
  readonly url: string | undefined;
  dispose(): Promise<void>;
}

/**
 * A fresh, empty store of the given kind: an in-memory PGlite, or a new database created on
 * the configured PostgreSQL server (dropped again by `dispose`).
 */
export async function createTestStore(kind: StoreKind, options: { migrate?: boolean } = {}): Promise<TestStore> {
  let url: string | undefined;
  let dropDatabase = async () => undefined as void;
  if (kind === "postgres") {
    if (!POSTGRES_URL) throw new Error("no TEST_DATABASE_URL or DATABASE_URL for the postgres store");
    const name = `ug_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const parsed = new URL(POSTGRES_URL);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dropDatabase = () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const db = await openDatabase({ url });
  if (options.migrate ?? true) await applyMigrations(db);
  return {
    db,
    url,
    dispose: async () => {
      await db.close();
      await dropDatabase();
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
