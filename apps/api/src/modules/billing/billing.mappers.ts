// Rows to GraphQL shapes: cents (BigInt or number) to USD.
import type { UpcomingInvoice } from '@gridshare/billing';
import type { Invoice, Payout } from '@gridshare/db';

const usd = (cents: bigint | number) => Number(cents) / 100;

export const toInvoiceNode = (row: Invoice) => ({
  id: row.id,
  status: row.status,
  amountDueUsd: usd(row.amountDueCents),
  amountPaidUsd: usd(row.amountPaidCents),
  currency: row.currency,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  dealId: row.dealId,
  hostedInvoiceUrl: row.hostedInvoiceUrl,
});

export const toPayoutNode = (row: Payout) => ({
  id: row.id,
  dealId: row.dealId,
  invoiceId: row.stripeInvoiceId,
  amountUsd: usd(row.amountCents),
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  transferId: row.stripeTransferId,
  createdAt: row.createdAt,
});

export const toUpcomingInvoiceNode = (invoice: UpcomingInvoice | null) =>
  invoice && { amountDueUsd: usd(invoice.amountDueCents), currency: invoice.currency, dueAt: invoice.dueAt };
