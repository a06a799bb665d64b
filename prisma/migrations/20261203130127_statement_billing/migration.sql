-- AlterTable
ALTER TABLE "HostingStatement" ADD COLUMN     "agreedBy" TEXT,
ADD COLUMN     "autoAgreeAt" TIMESTAMP(3),
ADD COLUMN     "invoicedAt" TIMESTAMP(3),
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "stripeInvoiceId" TEXT;

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "hostingDealId" UUID;

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "hostingDealId" UUID,
ADD COLUMN     "hostingStatementId" UUID,
ALTER COLUMN "dealId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "HostingStatement_stripeInvoiceId_key" ON "HostingStatement"("stripeInvoiceId");

-- CreateIndex
CREATE INDEX "HostingStatement_status_autoAgreeAt_idx" ON "HostingStatement"("status", "autoAgreeAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_hostingStatementId_key" ON "Payout"("hostingStatementId");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_hostingDealId_stripeInvoiceId_key" ON "Payout"("hostingDealId", "stripeInvoiceId");

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_hostingDealId_fkey" FOREIGN KEY ("hostingDealId") REFERENCES "HostingDeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_hostingStatementId_fkey" FOREIGN KEY ("hostingStatementId") REFERENCES "HostingStatement"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------
-- A payout belongs to exactly one deal: a colocation deal's statement, or a hosting deal's.
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_one_deal_check" CHECK (
  ("dealId" IS NOT NULL AND "hostingDealId" IS NULL AND "hostingStatementId" IS NULL)
  OR ("dealId" IS NULL AND "statementId" IS NULL AND "hostingDealId" IS NOT NULL AND "hostingStatementId" IS NOT NULL)
);

-- The parties stamp the agreement (the fleet, or the worker on the system path) and the host the dispute
-- window at issue. Invoicing and payment (invoicedAt, stripeInvoiceId, paidAt) are written only on the
-- system path: no party marks a statement paid.
GRANT UPDATE ("autoAgreeAt", "agreedBy") ON "HostingStatement" TO gridshare_app;

-- Payouts are written only on the system path (invoice.paid, the transfer, an admin's retry): the runtime
-- role reads its organisation's (row-level security) and writes none, so no party records a payout it was
-- not paid by a collected invoice.
REVOKE INSERT, UPDATE, DELETE ON "Payout" FROM gridshare_app;
