// One deal-month's engine input, from SQL aggregates over the data both parties see (docs/settlement.md):
// hourly MWh per channel from the readings (an hour counts only with 60 minutes of them), the events not
// withdrawn, the day's hashprice (index, or the host's pool statement), the agreement, the agreed MW changes
// and the previous statement's carries. Runs on the system path: the caller was authorised before.
import type { AppTx, DealStatus } from '@gridshare/db';
import { energyPricesForMonth, type KwChange, type SettlementEvent, type SettlementMonthInput, type SettlementTerms } from '@gridshare/settlement';
import type { TRevenueInput } from '@gridshare/revenue';
import { conflict } from '../../graphql/errors';
import { isoDay } from '../common/dates';
import { monthEnd, monthStart, previousMonth } from './months';

/** What both parties signed, as frozen in DealAgreement, with the dispute window agreed with it. */
export interface AgreedTerms extends SettlementTerms {
  readonly disputeWindowDays: number;
}

export interface SettlementDeal {
  id: string;
  hostOrgId: string;
  tenantOrgId: string;
  status: DealStatus;
  startDate: Date;
  termMonths: number;
  endedAt: Date | null;
  agreement: { scenarioId: string | null; inputs: TRevenueInput; terms: AgreedTerms; agreedAt: Date };
}

/** The deal and its agreement; null when the deal has none (signed before agreements existed, or not signed). */
export async function loadSettlementDeal(db: AppTx, dealId: string): Promise<SettlementDeal | null> {
  const deal = await db.deal.findUnique({
    where: { id: dealId },
    select: { id: true, hostOrgId: true, tenantOrgId: true, status: true, startDate: true, termMonths: true, endedAt: true, agreement: true },
  });
  if (!deal?.agreement) return null;
  const { agreement, ...rest } = deal;
  // Written by freeze_deal_agreement() from the engine's own agreedRevenueInput/agreedTerms; never changes.
  return { ...rest, agreement: { scenarioId: agreement.scenarioId, inputs: agreement.inputs as unknown as TRevenueInput, terms: agreement.terms as unknown as AgreedTerms, agreedAt: agreement.agreedAt } };
}

/** The deal with its agreement; CONFLICT for a deal that has none (it cannot be settled). */
export async function requireAgreedDeal(db: AppTx, dealId: string): Promise<SettlementDeal> {
  const deal = await loadSettlementDeal(db, dealId);
  if (!deal) throw conflict(`Deal ${dealId} has no agreement (signed before settlement existed): it cannot be settled.`, { reason: 'NO_AGREEMENT' });
  return deal;
}

const DAY_MS = 86_400_000;

/** The deal's active period as the engine takes it: from its start date to the day after it ended, within its term. */
export function activePeriod(deal: Pick<SettlementDeal, 'startDate' | 'termMonths' | 'endedAt'>): { activeFrom: string; activeUntil: string | null } {
  const start = deal.startDate;
  const activeFrom = isoDay(start);
  const termEnd = isoDay(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + deal.termMonths, start.getUTCDate())));
  const endedUntil = deal.endedAt ? isoDay(new Date(Date.parse(`${isoDay(deal.endedAt)}T00:00:00Z`) + DAY_MS)) : null;
  return { activeFrom, activeUntil: endedUntil && endedUntil < termEnd ? endedUntil : termEnd };
}

interface HourRow {
  channel: 'AI_IT' | 'MINING';
  hour: number;
  mwh: number;
  minutes: number;
}

/** MWh per hour of the month per channel; NaN where the hour lacks any of its 60 minutes of readings. */
async function hourlyEnergy(db: AppTx, dealId: string, month: string, hours: number): Promise<{ aiItMwh: Float64Array; miningMwh: Float64Array }> {
  const start = monthStart(month);
  const rows = await db.$queryRaw<HourRow[]>`
    SELECT "channel"::text AS "channel",
           floor(extract(epoch FROM ("intervalStart" - ${start}::timestamptz)) / 3600)::int AS "hour",
           (sum("kwh") / 1000)::float8 AS "mwh",
           sum("intervalMinutes")::int AS "minutes"
      FROM "MeterReading"
     WHERE "dealId" = ${dealId}::uuid AND "channel" IN ('AI_IT', 'MINING')
       AND "intervalStart" >= ${start}::timestamptz AND "intervalStart" < ${monthEnd(month)}::timestamptz
     GROUP BY 1, 2`;
  const aiItMwh = new Float64Array(hours).fill(Number.NaN);
  const miningMwh = new Float64Array(hours).fill(Number.NaN);
  for (const row of rows) {
    if (row.minutes !== 60) continue;
    (row.channel === 'AI_IT' ? aiItMwh : miningMwh)[row.hour] = row.mwh;
  }
  return { aiItMwh, miningMwh };
}

async function monthEvents(db: AppTx, dealId: string, month: string): Promise<SettlementEvent[]> {
  const rows = await db.curtailmentEvent.findMany({
    where: { dealId, withdrawnAt: null, startsAt: { lt: monthEnd(month) }, endsAt: { gt: monthStart(month) } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    select: { id: true, cause: true, channel: true, startsAt: true, endsAt: true, mwAffected: true, paymentCentsPerMwh: true, disputedAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    cause: row.cause,
    channel: row.channel,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    mwAffected: row.mwAffected.toNumber(),
    paymentCentsPerMwh: row.paymentCentsPerMwh,
    disputed: row.disputedAt !== null,
  }));
}

/** $/PH/day for each day of the month: the index, or the pool's effective figure (earnings / PH/s). */
async function dailyHashprice(db: AppTx, deal: SettlementDeal, month: string, days: number): Promise<(number | null)[]> {
  const range = { gte: monthStart(month), lt: monthEnd(month) };
  const byDay = new Map<string, number>();
  if (deal.agreement.terms.hashpriceSource === 'POOL_STATEMENTS') {
    const rows = await db.poolStatementDay.findMany({ where: { dealId: deal.id, day: range }, select: { day: true, hashrateThs: true, earningsCents: true } });
    for (const row of rows) {
      const phs = row.hashrateThs.toNumber() / 1000;
      if (phs > 0) byDay.set(isoDay(row.day), Number(row.earningsCents) / 100 / phs);
    }
  } else {
    const rows = await db.hashpriceIndexDay.findMany({ where: { day: range }, select: { day: true, usdPerPhDay: true } });
    for (const row of rows) byDay.set(isoDay(row.day), row.usdPerPhDay.toNumber());
  }
  const first = monthStart(month).getTime();
  return Array.from({ length: days }, (_, d) => byDay.get(isoDay(new Date(first + d * DAY_MS))) ?? null);
}

/** Agreed MW changes in force by the end of the month, in the order they were agreed. */
async function kwChanges(db: AppTx, dealId: string, month: string): Promise<KwChange[]> {
  const rows = await db.dealMwChange.findMany({
    where: { dealId, effectiveOn: { lt: monthEnd(month) } },
    orderBy: [{ effectiveOn: 'asc' }, { createdAt: 'asc' }],
    select: { effectiveOn: true, toMw: true },
  });
  return rows.map((row) => ({ effectiveOn: isoDay(row.effectiveOn), kw: Math.round(row.toMw.toNumber() * 1000) }));
}

/** The previous month's statement's carries (0 when there is none). */
async function carriesIn(db: AppTx, dealId: string, month: string) {
  const previous = await db.settlementStatement.findUnique({
    where: { dealId_month: { dealId, month: monthStart(previousMonth(month)) } },
    select: { tenantCarryOutCents: true, feeCarryOutCents: true },
  });
  return { carriedTenantCreditCents: Number(previous?.tenantCarryOutCents ?? 0n), carriedPlatformFeeCents: Number(previous?.feeCarryOutCents ?? 0n) };
}

export const daysIn = (month: string) => Math.round((monthEnd(month).getTime() - monthStart(month).getTime()) / DAY_MS);

export type MonthInputParts = Omit<SettlementMonthInput, 'carriedTenantCreditCents' | 'carriedPlatformFeeCents' | 'adjustments'>;

/** The month's own data (no carries, no adjustments): what a recomputation of an agreed month compares too. */
export async function loadMonthData(db: AppTx, deal: SettlementDeal, month: string): Promise<MonthInputParts> {
  const days = daysIn(month);
  const [energy, events, hashprice, changes] = await Promise.all([
    hourlyEnergy(db, deal.id, month, days * 24),
    monthEvents(db, deal.id, month),
    dailyHashprice(db, deal, month, days),
    kwChanges(db, deal.id, month),
  ]);
  const { inputs, terms } = deal.agreement;
  return {
    month,
    ...activePeriod(deal),
    terms,
    kwChanges: changes,
    ...energy,
    energyPriceUsdPerMwh: energyPricesForMonth(inputs.energy.price, month, inputs.startDate),
    hashpriceUsdPerPhDay: hashprice,
    events,
  };
}

/** The month's data with the carries of the previous statement; adjustments come from corrections.ts. */
export async function loadMonthInput(db: AppTx, deal: SettlementDeal, month: string): Promise<Omit<SettlementMonthInput, 'adjustments'>> {
  const [data, carries] = await Promise.all([loadMonthData(db, deal, month), carriesIn(db, deal.id, month)]);
  return { ...data, ...carries };
}
