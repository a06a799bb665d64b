// The statement's lines, each with its description and the detail that reproduces its amount: rounded once
// here from the month's unrounded sums (docs/settlement.md, "The statement of one month").
import { percentOf, roundHalfAway } from '@gridshare/revenue';
import type { Availability } from './availability.js';
import type { MonthCalendar } from './calendar.js';
import type { Colocation } from './colocation.js';
import type { EventLoad } from './events.js';
import { formatBps, formatQuantity, formatUsd } from './format.js';
import type { HourlyTotals } from './hourly.js';
import type { AdjustmentInput, Cents, SettlementMonthInput, SlaTier, StatementLineKind, StatementLineOut } from './types.js';

/** What each correctable line is called in an adjustment's description. */
const LINE_LABELS: Readonly<Record<AdjustmentInput['corrects'], string>> = {
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

/** What the month measured, ready to become lines. */
export interface MonthFigures {
  readonly cal: MonthCalendar;
  readonly activeHours: number;
  readonly colocation: Colocation;
  readonly availability: Availability;
  readonly commitmentPct: number;
  readonly tier: SlaTier;
  readonly hourly: HourlyTotals;
  readonly load: EventLoad;
}

export function statementLines(input: SettlementMonthInput, m: MonthFigures): StatementLineOut[] {
  const { terms } = input;
  const { cal, activeHours, colocation: coloc, availability: avail, commitmentPct, tier, hourly, load } = m;
  const kwText = coloc.periods.map((p) => `${formatQuantity(p.kw)} kW x ${p.days}/${cal.days} days`).join(' + ') || 'no active day';
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
      credit(percentOf(coloc.amountCents, tier.creditPct)),
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
      roundHalfAway((hourly.aiEnergyUsd * 100 * (10_000 + terms.energyMarginBps)) / 10_000),
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
      credit(shareOf(hourly.positiveNetUsd * 100, terms.tenantBackfillShareBps)),
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
      credit(shareOf(hourly.demandResponseUsd * 100, terms.tenantDemandResponseShareBps)),
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

  return lines;
}
