// The worker's settlement jobs (apps/worker/src/jobs.ts runs them; one implementation here).
// - The monthly run: after a month ends, one BullMQ job per deal-month that has no statement yet, for every
//   deal ACTIVE in the month or ENDED within it, with a deterministic job id: any number of workers share the
//   jobs, a second run (or a run resumed after a crash) queues only what is still missing, and a job that
//   runs twice computes once (computeDraft locks the row and skips a current DRAFT).
// - Stale DRAFTs are queued again under the same ids.
// - ISSUED statements past their dispute window are agreed (`system:dispute-window`); the billing job
//   `invoice-statements` then invoices every AGREED statement.
import { type AppPrisma, Prisma } from '@gridshare/db';
import { Queue } from 'bullmq';
import { DomainError } from '../../errors/domain-errors';
import { type QueueConnection, redisConnection } from '../webhooks/queue';
import { staleDrafts } from './input-changes';
import { monthEnd, monthOf, monthStart, previousMonth } from './months';
import { type DraftOutcome, computeDraft, ranDuring } from './statement-drafts';
import { agreeLocked } from './statement-moves';
import { loadSettlementDeal } from './statement-inputs';
import { lockStatementById } from './statement-store';

export const SETTLEMENT_QUEUE = 'settlement';

export interface StatementJob {
  dealId: string;
  /** 'YYYY-MM'. */
  month: string;
}

/** BullMQ keeps one job per id: the same deal-month queued twice (two runs, two workers) runs once. */
export const statementJobId = (job: StatementJob) => `statement-${job.dealId}-${job.month}`;

export interface SettlementQueue {
  enqueue(jobs: readonly StatementJob[]): Promise<void>;
  close(): Promise<void>;
}

export function createSettlementQueue(connection: QueueConnection, onError: (error: Error) => void): SettlementQueue {
  const queue = new Queue<StatementJob>(SETTLEMENT_QUEUE, {
    connection: redisConnection(connection),
    prefix: connection.prefix,
    // The statement row is the record; a failed job is retried by the next run, which queues it again.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
  });
  queue.on('error', onError);
  return {
    async enqueue(jobs) {
      for (let i = 0; i < jobs.length; i += 1_000) {
        await queue.addBulk(jobs.slice(i, i + 1_000).map((job) => ({ name: 'statement', data: job, opts: { jobId: statementJobId(job) } })));
      }
    },
    close: () => queue.close(),
  };
}

/** The month the monthly run settles: the last one that is over. */
export const monthToSettle = (now: Date) => previousMonth(monthOf(now));

/**
 * Deals that ran in `month` (ACTIVE from before its end, or ENDED within or after it), that have an
 * agreement and no statement for it yet; `limit` at a time after `afterId`.
 */
async function unsettledDeals(prisma: AppPrisma, month: string, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT d."id" FROM "Deal" d
      JOIN "DealAgreement" a ON a."dealId" = d."id"
     WHERE d."startDate" < ${monthEnd(month)}::date
       AND (d."status" = 'ACTIVE' OR (d."status" = 'ENDED' AND d."endedAt" >= ${monthStart(month)}))
       AND NOT EXISTS (SELECT 1 FROM "SettlementStatement" s WHERE s."dealId" = d."id" AND s."month" = ${monthStart(month)}::date)
       ${afterId ? Prisma.sql`AND d."id" > ${afterId}::uuid` : Prisma.empty}
     ORDER BY d."id" LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** Queues the month's missing statements; answers how many jobs were queued. */
export async function queueMonthlyRun(prisma: AppPrisma, queue: SettlementQueue, month: string, pageSize = 1_000): Promise<number> {
  let queued = 0;
  for (let afterId: string | null = null; ; ) {
    const ids = await unsettledDeals(prisma, month, afterId, pageSize);
    await queue.enqueue(ids.map((dealId) => ({ dealId, month })));
    queued += ids.length;
    if (ids.length < pageSize) return queued;
    afterId = ids.at(-1)!;
  }
}

/** Queues every DRAFT whose data changed since it was computed; answers how many. */
export async function queueStaleDrafts(prisma: AppPrisma, queue: SettlementQueue): Promise<number> {
  const due = await staleDrafts(prisma);
  await queue.enqueue(due.map((draft) => ({ dealId: draft.dealId, month: draft.month })));
  return due.length;
}

export type StatementJobOutcome = DraftOutcome | 'NO_AGREEMENT' | 'NOT_RUNNING';

/** One deal-month: its DRAFT computed when missing or stale, left alone otherwise. */
export async function runStatementJob(prisma: AppPrisma, job: StatementJob, now = new Date()): Promise<StatementJobOutcome> {
  const deal = await loadSettlementDeal(prisma, job.dealId);
  if (!deal) return 'NO_AGREEMENT';
  if (!ranDuring(deal, job.month)) return 'NOT_RUNNING';
  return (await computeDraft(prisma, deal, job.month, { now })).outcome;
}

export const DISPUTE_WINDOW_ACTOR = 'system:dispute-window';

/**
 * Agrees every ISSUED statement whose dispute window ran out, each in its own transaction on its locked
 * row. A stale one (its data changed since it was issued) is left for the host to re-issue.
 */
export async function autoAgreeDue(prisma: AppPrisma, now = new Date()): Promise<{ agreed: string[]; stale: string[] }> {
  const due = await prisma.settlementStatement.findMany({ where: { status: 'ISSUED', autoAgreeAt: { lte: now } }, orderBy: { autoAgreeAt: 'asc' }, take: 500, select: { id: true } });
  const result = { agreed: [] as string[], stale: [] as string[] };
  for (const { id } of due) {
    const outcome = await prisma.$transaction(async (tx) => {
      const locked = await lockStatementById(tx, id);
      if (locked?.status !== 'ISSUED') return 'moved';
      const { autoAgreeAt, tenantOrgId } = await tx.settlementStatement.findUniqueOrThrow({ where: { id }, select: { autoAgreeAt: true, tenantOrgId: true } });
      if (!autoAgreeAt || autoAgreeAt > now) return 'moved';
      try {
        await agreeLocked(tx, { orgId: tenantOrgId, actor: DISPUTE_WINDOW_ACTOR }, locked, now, true);
        return 'agreed';
      } catch (error) {
        if (error instanceof DomainError && error.details.reason === 'STALE') return 'stale';
        throw error;
      }
    });
    if (outcome === 'agreed') result.agreed.push(id);
    if (outcome === 'stale') result.stale.push(id);
  }
  return result;
}
