-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "syncLeaseId" UUID,
ADD COLUMN     "syncLeaseUntil" TIMESTAMPTZ(3);
