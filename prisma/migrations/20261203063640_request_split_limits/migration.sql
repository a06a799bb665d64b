-- AlterTable
ALTER TABLE "ColocationRequest" ADD COLUMN     "matchOutcome" JSONB,
ADD COLUMN     "maxSplitDistanceKm" INTEGER,
ADD COLUMN     "maxSplitSites" INTEGER;
