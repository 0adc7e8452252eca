-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "dataVersion" BIGINT NOT NULL DEFAULT 0;
