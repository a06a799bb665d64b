-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "stripeAccountEventUnix" INTEGER;
