// One month of a hosting deal from its meter data: metered kWh x the all-in rate (or energy at cost plus
// the fee per kW-month); curtailment beyond the offer's allowance and downtime beyond the uptime
// commitment credited to the fleet at the margin it lost; the deposit held on the first statement and
// applied on the last. Integer cents, one rounding per line; the totals come from the lines only.
import { miningRevenuePerMwh, roundHalfAway } from '@gridshare/revenue';

export type HostingLineKind = 'HOSTING_ENERGY' | 'ENERGY_PASS_THROUGH' | 'HOSTING_FEE' | 'CURTAILMENT_CREDIT' | 'DOWNTIME_CREDIT' | 'DEPOSIT_HELD' | 'DEPOSIT_APPLIED' | 'CARRIED_CREDIT';

export interface HostingSettlementTerms {
  readonly pricing: { readonly kind: 'ALL_IN'; readonly rateCentsPerMwh: number } | { readonly kind: 'PASS_THROUGH'; readonly feeCentsPerKwMonth: number; readonly energyCentsPerMwh: number };
  /** The fleet's contracted power, kW. */
  readonly contractedKw: number;
  readonly maxCurtailedHoursPerMonth: number;
  readonly uptimeCommitmentPct: number;
  /** The fleet's efficiency and pool fee: what a lost MWh would have earned. */
  readonly jPerTh: number;
  readonly poolFeePercent: number;
  readonly platformFeeBps: number;
  readonly depositCents: number;
}

export interface HostingMonthData {
  /** Hours in the calendar month (UTC). */
  readonly hoursInMonth: number;
  /** The fleet's metered energy, one value per interval, kWh to the Wh. */
  readonly readingsKwh: readonly number[];
  /** Hours the host curtailed the fleet for its pre-emptors (AI load, grid, price). */
  readonly curtailedHours: number;
  /** Hours the power was down for anything else (facility, maintenance). */
  readonly downtimeHours: number;
  /** The month's average of the platform's daily hashprice index, $/PH/day. */
  readonly hashpriceUsdPerPhDay: number;
  /** HOLD on the deal's first statement, APPLY on its last, NONE between (both on a one-month deal). */
  readonly deposit: { readonly hold: boolean; readonly apply: boolean };
  /** Credit carried from last month's statement (≤ 0). */
  readonly carriedCreditCents: number;
}

export interface HostingLine {
  readonly kind: HostingLineKind;
  readonly description: string;
  readonly amountCents: number;
  /** Counts toward the platform fee's base (the host's charges and the credits against them). */
  readonly feeBase: boolean;
  readonly detail: Readonly<Record<string, number | string>>;
}

export interface HostingStatement {
  readonly lines: readonly HostingLine[];
  readonly meteredKwh: number;
  /** Σ lines when positive: what the fleet owes. */
  readonly tenantTotalCents: number;
  readonly platformFeeCents: number;
  /** tenantTotal − fee: never negative, never more than collected. */
  readonly hostPayoutCents: number;
  /** Σ lines when negative: credit carried to next month (≤ 0). */
  readonly tenantCarryOutCents: number;
}

/** Readings in whole Wh, summed as integers, so the month's kWh do not drift with the order of addition. */
function sumKwh(readings: readonly number[]): number {
  let wh = 0;
  for (const r of readings) wh += Math.round(r * 1_000);
  return wh / 1_000;
}

export function settleHostingMonth(terms: HostingSettlementTerms, data: HostingMonthData): HostingStatement {
  const kwh = sumKwh(data.readingsKwh);
  const mw = terms.contractedKw / 1_000;
  const lines: HostingLine[] = [];
  const price = terms.pricing;
  const variableCentsPerMwh = price.kind === 'ALL_IN' ? price.rateCentsPerMwh : price.energyCentsPerMwh;
  if (price.kind === 'ALL_IN') {
    lines.push({
      kind: 'HOSTING_ENERGY',
      description: `${kwh} kWh metered at $${(price.rateCentsPerMwh / 100_000).toFixed(5)}/kWh all-in`,
      amountCents: roundHalfAway((kwh * price.rateCentsPerMwh) / 1_000),
      feeBase: true,
      detail: { kwh, rateCentsPerMwh: price.rateCentsPerMwh, formula: 'kWh x rate' },
    });
  } else {
    lines.push({
      kind: 'ENERGY_PASS_THROUGH',
      description: `${kwh} kWh metered at the site's energy cost`,
      amountCents: roundHalfAway((kwh * price.energyCentsPerMwh) / 1_000),
      feeBase: false,
      detail: { kwh, energyCentsPerMwh: price.energyCentsPerMwh, formula: 'kWh x energy price' },
    });
    lines.push({
      kind: 'HOSTING_FEE',
      description: `${terms.contractedKw} kW at $${(price.feeCentsPerKwMonth / 100).toFixed(2)}/kW-month`,
      amountCents: roundHalfAway(terms.contractedKw * price.feeCentsPerKwMonth),
      feeBase: true,
      detail: { contractedKw: terms.contractedKw, feeCentsPerKwMonth: price.feeCentsPerKwMonth, formula: 'kW x fee' },
    });
  }

  // What one MWh the fleet could not run would have earned it, net of what it would have paid for it.
  const revenueUsdPerMwh = miningRevenuePerMwh(terms.jPerTh, data.hashpriceUsdPerPhDay, terms.poolFeePercent);
  const lostCentsPerMwh = Math.max(0, revenueUsdPerMwh * 100 - variableCentsPerMwh);
  const credit = (kind: 'CURTAILMENT_CREDIT' | 'DOWNTIME_CREDIT', hours: number, allowed: number, what: string) => {
    const excess = Math.max(0, hours - allowed);
    if (excess <= 0) return;
    lines.push({
      kind,
      description: `${excess} h of ${what} beyond the ${allowed} h allowed x ${mw} MW x $${(lostCentsPerMwh / 100).toFixed(2)}/MWh lost margin`,
      amountCents: -roundHalfAway(excess * mw * lostCentsPerMwh) + 0,
      feeBase: true,
      detail: { hours, allowedHours: allowed, excessHours: excess, mw, hashpriceUsdPerPhDay: data.hashpriceUsdPerPhDay, lostCentsPerMwh, formula: 'excess h x MW x (hash revenue per MWh - rate)' },
    });
  };
  credit('CURTAILMENT_CREDIT', data.curtailedHours, terms.maxCurtailedHoursPerMonth, 'curtailment');
  const allowedDowntime = Math.round(data.hoursInMonth * (1 - terms.uptimeCommitmentPct / 100) * 1_000) / 1_000;
  credit('DOWNTIME_CREDIT', data.downtimeHours, allowedDowntime, 'downtime');

  if (data.deposit.hold && terms.depositCents > 0)
    lines.push({ kind: 'DEPOSIT_HELD', description: 'Deposit, held by the host for the term', amountCents: terms.depositCents, feeBase: false, detail: { depositCents: terms.depositCents } });
  if (data.deposit.apply && terms.depositCents > 0)
    lines.push({ kind: 'DEPOSIT_APPLIED', description: 'Deposit applied to the last month', amountCents: -terms.depositCents, feeBase: false, detail: { depositCents: terms.depositCents } });
  if (data.carriedCreditCents < 0)
    lines.push({ kind: 'CARRIED_CREDIT', description: 'Credit carried from last month', amountCents: data.carriedCreditCents, feeBase: false, detail: {} });

  const sum = lines.reduce((s, l) => s + l.amountCents, 0);
  const feeBase = lines.filter((l) => l.feeBase).reduce((s, l) => s + l.amountCents, 0);
  const tenantTotalCents = Math.max(0, sum);
  // The fee is never more than what is collected, so the payout is never negative.
  const platformFeeCents = Math.min(tenantTotalCents, Math.max(0, roundHalfAway((feeBase * terms.platformFeeBps) / 10_000)));
  return {
    lines,
    meteredKwh: kwh,
    tenantTotalCents,
    platformFeeCents,
    hostPayoutCents: tenantTotalCents - platformFeeCents,
    tenantCarryOutCents: Math.min(0, sum),
  };
}
