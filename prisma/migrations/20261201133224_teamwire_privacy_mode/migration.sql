-- CreateEnum
CREATE TYPE "TeamwirePrivacyMode" AS ENUM ('ADDRESS_BOOK_ONLY', 'INTERNAL_AND_EXTERNAL', 'INTERNAL_ONLY', 'GROUPS_ONLY');

-- AlterTable: the free-text column becomes the enum, keeping what each organization had
-- (docs/vendors/teamwire.md, Vendor material and deviations). Teamwire strings (from a sync) and
-- the identifiers keep their mode, whatever their case or spacing. The old demo value strict
-- becomes INTERNAL_ONLY. The old default standard and anything else become INTERNAL_AND_EXTERNAL,
-- the unrestricted mode. (No quotes or semicolons in these comments: some executors split on them.)
ALTER TABLE "Organization" ALTER COLUMN "privacyMode" DROP DEFAULT;
ALTER TABLE "Organization" ALTER COLUMN "privacyMode" TYPE "TeamwirePrivacyMode" USING (
  CASE regexp_replace(lower(btrim("privacyMode")), '[\s_]+', ' ', 'g')
    WHEN 'address book only' THEN 'ADDRESS_BOOK_ONLY'
    WHEN 'internal and external' THEN 'INTERNAL_AND_EXTERNAL'
    WHEN 'internal only' THEN 'INTERNAL_ONLY'
    WHEN 'groups only' THEN 'GROUPS_ONLY'
    WHEN 'strict' THEN 'INTERNAL_ONLY'
    ELSE 'INTERNAL_AND_EXTERNAL'
  END
)::"TeamwirePrivacyMode";
ALTER TABLE "Organization" ALTER COLUMN "privacyMode" SET DEFAULT 'INTERNAL_AND_EXTERNAL';
