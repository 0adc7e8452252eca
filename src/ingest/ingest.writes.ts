import { touchOrganizations } from "../db/data-version.js";
import type { Prisma } from "../db/database.js";
import { rollUpRowsSql } from "../usage/rollups.js";
import { DISTINCT_METRICS_SQL, recordActiveUsers, type ActiveUserEvent } from "../usage/user-sets.js";
import { writeOrganizationSettings } from "./ingest.organizations.js";
import type { IngestPlan } from "./ingest.references.js";

type Executor = Pick<Prisma, "$executeRawUnsafe" | "$queryRawUnsafe">;

// Every statement takes its rows already sorted by the conflict key (WITH ORDINALITY keeps the
// array order), so concurrent batches lock shared rows in the same order.

const TEAMS_SQL = `
INSERT INTO "Team" ("id", "organizationId", "name", "updatedAt")
SELECT v.id, v.org, v.name, now() FROM unnest($1::uuid[], $2::uuid[], $3::text[]) WITH ORDINALITY AS v(id, org, name, n) ORDER BY v.n
ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "updatedAt" = now()
  WHERE "Team"."organizationId" = EXCLUDED."organizationId" AND "Team"."name" IS DISTINCT FROM EXCLUDED."name"`;

// Known users (by email): given fields overwrite stored ones, absent (null) fields keep them.
// Role, password and presence are never set by ingestion.
const UPDATE_USERS_SQL = `
WITH locked AS (SELECT "id" FROM "User" WHERE "email" = ANY($1::text[]) ORDER BY "email" FOR UPDATE)
UPDATE "User" u SET "username" = coalesce(v.username, u."username"), "firstName" = coalesce(v.first, u."firstName"),
  "lastName" = coalesce(v.last, u."lastName"), "teamId" = coalesce(v.team, u."teamId"), "status" = coalesce(v.status, u."status"),
  "locale" = coalesce(v.locale, u."locale"), "updatedAt" = now()
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[]::"UserStatus"[], $7::text[])
  AS v(email, username, first, last, team, status, locale), locked l
WHERE u."email" = v.email AND l."id" = u."id"`;

// New users get the email's local part as username and empty names unless given.
const INSERT_USERS_SQL = `
INSERT INTO "User" ("id", "organizationId", "email", "username", "firstName", "lastName", "teamId", "status", "locale", "updatedAt")
SELECT v.id, v.org, v.email, coalesce(v.username, split_part(v.email, '@', 1)), coalesce(v.first, ''), coalesce(v.last, ''),
       v.team, coalesce(v.status, 'REGISTERED'::"UserStatus"), v.locale, now()
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[]::"UserStatus"[], $9::text[])
  WITH ORDINALITY AS v(id, org, email, username, first, last, team, status, locale, n)
ORDER BY v.n
ON CONFLICT ("email") DO NOTHING`;

const IDENTITIES_SQL = `
INSERT INTO "Identity" ("id", "organizationId", "userId", "vendor", "externalId", "vendorRole")
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]::"Vendor"[], $5::text[], $6::text[])
ON CONFLICT DO NOTHING`;

const DEVICES_SQL = `
INSERT INTO "Device" ("id", "organizationId", "userId", "vendor", "externalId", "os", "osVersion", "client", "clientVersion", "managed", "locale", "firstSeenAt", "lastSeenAt")
SELECT gen_random_uuid(), v.org, v.usr, v.vendor, v.ext, v.os, v.osv, v.client, v.cv, v.managed, v.locale, v.first, v.last
FROM unnest($1::uuid[], $2::uuid[], $3::text[]::"Vendor"[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::text[],
            $11::timestamptz[], $12::timestamptz[]) WITH ORDINALITY AS v(org, usr, vendor, ext, os, osv, client, cv, managed, locale, first, last, n)
ORDER BY v.n
ON CONFLICT ("organizationId", "vendor", "externalId") DO UPDATE SET
  "userId" = EXCLUDED."userId", "os" = EXCLUDED."os", "osVersion" = EXCLUDED."osVersion", "client" = EXCLUDED."client",
  "clientVersion" = EXCLUDED."clientVersion", "managed" = EXCLUDED."managed", "locale" = EXCLUDED."locale",
  "firstSeenAt" = least("Device"."firstSeenAt", EXCLUDED."firstSeenAt"), "lastSeenAt" = greatest("Device"."lastSeenAt", EXCLUDED."lastSeenAt")`;

// Inserts the events, skipping known idempotency keys, and rolls up exactly the rows inserted.
// A concurrent transaction inserting the same key makes this one wait for it, then skip the key.
const EVENTS_SQL = `
WITH inserted AS (
  INSERT INTO "UsageEvent" ("organizationId", "vendor", "metric", "roomType", "userId", "teamId", "occurredAt", "value", "idempotencyKey")
  SELECT v.org, v.vendor, v.metric, v.room, v.usr, v.team, v.at, v.value, v.key
  FROM unnest($1::uuid[], $2::text[]::"Vendor"[], $3::text[]::"UsageMetric"[], $4::text[]::"RoomType"[], $5::uuid[], $6::uuid[],
              $7::timestamptz[], $8::float8[], $9::text[]) WITH ORDINALITY AS v(org, vendor, metric, room, usr, team, at, value, key, n)
  ORDER BY v.n
  ON CONFLICT ("organizationId", "idempotencyKey") DO NOTHING
  RETURNING *
), rolled AS (${rollUpRowsSql("inserted")}
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted,
       (SELECT count(*) FROM rolled)::int AS rollups,
       (SELECT array_agg(u ORDER BY u) FROM (SELECT DISTINCT "userId"::text AS u FROM inserted WHERE "userId" IS NOT NULL) s) AS "userIds",
       (SELECT array_agg(at ORDER BY u) FROM (SELECT "userId"::text AS u, max("occurredAt")::text AS at FROM inserted WHERE "userId" IS NOT NULL GROUP BY 1) s) AS "lastActive",
       (SELECT json_agg(json_build_object('organizationId', "organizationId", 'userId', "userId", 'teamId', "teamId", 'metric', "metric",
          'vendor', "vendor", 'occurredAt', "occurredAt")) FROM inserted
        WHERE "userId" IS NOT NULL AND "metric" IN (${DISTINCT_METRICS_SQL})) AS "activeUsers"`;

// Locks, in id order (the order every batch uses), only the users whose lastActiveAt moves
// forward, then moves it. Replays and older events lock nothing.
const LAST_ACTIVE_SQL = `
WITH v AS (SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at)),
locked AS (
  SELECT u."id", v.at FROM "User" u JOIN v ON v.id = u."id"
  WHERE u."lastActiveAt" IS NULL OR u."lastActiveAt" < v.at ORDER BY u."id" FOR UPDATE OF u)
UPDATE "User" u SET "lastActiveAt" = greatest(u."lastActiveAt", l.at) FROM locked l WHERE u."id" = l."id"`;

export interface WriteCounts {
  readonly inserted: number;
  readonly rollups: number;
}

/**
 * Applies a resolved batch inside the caller's transaction: directory upserts first, then events
 * and rollups, then organization settings (after their rows are locked in id order).
 */
export async function writePlan(tx: Executor, plan: IngestPlan): Promise<WriteCounts> {
  const { organizations, teams, users, identities, devices, events } = plan;
  if (teams.length > 0)
    await tx.$executeRawUnsafe(
      TEAMS_SQL,
      teams.map((t) => t.id),
      teams.map((t) => t.organizationId),
      teams.map((t) => t.name),
    );
  if (users.length > 0) await upsertUsers(tx, users);
  if (identities.length > 0) {
    const column = <K extends keyof (typeof identities)[number]>(key: K) => identities.map((i) => i[key]);
    await tx.$executeRawUnsafe(
      IDENTITIES_SQL,
      column("id"),
      column("organizationId"),
      column("userId"),
      column("vendor"),
      column("externalId"),
      column("vendorRole"),
    );
  }
  if (devices.length > 0) {
    await tx.$executeRawUnsafe(
      DEVICES_SQL,
      devices.map((d) => d.organizationId),
      devices.map((d) => d.userId),
      devices.map((d) => d.vendor),
      devices.map((d) => d.externalId),
      devices.map((d) => d.os),
      devices.map((d) => d.osVersion ?? ""),
      devices.map((d) => d.client),
      devices.map((d) => d.clientVersion ?? ""),
      devices.map((d) => d.managed ?? false),
      devices.map((d) => d.locale ?? ""),
      devices.map((d) => d.firstSeenAt.toISOString()),
      devices.map((d) => d.lastSeenAt.toISOString()),
    );
  }
  const directory = [
    ...organizations.map((o) => o.id),
    ...[...teams, ...users, ...identities, ...devices].map((record) => record.organizationId),
  ];
  if (events.length === 0) {
    await touchOrganizations(tx, directory);
    await writeOrganizationSettings(tx, organizations);
    return { inserted: 0, rollups: 0 };
  }
  const [result] = await tx.$queryRawUnsafe<
    { inserted: number; rollups: number; userIds: string[] | null; lastActive: string[] | null; activeUsers: ActiveUserEvent[] | null }[]
  >(
    EVENTS_SQL,
    events.map((e) => e.organizationId),
    events.map((e) => e.vendor),
    events.map((e) => e.metric),
    events.map((e) => e.roomType),
    events.map((e) => e.userId),
    events.map((e) => e.teamId),
    events.map((e) => e.occurredAt.toISOString()),
    events.map((e) => e.value),
    events.map((e) => e.idempotencyKey),
  );
  if (result?.userIds?.length) await tx.$executeRawUnsafe(LAST_ACTIVE_SQL, result.userIds, result.lastActive);
  // Last, so the organization rows are held only from here to the commit. A replay (nothing
  // inserted, no directory records) changes nothing, its version included.
  await touchOrganizations(tx, result?.inserted ? [...directory, ...events.map((e) => e.organizationId)] : directory);
  // Under the organization rows just locked: the distinct users of the inserted events.
  await recordActiveUsers(tx, result?.activeUsers ?? []);
  await writeOrganizationSettings(tx, organizations);
  return { inserted: result?.inserted ?? 0, rollups: result?.rollups ?? 0 };
}

async function upsertUsers(tx: Executor, users: IngestPlan["users"]): Promise<void> {
  const known = users.filter((u) => u.exists);
  const fresh = users.filter((u) => !u.exists);
  const fields = (list: IngestPlan["users"]) => [
    list.map((u) => u.username ?? null),
    list.map((u) => u.firstName ?? null),
    list.map((u) => u.lastName ?? null),
    list.map((u) => u.teamId ?? null),
    list.map((u) => u.status ?? null),
    list.map((u) => u.locale ?? null),
  ];
  if (known.length > 0)
    await tx.$executeRawUnsafe(
      UPDATE_USERS_SQL,
      known.map((u) => u.email),
      ...fields(known),
    );
  if (fresh.length > 0) {
    await tx.$executeRawUnsafe(
      INSERT_USERS_SQL,
      fresh.map((u) => u.id),
      fresh.map((u) => u.organizationId),
      fresh.map((u) => u.email),
      ...fields(fresh),
    );
  }
}
