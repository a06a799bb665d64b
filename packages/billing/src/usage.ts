// Metered energy to Stripe: every recorded day not yet reported goes to the billing meter once.
// Safe to run from any number of workers at once and to re-run after a crash: the meter event's identifier
// and idempotency key come from (deal, day), so Stripe refuses a second copy, and the row is marked
// reported only if nobody marked it first.
import type { AppPrisma } from '@gridshare/db';
import type Stripe from 'stripe';
import { describeStripeError } from './client';
import { ensureCustomer } from './customers';
import { reportUsageDay } from './operations';

export interface ReportUsageOptions {
  /** Days before this one (UTC) are complete and reportable; defaults to today. */
  now?: Date;
  /** Rows per run. */
  limit?: number;
}

export interface ReportUsageResult {
  reported: number;
  failed: { usageReportId: string; error: string }[];
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export async function reportPendingUsage(prisma: AppPrisma, stripe: Stripe, options: ReportUsageOptions = {}): Promise<ReportUsageResult> {
  const today = new Date(`${isoDay(options.now ?? new Date())}T00:00:00Z`);
  const pending = await prisma.usageReport.findMany({
    where: { reportedAt: null, day: { lt: today } },
    orderBy: [{ day: 'asc' }, { dealId: 'asc' }],
    take: options.limit ?? 500,
    select: { id: true, dealId: true, day: true, mwh: true, deal: { select: { tenantOrgId: true } } },
  });
  const result: ReportUsageResult = { reported: 0, failed: [] };
  for (const row of pending) {
    try {
      const customerId = await ensureCustomer(prisma, stripe, row.deal.tenantOrgId);
      // The column has 3 decimals, so MWh x 1000 is a whole number of kWh.
      const kwh = Math.round(Number(row.mwh) * 1000);
      const identifier = await reportUsageDay(stripe, { dealId: row.dealId, customerId, day: isoDay(row.day), kwh });
      const marked = await prisma.usageReport.updateMany({ where: { id: row.id, reportedAt: null }, data: { reportedAt: new Date(), stripeEventIdentifier: identifier } });
      result.reported += marked.count;
    } catch (error) {
      // One bad row (say, Stripe down for a moment) does not hold back the others; the next run retries it.
      result.failed.push({ usageReportId: row.id, error: describeStripeError(error) });
    }
  }
  return result;
}
