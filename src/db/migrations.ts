import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Database } from "./database.js";
import { startSchemaEngine } from "./schema-engine.js";

/** `prisma/` of this checkout: the schema and Prisma's standard migrations folder. */
export const PRISMA_DIR = fileURLToPath(new URL("../../prisma/", import.meta.url));
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const LOCKFILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

async function readSchema(): Promise<{ path: string; content: string }> {
  return { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") };
}

/** Loads `prisma/migrations` in the shape the schema engine takes (folders in name order). */
export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockfile = await readFile(path.join(dir, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(dir, folder, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** Names of the migrations in `prisma/migrations`, in the order they apply. */
export async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const list = await readMigrationList(dir);
  return list.migrationDirectories.map((migration) => migration.path);
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: Awaited<ReturnType<typeof startSchemaEngine>>) => Promise<T>,
): Promise<T> {
  const engine = await startSchemaEngine(adapterFactory, await readSchema());
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/**
 * Applies every migration the database has not seen, recording them in Prisma's
 * `_prisma_migrations` table (so `prisma migrate deploy` stays compatible). Idempotent.
 * @returns the names of the migrations applied by this call (empty when up to date).
 */
export async function applyMigrations(db: Pick<Database, "adapterFactory">, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`no migrations found in ${dir}`);
  }
  return withEngine(db.adapterFactory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/** Migrations present on disk that the database has not finished applying. */
export async function pendingMigrations(db: Pick<Database, "prisma">, dir = MIGRATIONS_DIR): Promise<string[]> {
  const expected = await migrationNames(dir);
  let applied: { migration_name: string }[];
  try {
    applied = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
  } catch {
    return expected; // no migrations table yet
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return expected.filter((name) => !done.has(name));
}

/**
 * The SQL that would bring a database built from the migrations to `schema.prisma`: empty
 * when the migrations are complete. Runs on a throw-away in-memory store.
 */
export async function schemaDrift(dir = MIGRATIONS_DIR): Promise<string> {
  const scratch = new PGlite();
  try {
    const migrationsList = await readMigrationList(dir);
    return await withEngine(new PrismaPGlite(scratch), async (engine) => {
      const schema = await readSchema();
      const from =
        migrationsList.migrationDirectories.length > 0 ? { tag: "migrations" as const, ...migrationsList } : { tag: "empty" as const };
      const result = await engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return meaningfulSql(result.stdout ?? "");
    });
  } finally {
    await scratch.close();
  }
}

function meaningfulSql(script: string): string {
  const statements = script.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return statements.length === 0 ? "" : script.trim() + "\n";
}

/**
 * Writes `prisma/migrations/<UTC timestamp>_<name>/migration.sql` with the SQL that brings the
 * existing migrations to `schema.prisma`. Returns undefined when there is nothing to migrate.
 */
export async function createMigration(name: string, dir = MIGRATIONS_DIR, now = new Date()): Promise<string | undefined> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`migration name "${name}" must be lower-case letters, digits and underscores`);
  }
  const sql = await schemaDrift(dir);
  if (sql === "") return undefined;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = path.join(dir, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  await writeFile(
    path.join(dir, LOCKFILE),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return folder;
}
