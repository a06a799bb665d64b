// What the metering modules (readings, events, pool statements) know about a deal, and who the caller is to
// it. It comes from meter_deal_context() (migration *_settlement): a metering partner may not read the Deal
// row itself (price and terms are none of its business), and that function answers for the host, the
// tenant and active partners alike, and for nobody else.
import type { AppTx, DealStatus } from '@gridshare/db';
import { conflict, forbidden, notFound } from '../../errors/domain-errors';

export type MeterRole = 'HOST' | 'TENANT' | 'PARTNER';

export interface MeterDealContext {
  dealId: string;
  role: MeterRole;
  status: DealStatus;
  hostOrgId: string;
  tenantOrgId: string;
  /** First instant of the active period: the start date, 00:00 UTC. */
  activeFrom: Date;
  /** End of the active period (exclusive): when the deal ended, else its start plus its term. */
  activeUntil: Date;
  /** The site's interconnection (its energized MW), in kW. */
  interconnectionKw: number;
  /** Contracted IT kW at an instant: the deal's MW, as changed by its agreed MW changes (from their day, UTC). */
  contractedKwAt(at: Date): number;
}

interface ContextRow {
  role: MeterRole;
  status: DealStatus;
  hostOrgId: string;
  tenantOrgId: string;
  startDate: Date;
  termMonths: number;
  endedAt: Date | null;
  mw: number;
  interconnectionMw: number;
  mwChanges: { effectiveOn: string; fromMw: number | string; toMw: number | string }[];
}

/** `date` plus `months` calendar months (UTC), the day clamped to the target month's length. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * The contracted kW in force at each instant. Before the first agreed change the deal had that change's
 * `fromMw`; from each change's day on, its `toMw`; with no change, the deal's MW.
 */
export function contractedKwSteps(mw: number, changes: readonly { effectiveOn: Date; fromMw: number; toMw: number }[]) {
  const sorted = [...changes].sort((a, b) => a.effectiveOn.getTime() - b.effectiveOn.getTime());
  const initialKw = (sorted[0]?.fromMw ?? mw) * 1000;
  const steps = sorted.map((change) => ({ fromMs: change.effectiveOn.getTime(), kw: change.toMw * 1000 }));
  return (at: Date): number => {
    const ms = at.getTime();
    let kw = initialKw;
    for (const step of steps) {
      if (step.fromMs > ms) break;
      kw = step.kw;
    }
    return kw;
  };
}

export function toMeterDealContext(dealId: string, row: ContextRow): MeterDealContext {
  const termEnd = addMonths(row.startDate, row.termMonths);
  const changes = row.mwChanges.map((change) => ({
    effectiveOn: new Date(`${change.effectiveOn}T00:00:00Z`),
    fromMw: Number(change.fromMw),
    toMw: Number(change.toMw),
  }));
  return {
    dealId,
    role: row.role,
    status: row.status,
    hostOrgId: row.hostOrgId,
    tenantOrgId: row.tenantOrgId,
    activeFrom: row.startDate,
    activeUntil: row.endedAt && row.endedAt < termEnd ? row.endedAt : termEnd,
    interconnectionKw: row.interconnectionMw * 1000,
    contractedKwAt: contractedKwSteps(row.mw, changes),
  };
}

/** The deal as the caller may see it for metering; NOT_FOUND for anyone but its parties and active partners. */
export async function loadMeterDealContext(tx: AppTx, dealId: string): Promise<MeterDealContext> {
  const [row] = await tx.$queryRaw<ContextRow[]>`
    SELECT "role", "status", "hostOrgId"::text, "tenantOrgId"::text, "startDate", "termMonths", "endedAt",
           "mw"::float8 AS "mw", "interconnectionMw"::float8 AS "interconnectionMw", "mwChanges"
      FROM meter_deal_context(${dealId}::uuid)`;
  if (!row) throw notFound('Deal', dealId);
  return toMeterDealContext(dealId, row);
}

/** Statuses in which a deal's meters run: readings, events and pool statements are recorded for them only. */
const METERED: readonly DealStatus[] = ['ACTIVE', 'ENDED'];

/**
 * The deal, for a caller about to write its meter data: the host, or (when `partners` allows it) an active
 * metering partner. The tenant is FORBIDDEN (it knows the deal), anyone else NOT_FOUND; a deal that is not
 * ACTIVE or ENDED is a CONFLICT.
 */
export async function loadDealForWriting(tx: AppTx, dealId: string, what: string, partners = true): Promise<MeterDealContext> {
  const context = await loadMeterDealContext(tx, dealId);
  const allowed = context.role === 'HOST' || (partners && context.role === 'PARTNER');
  if (!allowed) throw forbidden(`Only the host of deal ${dealId}${partners ? ' or a metering partner it granted' : ''} can ${what}.`);
  if (!METERED.includes(context.status)) {
    throw conflict(`Deal ${dealId} is ${context.status}; ${what} is for ACTIVE or ENDED deals.`, { currentStatus: context.status });
  }
  return context;
}

/**
 * Marks the deal's statements that are not agreed yet stale (mark_statements_stale(), migration
 * *_metering): their inputs changed, so they are recomputed before they can be issued or agreed.
 */
export async function markStatementsStale(tx: AppTx, dealId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ marked: number }[]>`SELECT mark_statements_stale(${dealId}::uuid) AS "marked"`;
  return row?.marked ?? 0;
}
