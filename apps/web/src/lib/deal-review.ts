// What a party commits to when it accepts or signs a deal, worked out from the deal and its request, so the
// review shows the same figures the agreement will hold.

export interface ReviewedDeal {
  mw: number;
  priceUsdPerKwMonth: number;
  termMonths: number;
  startDate: string;
  platformFeePct: number;
  request: { totalMw: number; termMonths: number; maxPriceUsdPerKwMonth: number | null };
}

/** Colocation over the whole term, in cents: MW x 1,000 kW x price per kW-month x months (energy not included). */
export function contractValueCents(deal: ReviewedDeal): number {
  return Math.round(deal.mw * 1000 * deal.priceUsdPerKwMonth * 100) * deal.termMonths;
}

/** Colocation per month, in cents. */
export function monthlyColocationCents(deal: ReviewedDeal): number {
  return Math.round(deal.mw * 1000 * deal.priceUsdPerKwMonth * 100);
}

/** Where the deal differs from what the tenant asked for, in words ("term 144 months vs 120 asked"). */
export function differencesFromRequest(deal: ReviewedDeal): string[] {
  const out: string[] = [];
  const r = deal.request;
  if (deal.termMonths !== r.termMonths) out.push(`Term ${deal.termMonths} months vs ${r.termMonths} asked`);
  if (deal.mw !== r.totalMw) out.push(`${deal.mw} MW vs ${r.totalMw} MW asked`);
  if (r.maxPriceUsdPerKwMonth !== null && deal.priceUsdPerKwMonth > r.maxPriceUsdPerKwMonth) {
    out.push(`$${deal.priceUsdPerKwMonth}/kW-month, above the $${r.maxPriceUsdPerKwMonth} ceiling asked`);
  }
  return out;
}
