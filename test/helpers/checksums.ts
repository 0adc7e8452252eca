import type { Prisma } from "../../src/db/database.js";

// Columns whose values the database assigns (serial ids, now()) are left out: they differ
// between runs by design. Everything the seed decides is included.
const TABLES: Record<string, string> = {
  // dataVersion is the response cache's bookkeeping (raised by every write), not data.
  Organization: `SELECT (to_jsonb(t) - 'dataVersion')::text FROM "Organization" t`,
  Source: `SELECT t::text FROM "Source" t`,
  Team: `SELECT t::text FROM "Team" t`,
  User: `SELECT t::text FROM "User" t`,
  Identity: `SELECT t::text FROM "Identity" t`,
  Device: `SELECT t::text FROM "Device" t`,
  UsageEvent: `SELECT concat_ws(',', "organizationId", "vendor", "metric", "roomType", "userId", "teamId", "occurredAt", "value", "idempotencyKey") FROM "UsageEvent"`,
  UsageRollup: `SELECT t::text FROM "UsageRollup" t`,
  UserOrdinal: `SELECT t::text FROM "UserOrdinal" t`,
  UsageUserSet: `SELECT t::text FROM "UsageUserSet" t`,
  WorkspaceStatisticsSnapshot: `SELECT t::text FROM "WorkspaceStatisticsSnapshot" t`,
  License: `SELECT t::text FROM "License" t`,
  AccountUtilization: `SELECT t::text FROM "AccountUtilization" t`,
};

/** Row count and an order-independent MD5 of every seeded table, with timestamps rendered in UTC. */
export async function tableChecksums(prisma: Prisma): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const [table, select] of Object.entries(TABLES)) {
    const [, rows] = await prisma.$transaction([
      prisma.$executeRawUnsafe(`SET LOCAL TIME ZONE 'UTC'`),
      prisma.$queryRawUnsafe<{ rows: number; md5: string | null }[]>(
        `SELECT count(*)::int AS rows, md5(string_agg(r, '|' ORDER BY r)) AS md5 FROM (${select}) AS s(r)`,
      ),
    ]);
    result[table] = { rows: rows[0]!.rows, md5: rows[0]!.md5 ?? "" };
  }
  return result;
}
