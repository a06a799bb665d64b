// Rows ↔ GraphQL shapes and engine views. Money: cents per MWh ↔ $/kWh (÷ 100,000), cents ↔ USD.
import { createHash } from 'node:crypto';
import type { HostingDeal, HostingOffer, HostingRequest, HostingStatement, Payout, Prisma } from '@gridshare/db';
import type { FleetSpec, HostingAiLoad, HostingOfferView, HostingRequestView, HostingSettlementTerms, OfferEconomics } from '@gridshare/hosting';
import { resolveFleet } from '@gridshare/hosting';
import { isoDay } from '../common/dates';
import type { TCreateHostingOfferInput, TCreateHostingRequestInput, TUpdateHostingOfferInput, TUpdateHostingRequestInput } from './hosting.schemas';

export const usdPerKwhToCentsPerMwh = (usd: number) => Math.round(usd * 100_000);
export const centsPerMwhToUsdPerKwh = (cents: number) => cents / 100_000;

/** Anonymous handles derived from the row, not the organisation, so two rows of one party cannot be linked. */
export const hostLabel = (offerId: string) => `Host #${createHash('sha256').update(`hosting-offer:${offerId}`).digest('hex').slice(0, 6)}`;
export const fleetLabel = (requestId: string) => `Fleet #${createHash('sha256').update(`hosting-request:${requestId}`).digest('hex').slice(0, 6)}`;

type OfferWrite = Partial<TCreateHostingOfferInput> | TUpdateHostingOfferInput;

/** The columns an offer input sets; pricing and interruptibility each set their whole group. */
export function toOfferData(input: OfferWrite): Prisma.HostingOfferUncheckedUpdateInput {
  const { pricing, interruptibility, maxJPerTh, aiLoad, ...rest } = input;
  return {
    ...rest,
    ...(pricing
      ? pricing.kind === 'ALL_IN'
        ? { pricingKind: 'ALL_IN', rateCentsPerMwh: usdPerKwhToCentsPerMwh(pricing.rateUsdPerKwh), feeCentsPerKwMonth: null }
        : { pricingKind: 'PASS_THROUGH', rateCentsPerMwh: null, feeCentsPerKwMonth: Math.round(pricing.feeUsdPerKwMonth * 100) }
      : {}),
    ...(interruptibility
      ? interruptibility.kind === 'FIRM'
        ? { interruptibility: 'FIRM', noticeSeconds: 0, maxCurtailedHoursPerMonth: 0, preemptors: [] }
        : {
            interruptibility: 'INTERRUPTIBLE',
            noticeSeconds: interruptibility.noticeSeconds,
            maxCurtailedHoursPerMonth: interruptibility.maxCurtailedHoursPerMonth,
            preemptors: [...new Set(interruptibility.preemptors)],
          }
      : {}),
    ...(maxJPerTh === undefined ? {} : { maxJPerTh }),
    ...(aiLoad === undefined ? {} : { aiLoad: aiLoad === null ? null : (aiLoad as Prisma.InputJsonValue) }),
  } as Prisma.HostingOfferUncheckedUpdateInput;
}

export function toOfferNode(offer: HostingOffer) {
  return {
    ...offer,
    mw: offer.mw.toNumber(),
    uptimeCommitmentPct: offer.uptimeCommitmentPct.toNumber(),
    maxJPerTh: offer.maxJPerTh?.toNumber() ?? null,
    pricing: pricingNode(offer.pricingKind, offer.rateCentsPerMwh, offer.feeCentsPerKwMonth),
  };
}
export type HostingOfferNode = ReturnType<typeof toOfferNode>;

export function pricingNode(kind: 'ALL_IN' | 'PASS_THROUGH', rateCentsPerMwh: number | null, feeCentsPerKwMonth: number | null) {
  return {
    kind,
    rateUsdPerKwh: rateCentsPerMwh === null ? null : centsPerMwhToUsdPerKwh(rateCentsPerMwh),
    feeUsdPerKwMonth: feeCentsPerKwMonth === null ? null : feeCentsPerKwMonth / 100,
  };
}

/** What the engine needs of an offer, with its site's coarse attributes. */
export interface OfferWithSite {
  offer: HostingOffer;
  site: { country: string; region: string; gridOperator: string; energyPriceCentsPerMwh: number; verified: boolean };
}

export function toOfferView({ offer, site }: OfferWithSite): HostingOfferView {
  return {
    id: offer.id,
    mw: offer.mw.toNumber(),
    pricing:
      offer.pricingKind === 'ALL_IN'
        ? { kind: 'ALL_IN', rateCentsPerMwh: offer.rateCentsPerMwh ?? 0 }
        : { kind: 'PASS_THROUGH', feeCentsPerKwMonth: offer.feeCentsPerKwMonth ?? 0, energyCentsPerMwh: site.energyPriceCentsPerMwh },
    interruptibility: offer.interruptibility,
    noticeSeconds: offer.noticeSeconds,
    maxCurtailedHoursPerMonth: offer.maxCurtailedHoursPerMonth,
    preemptors: offer.preemptors,
    uptimeCommitmentPct: offer.uptimeCommitmentPct.toNumber(),
    maxJPerTh: offer.maxJPerTh?.toNumber() ?? null,
    coolings: offer.coolings,
    service: offer.service,
    depositMonths: offer.depositMonths,
    minTermMonths: offer.minTermMonths,
    availableFrom: isoDay(offer.availableFrom),
    country: site.country,
    region: site.region,
    gridOperator: site.gridOperator,
    hostVerified: site.verified,
    aiLoad: (offer.aiLoad as HostingAiLoad | null) ?? null,
  };
}

/** A listed offer as any organisation sees it: no host, no site name, no coordinates. */
export function toListingNode(view: HostingOfferView, economics: OfferEconomics) {
  return {
    hostLabel: hostLabel(view.id),
    ...view,
    pricing: view.pricing.kind === 'ALL_IN' ? pricingNode('ALL_IN', view.pricing.rateCentsPerMwh, null) : pricingNode('PASS_THROUGH', null, view.pricing.feeCentsPerKwMonth),
    passThroughEnergyUsdPerKwh: view.pricing.kind === 'PASS_THROUGH' ? centsPerMwhToUsdPerKwh(view.pricing.energyCentsPerMwh) : null,
    aiSiteIdlePower: Boolean(view.aiLoad),
    economics,
  };
}

type RequestWrite = Partial<TCreateHostingRequestInput> | TUpdateHostingRequestInput;

export function toRequestData(input: RequestWrite): Prisma.HostingRequestUncheckedUpdateInput {
  const { fleet, maxRateUsdPerKwh, ...rest } = input;
  const resolved = fleet ? resolveFleet(fleet) : null;
  return {
    ...rest,
    ...(fleet && resolved
      ? {
          fleet: fleet as Prisma.InputJsonValue,
          fleetMw: Math.round(resolved.mw * 1000) / 1000,
          fleetJPerTh: Math.round(resolved.jPerTh * 1000) / 1000,
          worstJPerTh: resolved.worstJPerTh,
          coolings: [...resolved.coolings],
        }
      : {}),
    ...(maxRateUsdPerKwh === undefined ? {} : { maxRateCentsPerMwh: usdPerKwhToCentsPerMwh(maxRateUsdPerKwh) }),
  };
}

export function toRequestView(request: HostingRequest): HostingRequestView {
  return {
    fleet: request.fleet as unknown as FleetSpec,
    maxRateCentsPerMwh: request.maxRateCentsPerMwh,
    uptimeNeededPct: request.uptimeNeededPct.toNumber(),
    curtailmentToleratedHoursPerMonth: request.curtailmentToleratedHoursPerMonth,
    regions: request.regions,
    startDate: isoDay(request.startDate),
    termMonths: request.termMonths,
    service: request.service,
  };
}

export function toRequestNode(request: HostingRequest) {
  return {
    ...request,
    fleetMw: request.fleetMw.toNumber(),
    fleetJPerTh: request.fleetJPerTh.toNumber(),
    worstJPerTh: request.worstJPerTh.toNumber(),
    uptimeNeededPct: request.uptimeNeededPct.toNumber(),
    maxRateUsdPerKwh: centsPerMwhToUsdPerKwh(request.maxRateCentsPerMwh),
  };
}

const usd = (cents: bigint | number) => Number(cents) / 100;

export function toDealNode(deal: HostingDeal, orgId: string) {
  const role = deal.hostOrgId === orgId ? 'HOST' : 'FLEET';
  const t = deal.terms as unknown as HostingSettlementTerms;
  return {
    ...deal,
    role,
    mw: deal.mw.toNumber(),
    counterpartyLabel: role === 'HOST' ? fleetLabel(deal.requestId) : hostLabel(deal.offerId),
    terms: {
      ...t,
      pricing: t.pricing.kind === 'ALL_IN' ? pricingNode('ALL_IN', t.pricing.rateCentsPerMwh, null) : pricingNode('PASS_THROUGH', null, t.pricing.feeCentsPerKwMonth),
      passThroughEnergyUsdPerKwh: t.pricing.kind === 'PASS_THROUGH' ? centsPerMwhToUsdPerKwh(t.pricing.energyCentsPerMwh) : null,
      platformFeePct: t.platformFeeBps / 100,
      depositUsd: usd(t.depositCents),
    },
  };
}
export type HostingDealNode = ReturnType<typeof toDealNode>;

/** The statement's lines as packages/hosting settleHostingMonth wrote them (JSON, in order). */
export const statementLines = (s: Pick<HostingStatement, 'lines'>) =>
  s.lines as unknown as { kind: string; description: string; amountCents: number; feeBase: boolean; detail: unknown }[];

/** `payout`: the host's, when read with it (row-level security shows it to the host only). */
export function toStatementNode(s: HostingStatement & { payout?: Payout | null }) {
  const lines = statementLines(s);
  return {
    ...s,
    payout: s.payout ? { amountUsd: usd(s.payout.amountCents), status: s.payout.status } : null,
    meteredKwh: s.meteredKwh.toNumber(),
    tenantTotalUsd: usd(s.tenantTotalCents),
    platformFeeUsd: usd(s.platformFeeCents),
    hostPayoutUsd: usd(s.hostPayoutCents),
    tenantCarryOutUsd: usd(s.tenantCarryOutCents),
    lines: lines.map((l) => ({ ...l, amountUsd: usd(l.amountCents) })),
  };
}

export type HostingStatementNode = ReturnType<typeof toStatementNode>;
