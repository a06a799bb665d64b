// Host payouts: a Payout row per paid statement invoice is written with the webhook that reports the payment;
// the transfer itself happens after that commit, here, and again on retry until it succeeds. The transfer is
// idempotent per (deal, invoice), so running this twice, or from two workers, moves the money once.
import type { AppPrisma } from '@gridshare/db';
import type Stripe from 'stripe';
import { describeStripeError } from './client';
import { transferToHost } from './operations';

/** Failed transfers are retried this many times in all; then they wait for an admin. */
export const MAX_PAYOUT_ATTEMPTS = 8;

export type PayoutOutcome = { status: 'PAID'; transferId: string } | { status: 'FAILED'; error: string } | { status: 'SKIPPED' };

export async function executePayout(prisma: AppPrisma, stripe: Stripe, payoutId: string): Promise<PayoutOutcome> {
  const payout = await prisma.payout.findUnique({ where: { id: payoutId }, include: { org: { select: { stripeAccountId: true } } } });
  if (!payout || payout.status === 'PAID') return { status: 'SKIPPED' };
  const fail = async (error: string): Promise<PayoutOutcome> => {
    await prisma.payout.updateMany({ where: { id: payoutId, status: { not: 'PAID' } }, data: { status: 'FAILED', attempts: { increment: 1 }, lastError: error } });
    return { status: 'FAILED', error };
  };
  if (!payout.org.stripeAccountId) return fail('The host has no connected Stripe account yet; it is paid once onboarding is done.');
  try {
    // A payout is of a colocation deal or of a hosting deal (a CHECK in the database: exactly one).
    const dealId = payout.dealId ?? payout.hostingDealId;
    if (!dealId) return fail(`Payout ${payoutId} names no deal.`);
    const transferId = await transferToHost(stripe, {
      dealId,
      invoiceId: payout.stripeInvoiceId,
      destinationAccountId: payout.org.stripeAccountId,
      amountCents: Number(payout.amountCents),
      statementId: payout.statementId ?? payout.hostingStatementId,
    });
    await prisma.payout.update({ where: { id: payoutId }, data: { status: 'PAID', stripeTransferId: transferId, attempts: { increment: 1 }, lastError: null } });
    return { status: 'PAID', transferId };
  } catch (error) {
    return fail(describeStripeError(error));
  }
}

export interface RetryPayoutsOptions {
  now?: Date;
  /** A PENDING payout older than this was interrupted (its webhook committed, the transfer never ran). */
  pendingAfterMs?: number;
}

/** For a scheduled job: every FAILED payout with attempts left, and PENDING ones that were interrupted. */
export async function retryPayouts(prisma: AppPrisma, stripe: Stripe, options: RetryPayoutsOptions = {}): Promise<PayoutOutcome[]> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.pendingAfterMs ?? 60_000));
  const due = await prisma.payout.findMany({
    where: { OR: [{ status: 'FAILED', attempts: { lt: MAX_PAYOUT_ATTEMPTS } }, { status: 'PENDING', createdAt: { lt: cutoff } }] },
    orderBy: { createdAt: 'asc' },
    take: 100,
    select: { id: true },
  });
  const outcomes: PayoutOutcome[] = [];
  for (const { id } of due) outcomes.push(await executePayout(prisma, stripe, id));
  return outcomes;
}
