import type { Prisma } from "./database.js";

type Executor = Pick<Prisma, "$executeRawUnsafe">;

/**
 * Raises the data version of the given organizations. Every writer calls it in (or right after
 * committing) the transaction that changed an organization's data, so a cached answer keyed on
 * an older version is never served again. Ids are sorted: concurrent writers then take the
 * organization rows in the same order and cannot deadlock on them.
 */
export async function touchOrganizations(db: Executor, organizationIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(organizationIds)].sort();
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(
    `WITH locked AS (SELECT "id" FROM "Organization" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR NO KEY UPDATE)
     UPDATE "Organization" o SET "dataVersion" = o."dataVersion" + 1 FROM locked WHERE o."id" = locked."id"`,
    ids,
  );
}

/**
 * What the data an organization's members can see is at now: its data version and the
 * row's transaction stamp (`xmin`), which also changes when the organization is deleted and
 * created again with the same id. With no organization id: the same over every organization
 * (what a SUPERADMIN can see).
 */
export async function dataVersionOf(db: Pick<Prisma, "$queryRawUnsafe">, organizationId: string | null): Promise<string> {
  const rows = organizationId
    ? await db.$queryRawUnsafe<{ version: string }[]>(
        `SELECT "dataVersion"::text || ':' || xmin::text AS version FROM "Organization" WHERE "id" = $1::uuid`,
        organizationId,
      )
    : await db.$queryRawUnsafe<{ version: string }[]>(
        `SELECT count(*)::text || ':' || md5(coalesce(string_agg("id"::text || ':' || "dataVersion"::text || ':' || xmin::text, ',' ORDER BY "id"), '')) AS version
       FROM "Organization"`,
      );
  return rows[0]?.version ?? "none";
}
