-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "pendingMw" DECIMAL(10,3),
ADD COLUMN     "pendingMwAt" TIMESTAMP(3),
ADD COLUMN     "pendingMwBy" TEXT;
