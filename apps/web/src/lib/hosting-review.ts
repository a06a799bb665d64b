// What a host or a fleet commits to when it accepts or signs a hosting deal, from the deal's terms, so the
// review shows the figures the statements will be built from. Hosting is billed on metered kWh, so the
// monthly figure is the ceiling at the contracted power in every hour of an average month (730 h): the
// fleet pays less for every hour it is curtailed or down.
import type { HostingPricingKind } from '@/generated/graphql';

export const HOURS_PER_AVERAGE_MONTH = 730;

export interface ReviewedHostingDeal {
  mw: number;
  termMonths: number;
  startDate: string;
  terms: {
    pricing: { kind: HostingPricingKind; rateUsdPerKwh: number | null; feeUsdPerKwMonth: number | null };
    passThroughEnergyUsdPerKwh: number | null;
    contractedKw: number;
    maxCurtailedHoursPerMonth: number;
    uptimeCommitmentPct: number;
    platformFeePct: number;
    depositUsd: number;
  };
}

/** The most a month can cost at full power, in cents: kWh × rate (all-in), or fee × kW + energy at cost (pass-through). */
export function fullPowerMonthCents(deal: ReviewedHostingDeal): number {
  const { pricing, contractedKw, passThroughEnergyUsdPerKwh } = deal.terms;
  const kwh = contractedKw * HOURS_PER_AVERAGE_MONTH;
  if (pricing.kind === 'ALL_IN') return Math.round(kwh * (pricing.rateUsdPerKwh ?? 0) * 100);
  return Math.round(contractedKw * (pricing.feeUsdPerKwMonth ?? 0) * 100) + Math.round(kwh * (passThroughEnergyUsdPerKwh ?? 0) * 100);
}

/** The same ceiling over the whole term, in cents. */
export const fullPowerTermCents = (deal: ReviewedHostingDeal) => fullPowerMonthCents(deal) * deal.termMonths;

/** The price in words: "$0.065/kWh all-in" or "$12/kW-month + energy at cost ($0.045/kWh)". */
export function hostingPriceText(terms: ReviewedHostingDeal['terms']): string {
  if (terms.pricing.kind === 'ALL_IN') return `$${terms.pricing.rateUsdPerKwh ?? '—'}/kWh all-in`;
  const energy = terms.passThroughEnergyUsdPerKwh === null ? 'energy at cost' : `energy at cost ($${terms.passThroughEnergyUsdPerKwh}/kWh)`;
  return `$${terms.pricing.feeUsdPerKwMonth ?? '—'}/kW-month + ${energy}`;
}
