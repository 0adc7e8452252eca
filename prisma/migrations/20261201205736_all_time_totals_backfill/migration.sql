-- Backfill of the TOTAL grain (a migration of its own: a new enum value can only be used once
-- the migration that added it has committed). The organizations all-time sums from their daily
-- rollups, their all-time user sets from their daily sets, as src/usage/rollups.ts and
-- src/usage/user-sets.ts maintain them from here on. All-time rows keep no samples count (0).
INSERT INTO "UsageRollup" ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "roomType", "bucketStart", "value", "samples")
SELECT "organizationId", 'TOTAL', 'ORGANIZATION', "organizationId", "metric", "vendor", "roomType", '1970-01-01T00:00:00Z', sum("value"), 0
FROM "UsageRollup" WHERE "grain" = 'DAY' AND "scope" = 'ORGANIZATION'
GROUP BY "organizationId", "metric", "vendor", "roomType";

INSERT INTO "UsageUserSet" ("organizationId", "grain", "scope", "scopeId", "metric", "vendor", "bucketStart", "users")
SELECT "organizationId", 'TOTAL', 'ORGANIZATION', "organizationId", "metric", "vendor", '1970-01-01T00:00:00Z', bit_or("users")
FROM "UsageUserSet" WHERE "grain" = 'DAY' AND "scope" = 'ORGANIZATION'
GROUP BY "organizationId", "metric", "vendor";
