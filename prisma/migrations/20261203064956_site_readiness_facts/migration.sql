-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "backupPowerMw" DECIMAL(10,3),
ADD COLUMN     "floorLoadingKgPerM2" INTEGER,
ADD COLUMN     "waterSupplyM3PerDay" INTEGER,
ALTER COLUMN "substationMva" DROP NOT NULL,
ALTER COLUMN "substationMva" DROP DEFAULT,
ALTER COLUMN "transformerMva" DROP NOT NULL,
ALTER COLUMN "transformerMva" DROP DEFAULT;

-- A substation rated 0 MVA was how "rating unknown" was stored: say so.
UPDATE "Site" SET "substationMva" = NULL WHERE "substationMva" = 0;
