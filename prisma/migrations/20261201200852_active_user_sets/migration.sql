-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "userOrdinals" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "userSetBits" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "UserOrdinal" (
    "userId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "UserOrdinal_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "UsageUserSet" (
    "organizationId" UUID NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "scope" "RollupScope" NOT NULL,
    "scopeId" UUID NOT NULL,
    "metric" "UsageMetric" NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "bucketStart" TIMESTAMPTZ(3) NOT NULL,
    "users" BIT VARYING NOT NULL,

    CONSTRAINT "UsageUserSet_pkey" PRIMARY KEY ("organizationId","grain","scope","scopeId","metric","vendor","bucketStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "UserOrdinal_organizationId_ordinal_key" ON "UserOrdinal"("organizationId", "ordinal");

-- AddForeignKey
ALTER TABLE "UserOrdinal" ADD CONSTRAINT "UserOrdinal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageUserSet" ADD CONSTRAINT "UsageUserSet_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the stored events (the same rows rebuildUserSets in src/usage/user-sets.ts
-- writes): ordinals in user id order per organization, bitmaps a power of two of at least 64
-- bits long, one per hour and UTC day per organization and per team of the event.
INSERT INTO "UserOrdinal" ("userId", "organizationId", "ordinal")
SELECT s.usr, s.org, (row_number() OVER (PARTITION BY s.org ORDER BY s.usr) - 1)::int
FROM (SELECT DISTINCT "userId" AS usr, "organizationId" AS org FROM "UsageEvent"
      WHERE "userId" IS NOT NULL AND "metric" IN ('ACTIVE_USERS', 'COMPLETION_ACTIVE_USERS', 'CHAT_ACTIVE_USERS')) s;

UPDATE "Organization" o SET "userOrdinals" = c.n, "userSetBits" = greatest(64, power(2, ceil(log(2, c.n::numeric)))::int)
FROM (SELECT "organizationId", count(*)::int AS n FROM "UserOrdinal" GROUP BY 1) c WHERE o."id" = c."organizationId";

INSERT INTO "UsageUserSet" ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "bucketStart", "users")
SELECT e."organizationId", g.grain, s.scope, s.id, e."metric", e."vendor",
       date_trunc(CASE WHEN g.grain = 'HOUR' THEN 'hour' ELSE 'day' END, e."occurredAt", 'UTC'),
       bit_or(set_bit(repeat('0', o."userSetBits")::varbit, u."ordinal", 1))
FROM "UsageEvent" e
JOIN "UserOrdinal" u ON u."userId" = e."userId"
JOIN "Organization" o ON o."id" = e."organizationId"
CROSS JOIN (VALUES ('HOUR'::"RollupGrain"), ('DAY'::"RollupGrain")) AS g(grain)
CROSS JOIN LATERAL (VALUES ('ORGANIZATION'::"RollupScope", e."organizationId"), ('TEAM'::"RollupScope", e."teamId")) AS s(scope, id)
WHERE s.id IS NOT NULL AND e."metric" IN ('ACTIVE_USERS', 'COMPLETION_ACTIVE_USERS', 'CHAT_ACTIVE_USERS')
GROUP BY 1, 2, 3, 4, 5, 6, 7;
