// The host's daily pool statements, for deals whose parties agreed at signing to settle backfill mining on
// them instead of the index (Deal.hashpriceSource POOL_STATEMENTS): the fleet's hashrate and what the pool
// paid, net of its fee. Written by the host, read by both parties (row-level security: party_read).
import { type AppPrisma, type AppTx, type PoolStatementDay, type Prisma, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { badInput, conflict, forbidden } from '../../errors/domain-errors';
import { decodeKeyset } from '../../graphql/keyset-cursor';
import { isoDay } from '../common/dates';
import { type MeterDealContext, loadDealForWriting, loadMeterDealContext, markStatementsStale } from '../metering/meter-context';
import { usdToCents } from '../common/units';
import { type DayIssue, type DayRow, dayIssues, diffDays, issueAt, refuseDays, summarize } from './day-batch';
import type { DayUploadResult } from './hashprice.service';
import { MAX_HASHPRICE_USD_PER_PH_DAY, type TPoolStatementFilter } from './market-data.schemas';

export interface PoolValues {
  hashrateThs: number;
  earningsUsd: number;
}

/** Earnings per PH/s of the day's hashrate: the hashprice the pool actually paid, $/PH/day. */
export const effectiveHashprice = (values: PoolValues) => (values.hashrateThs > 0 ? values.earningsUsd / (values.hashrateThs / 1000) : null);

/** Days outside the deal's active period, and pay no fleet could have earned (above the index's cap per PH/s). */
function poolIssues(rows: readonly DayRow<PoolValues>[], deal: MeterDealContext): DayIssue[] {
  const from = isoDay(deal.activeFrom);
  const issues: DayIssue[] = [];
  for (const row of rows) {
    const effective = effectiveHashprice(row.values);
    if (row.day < from || new Date(`${row.day}T00:00:00Z`) >= deal.activeUntil) {
      issues.push(issueAt(row.at, 'day', `${row.day} is outside the deal's active period (${from} to ${deal.activeUntil.toISOString()})`));
    } else if (row.values.earningsUsd > 0 && (effective === null || effective > MAX_HASHPRICE_USD_PER_PH_DAY)) {
      issues.push(issueAt(row.at, 'earningsUsd', `is more than ${MAX_HASHPRICE_USD_PER_PH_DAY} USD per PH/s of the day's hashrate`));
    }
  }
  return issues;
}

async function assertSettlesOnPoolStatements(tx: AppTx, auth: Authorized, dealId: string) {
  const deal = await tx.deal.findFirst({ where: { id: dealId, hostOrgId: auth.orgId }, select: { hashpriceSource: true } });
  if (deal?.hashpriceSource !== 'POOL_STATEMENTS') {
    throw conflict(`Deal ${dealId} settles backfill mining on the hashprice index; pool statements are for deals whose parties agreed on POOL_STATEMENTS.`, {
      hashpriceSource: deal?.hashpriceSource ?? null,
    });
  }
}

const sameDay = (a: PoolValues, b: PoolValues) => a.hashrateThs === b.hashrateThs && usdToCents(a.earningsUsd) === usdToCents(b.earningsUsd);

export function recordPoolStatements(prisma: AppPrisma, auth: Authorized, dealId: string, rows: DayRow<PoolValues>[], now = new Date()): Promise<DayUploadResult> {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await loadDealForWriting(tx, dealId, 'record pool statements', false);
    await assertSettlesOnPoolStatements(tx, auth, dealId);
    const issues = [...dayIssues(rows, isoDay(now)), ...poolIssues(rows, deal)];
    if (issues.length > 0) refuseDays(issues);
    const stored = await tx.poolStatementDay.findMany({ where: { dealId, day: { in: rows.map((row) => new Date(`${row.day}T00:00:00Z`)) } } });
    const storedValues = new Map(stored.map((row) => [isoDay(row.day), { hashrateThs: row.hashrateThs.toNumber(), earningsUsd: Number(row.earningsCents) / 100 }]));
    const { counts, changed, updates } = summarize(diffDays(rows, storedValues, sameDay));
    if (changed.length > 0) {
      // Row-level security lets the host write its own deals' days only (host_insert / host_update).
      await tx.$executeRaw`
        INSERT INTO "PoolStatementDay" ("dealId", "day", "hostOrgId", "tenantOrgId", "hashrateThs", "earningsCents", "recordedByOrgId", "actor", "updatedAt")
        SELECT ${dealId}::uuid, i."day", ${deal.hostOrgId}::uuid, ${deal.tenantOrgId}::uuid, i."hashrate", i."cents", ${auth.orgId}::uuid, ${auth.actor}, CURRENT_TIMESTAMP
          FROM unnest(${changed.map((row) => row.day)}::date[], ${changed.map((row) => row.values.hashrateThs.toFixed(3))}::numeric[],
                      ${changed.map((row) => String(usdToCents(row.values.earningsUsd)))}::bigint[]) AS i("day", "hashrate", "cents")
        ON CONFLICT ("dealId", "day") DO UPDATE SET "hashrateThs" = EXCLUDED."hashrateThs", "earningsCents" = EXCLUDED."earningsCents",
          "recordedByOrgId" = EXCLUDED."recordedByOrgId", "actor" = EXCLUDED."actor", "updatedAt" = EXCLUDED."updatedAt"`;
    }
    const staleStatements = changed.length > 0 ? await markStatementsStale(tx, dealId) : 0;
    await audit(tx, auth, { action: 'pool_statements.recorded', entityType: 'Deal', entityId: dealId, changes: { ...counts, updates, staleStatements } });
    return counts;
  });
}

function statementsWhere(dealId: string, filter?: TPoolStatementFilter | null): Prisma.PoolStatementDayWhereInput {
  return { dealId, ...(filter?.from || filter?.to ? { day: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}) };
}

/** Pool statements are the parties' business: a metering partner is FORBIDDEN, anyone else NOT_FOUND. */
async function assertParty(tx: AppTx, dealId: string) {
  const deal = await loadMeterDealContext(tx, dealId);
  if (deal.role === 'PARTNER') throw forbidden(`Only the parties of deal ${dealId} read its pool statements.`);
}

export const poolDayKey = (row: PoolStatementDay) => [isoDay(row.day)];

/** Days in order, oldest first. */
export function findPoolStatementsPage(prisma: AppPrisma, auth: Authorized, dealId: string, page: { first: number; after?: string | null }, filter?: TPoolStatementFilter | null) {
  return withOrg(prisma, auth, async (tx) => {
    await assertParty(tx, dealId);
    let after: Date | undefined;
    if (page.after) {
      after = new Date(`${decodeKeyset(page.after, 1)[0]}T00:00:00Z`);
      if (Number.isNaN(after.getTime())) throw badInput('after', 'not a cursor from this list');
    }
    return tx.poolStatementDay.findMany({
      where: { AND: [statementsWhere(dealId, filter), after ? { day: { gt: after } } : {}] },
      orderBy: { day: 'asc' },
      take: page.first + 1,
    });
  });
}

export function countPoolStatements(prisma: AppPrisma, auth: Authorized, dealId: string, filter?: TPoolStatementFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.poolStatementDay.count({ where: statementsWhere(dealId, filter) }));
}
