-- Money moves only from agreed settlement statements (docs/settlement.md, "Money"): metered energy comes from
-- the meter readings, not from daily usage rows a party entered, and colocation is a statement line, not a
-- Stripe subscription of the deal. Deals activated before this keep their BillingSubscription rows (kind
-- DEAL) as history; cancel such subscriptions at Stripe when deploying this (docs/billing.md).

-- DropForeignKey
ALTER TABLE "UsageReport" DROP CONSTRAINT "UsageReport_dealId_fkey";

-- DropForeignKey
ALTER TABLE "UsageReport" DROP CONSTRAINT "UsageReport_orgId_fkey";

-- DropIndex
DROP INDEX "Deal_stripeSubscriptionId_key";

-- AlterTable
ALTER TABLE "Deal" DROP COLUMN "stripeSubscriptionId";

-- DropTable
DROP TABLE "UsageReport";
