import type { Prisma } from "./database.js";

type Executor = Pick<Prisma, "$executeRawUnsafe" | "$queryRawUnsafe">;

interface Definition {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

/**
 * Runs `load` with the indexes, keys and foreign keys of `tables` dropped, then creates them again
 * exactly as they were (same names and definitions, so the schema still matches the migrations).
 * For a bulk load into empty tables inside one transaction (the seed): building an index once
 * from sorted rows is several times cheaper than inserting every row into it, and a foreign key
 * added afterwards is checked in one join instead of once per row. `load` must not rely on the
 * dropped indexes (no ON CONFLICT on them). The tables are locked until the transaction ends.
 */
export async function withoutIndexes<T>(tx: Executor, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const constraints = await tx.$queryRawUnsafe<(Definition & { kind: string })[]>(
    `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition, c.contype::text AS kind
     FROM pg_constraint c WHERE c.conrelid = ANY($1::text[]::regclass[]) AND c.contype IN ('p', 'u', 'f')
     ORDER BY c.contype = 'f' DESC, c.conname`,
    tables,
  );
  const indexes = await tx.$queryRawUnsafe<Definition[]>(
    `SELECT i.indrelid::regclass::text AS "table", i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i WHERE i.indrelid = ANY($1::text[]::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
     ORDER BY 2`,
    tables,
  );
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const c of constraints) await tx.$executeRawUnsafe(`ALTER TABLE ${c.table} DROP CONSTRAINT ${quoted(c.name)}`);
  for (const index of indexes) await tx.$executeRawUnsafe(`DROP INDEX ${index.name}`);
  const result = await load();
  for (const index of indexes) await tx.$executeRawUnsafe(index.definition);
  // Keys before the foreign keys that may refer to them (constraints came foreign keys first).
  for (const c of [...constraints].reverse())
    await tx.$executeRawUnsafe(`ALTER TABLE ${c.table} ADD CONSTRAINT ${quoted(c.name)} ${c.definition}`);
  return result;
}
