// settleMonth: one deal, one calendar month, from the readings, the events, the hashprice and the agreed
// terms to a statement whose every line reproduces from its detail (docs/settlement.md).
import { percentOf, roundHalfAway } from '@gridshare/revenue';
import { availability, availabilityCommitmentPct, slaTierFor } from './availability.js';
import { activeHourRange, monthCalendar } from './calendar.js';
import { colocation, contractedKwByDay } from './colocation.js';
import { SettlementInputError, parseOrThrow } from './errors.js';
import { eventLoad } from './events.js';
import { formatBps, formatQuantity, formatUsd } from './format.js';
import { hourlyTotals } from './hourly.js';
import { ZSettlementMonthInput } from './schema.js';
import type {
  AdjustmentInput,
  Cents,
  SettlementMonthInput,
  SettlementStatementOut,
  StatementLineKind,
  StatementLineOut,
} from './types.js';

/** What each correctable line is called in an adjustment's description. */
export const LINE_LABELS: Readonly<Record<AdjustmentInput['corrects'], string>> = {
  COLOCATION: 'colocation',
  SLA_CREDIT: 'SLA credit',
  ENERGY_PASS_THROUGH: 'energy pass-through',
  BACKFILL_CREDIT: 'backfill credit',
  DEMAND_RESPONSE_CREDIT: 'demand-response credit',
};

/** Lines the platform fee is taken on (and adjustments to them). */
const FEE_BASE: ReadonlySet<StatementLineKind> = new Set(['COLOCATION', 'SLA_CREDIT']);

/** A credit: the negative of a non-negative amount, never -0. */
const credit = (cents: Cents): Cents => 0 - cents;
/** A share of a real number of cents, rounded once. */
const shareOf = (cents: number, bps: number): Cents => roundHalfAway((cents * bps) / 10_000);

function line(
  kind: StatementLineKind,
  description: string,
  amountCents: Cents,
  detail: Record<string, unknown>,
  adjustsMonth: string | null = null,
  feeBase = FEE_BASE.has(kind),
): StatementLineOut {
  return { kind, description, amountCents, feeBase, adjustsMonth, detail };
}

/** Validates with ZSettlementMonthInput; throws SettlementInputError naming every field at fault. */
export function parseSettlementMonthInput(input: unknown): SettlementMonthInput {
  return parseOrThrow(ZSettlementMonthInput, input);
}

/** The month's statement. Pure: reads nothing but its input. Throws SettlementInputError for a bad input. */
export function settleMonth(rawInput: SettlementMonthInput): SettlementStatementOut {
  const input = parseSettlementMonthInput(rawInput);
  const { terms } = input;
  const cal = monthCalendar(input.month);
  const active = activeHourRange(cal, input.activeFrom, input.activeUntil);
  const activeHours = active.until - active.from;
  const kwByDay = contractedKwByDay(cal, terms.contractedKw, input.kwChanges);
  const load = eventLoad(cal, active, input.events, kwByDay.map((kw) => kw / 1_000));
  const hourly = hourlyTotals(input, cal, active, kwByDay, load);

  // Colocation and SLA credit.
  const coloc = colocation(cal, { from: active.from / 24, until: active.until / 24 }, kwByDay, terms.priceCentsPerKwMonth);
  const avail = availability(load, activeHours, terms.maintenanceAllowanceHours);
  const commitmentPct = availabilityCommitmentPct(terms.slaTiers);
  const tier = slaTierFor(terms.slaTiers, avail.pct);
  const slaCents = credit(percentOf(coloc.amountCents, tier.creditPct));
  const kwText = coloc.periods.map((p) => `${formatQuantity(p.kw)} kW x ${p.days}/${cal.days} days`).join(' + ') || 'no active day';

  // Energy, backfill and demand response: hourly sums, each rounded once here.
  const passThroughCents = roundHalfAway((hourly.aiEnergyUsd * 100 * (10_000 + terms.energyMarginBps)) / 10_000);
  const backfillCents = credit(shareOf(hourly.positiveNetUsd * 100, terms.tenantBackfillShareBps));
  const drCents = credit(shareOf(hourly.demandResponseUsd * 100, terms.tenantDemandResponseShareBps));
  const disputed = load.events.filter((e) => e.disputed).map((e) => e.id);
  const counted = (cause: string) =>
    load.events.filter((e) => e.channel === 'AI_IT' && e.cause === cause).map(({ id, mwAffected, hours, disputed }) => ({ id, mwAffected, hours, disputed }));

  const lines: StatementLineOut[] = [
    line('COLOCATION', `Colocation: ${kwText} at ${formatUsd(terms.priceCentsPerKwMonth)}/kW-month`, coloc.amountCents, {
      formula: 'round(kwDays x priceCentsPerKwMonth / daysInMonth)',
      kwDays: coloc.kwDays,
      priceCentsPerKwMonth: terms.priceCentsPerKwMonth,
      daysInMonth: cal.days,
      activeDays: coloc.activeDays,
      periods: coloc.periods,
    }),
    line(
      'SLA_CREDIT',
      `SLA credit: availability ${formatQuantity(avail.pct)}% against ${formatQuantity(commitmentPct)}% committed, ${formatQuantity(tier.creditPct)}% of colocation`,
      slaCents,
      {
        formula: '-round(colocationCents x creditPct / 100); availabilityPct = 100 x (1 - unavailableHours / activeHours)',
        colocationCents: coloc.amountCents,
        creditPct: tier.creditPct,
        tier,
        availabilityPct: avail.pct,
        commitmentPct,
        activeHours,
        unavailableHours: avail.unavailableHours,
        facilityHours: avail.facilityHours,
        maintenanceHours: avail.maintenanceHours,
        maintenanceAllowanceHours: terms.maintenanceAllowanceHours,
        maintenanceBeyondAllowanceHours: avail.maintenanceBeyondAllowanceHours,
        facilityEvents: counted('FACILITY'),
        maintenanceEvents: counted('MAINTENANCE_PLANNED'),
      },
    ),
    line(
      'ENERGY_PASS_THROUGH',
      `Energy pass-through: ${formatQuantity(hourly.aiItMwh)} MWh IT x PUE ${terms.pue} at the agreed price${terms.energyMarginBps > 0 ? `, margin ${formatBps(terms.energyMarginBps)}` : ''}`,
      passThroughCents,
      {
        formula: 'round(energyCostUsd x 100 x (1 + marginBps / 10,000)); energyCostUsd = Σ_h aiItMwh_h x pue x priceUsdPerMwh_h',
        energyCostUsd: hourly.aiEnergyUsd,
        marginBps: terms.energyMarginBps,
        aiItMwh: hourly.aiItMwh,
        pue: terms.pue,
        hoursBilled: hourly.aiHoursBilled,
        hoursWithoutData: activeHours - hourly.aiHoursBilled,
      },
    ),
    line(
      'BACKFILL_CREDIT',
      `Backfill mining credit: ${formatBps(terms.tenantBackfillShareBps)} of ${formatUsd(roundHalfAway(hourly.positiveNetUsd * 100))} positive net on ${formatQuantity(hourly.settledMiningMwh)} MWh mined in reserved power`,
      backfillCents,
      {
        formula:
          '-round(positiveNetUsd x 100 x tenantShareBps / 10,000); positiveNetUsd = Σ_h max(0, settledMwh_h x (revenuePerMwh_day - priceUsdPerMwh_h - variableOpexUsdPerMwh))',
        positiveNetUsd: hourly.positiveNetUsd,
        tenantShareBps: terms.tenantBackfillShareBps,
        lossHoursNetUsd: hourly.lossHoursNetUsd,
        settledMiningMwh: hourly.settledMiningMwh,
        unsettledMiningMwh: hourly.unsettledMiningMwh,
        unpricedMiningMwh: hourly.unpricedMiningMwh,
        grossRevenueUsd: hourly.grossRevenueUsd,
        energyCostUsd: hourly.miningEnergyUsd,
        variableOpexUsd: hourly.variableOpexUsd,
        variableOpexUsdPerMwh: terms.variableOpexCentsPerMwh / 100,
        jPerTh: terms.jPerTh,
        poolFeeBps: terms.hashpriceSource === 'INDEX' ? terms.poolFeeBps : 0,
        hashpriceSource: terms.hashpriceSource,
        revenuePerMwhByDay: hourly.revenuePerMwhByDay,
        missingHashpriceDays: hourly.missingHashpriceDays,
      },
    ),
    line(
      'DEMAND_RESPONSE_CREDIT',
      `Demand-response credit: ${formatBps(terms.tenantDemandResponseShareBps)} of ${formatUsd(roundHalfAway(hourly.demandResponseUsd * 100))} earned curtailing ${formatQuantity(hourly.curtailedMwh)} MWh in reserved power`,
      drCents,
      {
        formula: '-round(incomeUsd x 100 x tenantShareBps / 10,000); incomeUsd = Σ_events curtailedMwh x paymentCentsPerMwh / 100',
        incomeUsd: hourly.demandResponseUsd,
        tenantShareBps: terms.tenantDemandResponseShareBps,
        curtailedMwh: hourly.curtailedMwh,
        events: load.events.flatMap((e, i) =>
          e.cause === 'DEMAND_RESPONSE' && e.channel === 'MINING'
            ? [{ id: e.id, mwAffected: e.mwAffected, hours: e.hours, disputed: e.disputed, ...hourly.demandResponseByEvent[i]! }]
            : [],
        ),
      },
    ),
    ...input.adjustments.map((a) =>
      line(
        'ADJUSTMENT',
        `Adjustment to ${a.month} ${LINE_LABELS[a.corrects]}: ${a.reason}`,
        a.amountCents,
        { amountCents: a.amountCents, corrects: a.corrects, month: a.month, reason: a.reason },
        a.month,
        FEE_BASE.has(a.corrects),
      ),
    ),
  ];
  if (input.carriedTenantCreditCents !== 0)
    lines.push(
      line('CARRIED_CREDIT', 'Credit carried from the previous statement', input.carriedTenantCreditCents, {
        carriedTenantCreditCents: input.carriedTenantCreditCents,
      }),
    );

  const subtotal = lines.reduce((s, l) => s + l.amountCents, 0);
  const tenantTotalCents = Math.max(0, subtotal);
  const feeBaseCents = lines.reduce((s, l) => (l.feeBase ? s + l.amountCents : s), 0);
  const feeOwed = percentOf(feeBaseCents, terms.platformFeeBps / 100) + input.carriedPlatformFeeCents;
  // Never more than collected, never negative: what the platform cannot take now (or owes back) is carried.
  const platformFeeCents = Math.min(Math.max(0, feeOwed), tenantTotalCents);
  const amounts = [...lines.map((l) => l.amountCents), subtotal, feeOwed];
  if (!amounts.every(Number.isSafeInteger))
    throw new SettlementInputError([{ path: '', message: 'the month’s amounts exceed what can be computed to the cent (2^53 cents)' }]);

  const c = (usd: number) => roundHalfAway(usd * 100);
  return {
    month: input.month,
    lines,
    tenantTotalCents,
    platformFeeCents,
    hostPayoutCents: tenantTotalCents - platformFeeCents,
    tenantCarryOutCents: Math.min(0, subtotal),
    feeCarryOutCents: feeOwed - platformFeeCents,
    summary: {
      hours: cal.hours,
      activeHours,
      availability: {
        pct: avail.pct,
        commitmentPct,
        unavailableHours: avail.unavailableHours,
        byCause: load.byCause,
        creditPct: tier.creditPct,
      },
      energyMwh: {
        aiIt: hourly.aiItMwh,
        aiFacility: hourly.aiFacilityMwh,
        settledMining: hourly.settledMiningMwh,
        unsettledMining: hourly.unsettledMiningMwh,
        curtailedForDemandResponse: hourly.curtailedMwh,
      },
      backfill: {
        grossRevenueCents: c(hourly.grossRevenueUsd),
        energyCostCents: c(hourly.miningEnergyUsd),
        variableOpexCents: c(hourly.variableOpexUsd),
        positiveNetCents: c(hourly.positiveNetUsd),
        lossHoursNetCents: c(hourly.lossHoursNetUsd),
        demandResponseIncomeCents: c(hourly.demandResponseUsd),
      },
      gaps: hourly.gaps,
      missingHashpriceDays: hourly.missingHashpriceDays,
      disputedEventIds: disputed,
    },
  };
}
