import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDatabase, type Database, type StoreKind } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { runSeed } from "../../src/seed/run.js";
import type { SeedOptions } from "../../src/seed/options.js";
import { TEST_SEED } from "./test-seed.js";
import { adminQuery as runOnServer, type StoreTemplates } from "./store-templates.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Built once per run by test/global-setup.ts (integration tests). */
    storeTemplates: StoreTemplates | undefined;
  }
}

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
 * A fresh store of the given kind: an in-memory PGlite, or a new database created on the
 * configured PostgreSQL server (dropped again by `dispose`); migrated unless `migrate: false`,
 * and seeded with `seed`. Migrated stores, and stores seeded with TEST_SEED, start from the
 * run's templates (test/global-setup.ts) when there are any: the same data, without migrating
 * and seeding again.
 */
export async function createTestStore(kind: StoreKind, options: { migrate?: boolean; seed?: SeedOptions } = {}): Promise<TestStore> {
  const migrate = options.migrate ?? true;
  const templates = migrate ? inject("storeTemplates") : undefined;
  const fromTemplate = options.seed === undefined || options.seed === TEST_SEED ? (options.seed ? "seeded" : "migrated") : null;
  let url: string | undefined;
  let dropDatabase = async () => undefined as void;
  let template: string | undefined;
  if (kind === "postgres") {
    if (!POSTGRES_URL) throw new Error("no TEST_DATABASE_URL or DATABASE_URL for the postgres store");
    const name = `ug_test_${randomBytes(6).toString("hex")}`;
    template = fromTemplate && templates?.postgres ? templates.postgres[fromTemplate] : undefined;
    await adminQuery(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    const parsed = new URL(POSTGRES_URL);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dropDatabase = () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else template = fromTemplate && templates ? templates.pglite[fromTemplate] : undefined;
  const db = await openDatabase({ url, pgliteImage: kind === "pglite" ? template : undefined });
  if (!template) {
    if (migrate) await applyMigrations(db);
    if (options.seed) await runSeed(db.prisma, options.seed);
  }
  return {
    db,
    url,
    dispose: async () => {
      await db.close();
      await dropDatabase();
    },
  };
}

const adminQuery = (sql: string) => runOnServer(POSTGRES_URL!, sql);
