-- AlterEnum
ALTER TYPE "RollupGrain" ADD VALUE 'TOTAL';
