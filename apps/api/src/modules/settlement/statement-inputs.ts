// One deal-month's engine input, from SQL aggregates over the data both parties see (docs/settlement.md), in
// one query: hourly MWh per channel from the readings (an hour counts only with 60 minutes of them), the
// events not withdrawn, the day's hashprice (index, or the host's pool statement), the agreed MW changes and
// the previous statement's carries; with the agreement. Runs on the system path: the caller was authorised
// before (or is the worker).
import { type AppTx, type DealStatus, Prisma } from '@gridshare/db';
import { energyPricesForMonth, type SettlementEvent, type SettlementMonthInput, type SettlementTerms } from '@gridshare/settlement';
import type { TRevenueInput } from '@gridshare/revenue';
import { conflict } from '../../errors/domain-errors';
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

/** What one query reads of a deal-month (JSON aggregates: one round trip, whatever the number of readings). */
interface MonthRow {
  /** [channel, hour of the month, MWh, minutes of readings] per channel and hour. */
  hours: [string, number, number, number][];
  events: { id: string; cause: SettlementEvent['cause']; channel: SettlementEvent['channel']; startsAt: string; endsAt: string; mwAffected: number; paymentCentsPerMwh: number | null; disputed: boolean }[];
  /** [day, $/PH/day] from the index, or [day, earnings cents, TH/s] from the pool statements. */
  hashprice: [string, number, number | null][];
  /** [effective day, MW] in the order agreed. */
  changes: [string, number][];
  carries: { tenant: number; fee: number } | null;
  agreedBefore: boolean;
}

function monthQuery(deal: SettlementDeal, month: string) {
  const [start, finish, firstDay, endDay] = [monthStart(month), monthEnd(month), isoDay(monthStart(month)), isoDay(monthEnd(month))];
  const previous = isoDay(monthStart(previousMonth(month)));
  const hashprice =
    deal.agreement.terms.hashpriceSource === 'POOL_STATEMENTS'
      ? Prisma.sql`SELECT json_build_array(to_char(p."day", 'YYYY-MM-DD'), p."earningsCents"::float8, p."hashrateThs"::float8) AS v
                     FROM "PoolStatementDay" p WHERE p."dealId" = ${deal.id}::uuid AND p."day" >= ${firstDay}::date AND p."day" < ${endDay}::date`
      : Prisma.sql`SELECT json_build_array(to_char(h."day", 'YYYY-MM-DD'), h."usdPerPhDay"::float8, NULL) AS v
                     FROM "HashpriceIndexDay" h WHERE h."day" >= ${firstDay}::date AND h."day" < ${endDay}::date`;
  // Readings are aligned to their length, so each falls in one hour; date_part is float8 (fast), exact here.
  return Prisma.sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_array(r.channel, r.hour, r.mwh, r.minutes)), '[]'::json) FROM (
         SELECT "channel"::text AS channel, floor(date_part('epoch', "intervalStart" - ${start}::timestamptz) / 3600)::int AS hour,
                (sum("kwh") / 1000)::float8 AS mwh, sum("intervalMinutes")::int AS minutes
           FROM "MeterReading"
          WHERE "dealId" = ${deal.id}::uuid AND "channel" IN ('AI_IT', 'MINING') AND "intervalStart" >= ${start}::timestamptz AND "intervalStart" < ${finish}::timestamptz
          GROUP BY 1, 2) r) AS "hours",
      (SELECT coalesce(json_agg(json_build_object('id', e."id", 'cause', e."cause", 'channel', e."channel",
                'startsAt', to_char(e."startsAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'endsAt', to_char(e."endsAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'mwAffected', e."mwAffected"::float8, 'paymentCentsPerMwh', e."paymentCentsPerMwh", 'disputed', e."disputedAt" IS NOT NULL) ORDER BY e."startsAt", e."id"), '[]'::json)
         FROM "CurtailmentEvent" e
        WHERE e."dealId" = ${deal.id}::uuid AND e."withdrawnAt" IS NULL AND e."startsAt" < ${finish}::timestamptz AND e."endsAt" > ${start}::timestamptz) AS "events",
      (SELECT coalesce(json_agg(d.v), '[]'::json) FROM (${hashprice}) d) AS "hashprice",
      (SELECT coalesce(json_agg(json_build_array(to_char(c."effectiveOn", 'YYYY-MM-DD'), c."toMw"::float8) ORDER BY c."effectiveOn", c."createdAt"), '[]'::json)
         FROM "DealMwChange" c WHERE c."dealId" = ${deal.id}::uuid AND c."effectiveOn" < ${endDay}::date) AS "changes",
      (SELECT json_build_object('tenant', s."tenantCarryOutCents"::float8, 'fee', s."feeCarryOutCents"::float8)
         FROM "SettlementStatement" s WHERE s."dealId" = ${deal.id}::uuid AND s."month" = ${previous}::date) AS "carries",
      EXISTS (SELECT 1 FROM "SettlementStatement" s WHERE s."dealId" = ${deal.id}::uuid AND s."month" < ${firstDay}::date
                 AND s."status" IN ('AGREED', 'INVOICED', 'PAID')) AS "agreedBefore"`;
}

/** MWh per hour of the month per channel; NaN where the hour lacks any of its 60 minutes of readings. */
function hourlyEnergy(rows: MonthRow['hours'], hours: number): { aiItMwh: Float64Array; miningMwh: Float64Array } {
  const aiItMwh = new Float64Array(hours).fill(Number.NaN);
  const miningMwh = new Float64Array(hours).fill(Number.NaN);
  for (const [channel, hour, mwh, minutes] of rows) {
    if (minutes === 60) (channel === 'AI_IT' ? aiItMwh : miningMwh)[hour] = mwh;
  }
  return { aiItMwh, miningMwh };
}

/** $/PH/day for each day of the month: the index, or the pool's effective figure (earnings / PH/s); null = none. */
function dailyHashprice(rows: MonthRow['hashprice'], month: string, days: number): (number | null)[] {
  const byDay = new Map<string, number>();
  for (const [day, value, hashrateThs] of rows) {
    if (hashrateThs === null) byDay.set(day, value);
    else if (hashrateThs > 0) byDay.set(day, value / 100 / (hashrateThs / 1000));
  }
  const first = monthStart(month).getTime();
  return Array.from({ length: days }, (_, d) => byDay.get(isoDay(new Date(first + d * DAY_MS))) ?? null);
}

export const daysIn = (month: string) => Math.round((monthEnd(month).getTime() - monthStart(month).getTime()) / DAY_MS);

export type MonthInputParts = Omit<SettlementMonthInput, 'carriedTenantCreditCents' | 'carriedPlatformFeeCents' | 'adjustments'>;

export interface MonthData {
  /** The month's own data: what a recomputation of an agreed month compares too. */
  data: MonthInputParts;
  /** The previous month's statement's carries (0 when there is none). */
  carries: Pick<SettlementMonthInput, 'carriedTenantCreditCents' | 'carriedPlatformFeeCents'>;
  /** Whether the deal has agreed statements of earlier months (which corrections may adjust). */
  agreedBefore: boolean;
}

/** Everything the engine needs of a deal-month but adjustments, in one query. */
export async function loadMonthData(db: AppTx, deal: SettlementDeal, month: string): Promise<MonthData> {
  const [row] = await db.$queryRaw<MonthRow[]>(monthQuery(deal, month));
  if (!row) throw new Error(`no answer for deal ${deal.id}'s ${month}`);
  const days = daysIn(month);
  const { inputs, terms } = deal.agreement;
  return {
    data: {
      month,
      ...activePeriod(deal),
      terms,
      kwChanges: row.changes.map(([effectiveOn, mw]) => ({ effectiveOn, kw: Math.round(mw * 1000) })),
      ...hourlyEnergy(row.hours, days * 24),
      energyPriceUsdPerMwh: energyPricesForMonth(inputs.energy.price, month, inputs.startDate),
      hashpriceUsdPerPhDay: dailyHashprice(row.hashprice, month, days),
      events: row.events,
    },
    // Integer cents stored as BIGINT, far below 2^53.
    carries: { carriedTenantCreditCents: row.carries?.tenant ?? 0, carriedPlatformFeeCents: row.carries?.fee ?? 0 },
    agreedBefore: row.agreedBefore,
  };
}
