import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { runSeed } from "../../src/seed/run.js";
import type { SeedOptions } from "../../src/seed/options.js";

/**
 * Migrated (and migrated + seeded) stores built once per test run, which test stores start from
 * instead of migrating and seeding again in every file: PGlite data directory dumps, loaded into
 * memory, and PostgreSQL template databases, cloned by CREATE DATABASE … TEMPLATE.
 */
export interface StoreTemplates {
  readonly pglite: { readonly migrated: string; readonly seeded: string };
  readonly postgres: { readonly migrated: string; readonly seeded: string } | null;
}

async function dumpPglite(dir: string, file: string): Promise<void> {
  const db = await PGlite.create(dir);
  try {
    const dump = await db.dumpDataDir("none");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Runs one statement on the PostgreSQL server at `url` (CREATE/DROP DATABASE). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

/** Builds the templates in a new temporary directory (and on `postgresUrl`'s server when given). */
export async function buildStoreTemplates(seed: SeedOptions, postgresUrl: string | undefined): Promise<StoreTemplates> {
  const dir = await mkdtemp(path.join(tmpdir(), "ug-store-templates-"));
  const dataDir = path.join(dir, "data");
  const lite = await openDatabase({ dataDir });
  await applyMigrations(lite);
  await lite.close();
  const pglite = { migrated: path.join(dir, "migrated.tar"), seeded: path.join(dir, "seeded.tar") };
  await dumpPglite(path.join(dataDir, "pglite"), pglite.migrated);
  const seededLite = await openDatabase({ dataDir });
  await runSeed(seededLite.prisma, seed);
  await seededLite.close();
  await dumpPglite(path.join(dataDir, "pglite"), pglite.seeded);
  await rm(dataDir, { recursive: true, force: true });

  if (!postgresUrl) return { pglite, postgres: null };
  const prefix = `ug_template_${randomBytes(4).toString("hex")}`;
  const postgres = { migrated: `${prefix}_migrated`, seeded: `${prefix}_seeded` };
  await adminQuery(postgresUrl, `CREATE DATABASE "${postgres.migrated}"`);
  const server = await openDatabase({ url: withDatabase(postgresUrl, postgres.migrated) });
  await applyMigrations(server);
  await server.close();
  await adminQuery(postgresUrl, `CREATE DATABASE "${postgres.seeded}" TEMPLATE "${postgres.migrated}"`);
  const seededServer = await openDatabase({ url: withDatabase(postgresUrl, postgres.seeded) });
  await runSeed(seededServer.prisma, seed);
  await seededServer.close();
  return { pglite, postgres };
}

/** Removes what buildStoreTemplates made. */
export async function removeStoreTemplates(templates: StoreTemplates, postgresUrl: string | undefined): Promise<void> {
  await rm(path.dirname(templates.pglite.migrated), { recursive: true, force: true });
  if (templates.postgres && postgresUrl)
    for (const name of Object.values(templates.postgres)) await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
