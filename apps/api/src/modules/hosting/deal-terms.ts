// The settlement terms a hosting deal is proposed (and accepted) on, from the offer and the request.
import type { HostingRequest } from '@gridshare/db';
import { DEFAULT_HOSTING_MARKET, expectedRunHoursPerMonth, type HostingOfferView, type HostingSettlementTerms } from '@gridshare/hosting';

/** The platform's fee on hosting charges, basis points (the colocation default, prisma Deal.platformFeeBps). */
export const HOSTING_PLATFORM_FEE_BPS = 300;

export function hostingDealTerms(offer: HostingOfferView, request: HostingRequest): HostingSettlementTerms {
  const contractedKw = Math.round(request.fleetMw.toNumber() * 1_000_000) / 1_000;
  // The deposit is the offer's months of an expected bill: the kWh of a month at the uptime commitment.
  const monthKwh = contractedKw * expectedRunHoursPerMonth(offer);
  const monthlyCents =
    offer.pricing.kind === 'ALL_IN'
      ? (monthKwh * offer.pricing.rateCentsPerMwh) / 1_000
      : contractedKw * offer.pricing.feeCentsPerKwMonth + (monthKwh * offer.pricing.energyCentsPerMwh) / 1_000;
  return {
    pricing: offer.pricing,
    contractedKw,
    maxCurtailedHoursPerMonth: offer.maxCurtailedHoursPerMonth,
    uptimeCommitmentPct: offer.uptimeCommitmentPct,
    jPerTh: request.fleetJPerTh.toNumber(),
    poolFeePercent: DEFAULT_HOSTING_MARKET.poolFeePercent,
    platformFeeBps: HOSTING_PLATFORM_FEE_BPS,
    depositCents: Math.round(offer.depositMonths * monthlyCents),
  };
}
