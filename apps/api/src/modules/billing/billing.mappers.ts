// Rows to GraphQL shapes: cents (BigInt or number) to USD.
import type { UpcomingInvoice } from '@gridshare/billing';
import type { Invoice, Payout } from '@gridshare/db';
import { toPlan } from '../../auth/principal';
import type { TConfig } from '../../config';
import type { Authorized } from '../../auth/principal';
import { publishedBlockLimit, rateLimitPerMinute } from '../../plans';
import type { readBillingAccount } from './billing.service';
import { centsToUsd } from '../common/units';


export const toInvoiceNode = (row: Invoice) => ({
  id: row.id,
  status: row.status,
  amountDueUsd: centsToUsd(row.amountDueCents),
  amountPaidUsd: centsToUsd(row.amountPaidCents),
  currency: row.currency,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  dealId: row.dealId,
  hostingDealId: row.hostingDealId,
  hostedInvoiceUrl: row.hostedInvoiceUrl,
});

/** A payout's deal: a colocation or a hosting deal (the database's CHECK sets exactly one). */
function payoutDealId(row: Payout): string {
  const dealId = row.dealId ?? row.hostingDealId;
  if (!dealId) throw new Error(`payout ${row.id} names no deal`);
  return dealId;
}

export const toPayoutNode = (row: Payout) => ({
  id: row.id,
  dealId: payoutDealId(row),
  hostingDealId: row.hostingDealId,
  invoiceId: row.stripeInvoiceId,
  amountUsd: centsToUsd(row.amountCents),
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  transferId: row.stripeTransferId,
  createdAt: row.createdAt,
});

export const toUpcomingInvoiceNode = (invoice: UpcomingInvoice | null) =>
  invoice && { amountDueUsd: centsToUsd(invoice.amountDueCents), currency: invoice.currency, dueAt: invoice.dueAt };

/**
 * The caller's billing status; keeps the caller and the Stripe customer so that invoices, payouts and the
 * upcoming invoice are read only when a client asks for them.
 */
export function toBillingStatusNode(auth: Authorized, { org, subscriptions }: Awaited<ReturnType<typeof readBillingAccount>>, config: TConfig) {
  const plan = toPlan(org.plan);
  return {
    auth,
    customerId: org.stripeCustomerId,
    plan,
    publishedBlockLimit: publishedBlockLimit(config, plan),
    rateLimitPerMinute: rateLimitPerMinute(config, plan),
    hasCustomer: org.stripeCustomerId !== null,
    hasConnectAccount: org.stripeAccountId !== null,
    payoutsEnabled: org.stripePayoutsEnabled,
    subscriptions,
  };
}
export type BillingStatusNode = ReturnType<typeof toBillingStatusNode>;
