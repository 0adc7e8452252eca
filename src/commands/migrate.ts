import path from "node:path";
import type { Config } from "../config.js";
import { createMigration, schemaDrift } from "../db/migrations.js";
import { openStore } from "../store.js";

/** `usage-gateway migrate`: applies pending migrations; returns their names. */
export async function migrateCommand(config: Config): Promise<{ location: string; applied: string[] }> {
  const { db, applied } = await openStore(config);
  await db.close();
  return { location: db.location, applied };
}

/**
 * `usage-gateway migration <name>`: writes the migration that brings prisma/migrations to
 * schema.prisma. With `check`, writes nothing and fails when such a migration is missing.
 */
export async function migrationCommand(name: string | undefined, options: { check?: boolean }): Promise<string> {
  if (options.check) {
    const drift = await schemaDrift();
    if (drift !== "") throw new Error(`schema.prisma has changes no migration covers; run: npm run db:migration -- <name>\n${drift}`);
    return "migrations match schema.prisma";
  }
  if (!name) throw new Error("give the migration a name, e.g. npm run db:migration -- add_team_budget");
  const folder = await createMigration(name);
  return folder ? `created ${path.relative(process.cwd(), folder)}/migration.sql` : "schema.prisma has no changes: no migration created";
}
