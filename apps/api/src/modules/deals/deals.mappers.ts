import { type DealAgreement, Prisma, type RevenueScenario } from '@gridshare/db';
import { DEFAULT_SLA_TIERS, type SlaTier, availabilityCommitmentPct } from '@gridshare/settlement';
import { type ScenarioNode, toScenarioNode } from '../revenue/revenue.mappers';
import type { AgreedTerms } from '../settlement/statement-inputs';
import { usdToCents } from '../common/units';
import { roleIn } from './deal-moves';
import type { DealPartyNode } from './deal-parties';
import type { DealSiteNode } from './deal-site';
import type { Allocation } from './deal-terms';
import type { TProposeDealInput } from './deals.schemas';

/** What a deal is read with: the request's headline, the blocks, the agreement (the parties: deal-parties.ts). */
export const DEAL_INCLUDE = {
  request: { select: { id: true, title: true, totalMw: true, termMonths: true, maxPriceCentsPerKwMonth: true } },
  blocks: { select: { blockId: true, mw: true }, orderBy: { blockId: 'asc' } },
  agreement: true,
} satisfies Prisma.DealInclude;
export type DealWithParts = Prisma.DealGetPayload<{ include: typeof DEAL_INCLUDE }>;

const pctToBps = (pct: number) => Math.round(pct * 100);

/** The GraphQL Deal as `orgId` sees it: money in USD, shares in percent, the caller's side as `role`. */
/** `agreedScenario`: the scenario the agreement froze, when it froze one (a deal's scenarios are both parties'). */
export function toDealNode(
  deal: DealWithParts,
  orgId: string,
  site: DealSiteNode,
  parties: { host: DealPartyNode; tenant: DealPartyNode },
  agreedScenario: RevenueScenario | null = null,
) {
  return {
    id: deal.id,
    status: deal.status,
    role: roleIn(deal, orgId),
    mw: deal.mw.toNumber(),
    pendingMw: deal.pendingMw?.toNumber() ?? null,
    pendingMwBy: deal.pendingMwBy,
    priceUsdPerKwMonth: deal.priceCentsPerKwMonth / 100,
    termMonths: deal.termMonths,
    startDate: deal.startDate,
    hostMiningSharePct: deal.hostMiningShareBps / 100,
    miningReleaseSeconds: deal.miningReleaseSeconds,
    curtailFirst: deal.curtailFirst,
    platformFeePct: deal.platformFeeBps / 100,
    acceptedAt: deal.acceptedAt,
    rejectedAt: deal.rejectedAt,
    withdrawnAt: deal.withdrawnAt,
    hostSignedAt: deal.hostSignedAt,
    tenantSignedAt: deal.tenantSignedAt,
    hostSignedScenario: deal.hostSignedScenario,
    tenantSignedScenario: deal.tenantSignedScenario,
    slaTiers: (deal.slaTiers as SlaTier[] | null) ?? DEFAULT_SLA_TIERS,
    maintenanceAllowanceHours: deal.maintenanceAllowanceHours,
    hashpriceSource: deal.hashpriceSource,
    disputeWindowDays: deal.disputeWindowDays,
    agreement: deal.agreement && toAgreementNode(deal.agreement, agreedScenario && toScenarioNode(agreedScenario, orgId)),
    activatedAt: deal.activatedAt,
    endedAt: deal.endedAt,
    createdAt: deal.createdAt,
    updatedAt: deal.updatedAt,
    host: parties.host,
    tenant: parties.tenant,
    request: {
      id: deal.request.id,
      title: deal.request.title,
      totalMw: deal.request.totalMw.toNumber(),
      termMonths: deal.request.termMonths,
      maxPriceUsdPerKwMonth: deal.request.maxPriceCentsPerKwMonth === null ? null : deal.request.maxPriceCentsPerKwMonth / 100,
    },
    blocks: deal.blocks.map((block) => ({ blockId: block.blockId, mw: block.mw.toNumber() })),
    site,
  };
}
export type DealNode = ReturnType<typeof toDealNode>;

/** The frozen agreement: what settlement reads. `scenarioId` null = both signed the deal's default terms. */
function toAgreementNode(agreement: DealAgreement, scenario: ScenarioNode | null) {
  // Written by freeze_deal_agreement() from the engine's agreedTerms (plus the dispute window); never changes.
  const terms = agreement.terms as unknown as AgreedTerms;
  return {
    scenarioId: agreement.scenarioId,
    scenario,
    inputs: agreement.inputs,
    agreedAt: agreement.agreedAt,
    terms: {
      priceUsdPerKwMonth: terms.priceCentsPerKwMonth / 100,
      contractedMw: terms.contractedKw / 1000,
      pue: terms.pue,
      energyMarginPct: terms.energyMarginBps / 100,
      jPerTh: terms.jPerTh,
      poolFeePct: terms.poolFeeBps / 100,
      variableOpexUsdPerMwh: terms.variableOpexCentsPerMwh / 100,
      tenantBackfillSharePct: terms.tenantBackfillShareBps / 100,
      tenantDemandResponseSharePct: terms.tenantDemandResponseShareBps / 100,
      platformFeePct: terms.platformFeeBps / 100,
      slaTiers: terms.slaTiers,
      availabilityCommitmentPct: availabilityCommitmentPct(terms.slaTiers),
      maintenanceAllowanceHours: terms.maintenanceAllowanceHours,
      hashpriceSource: terms.hashpriceSource,
      disputeWindowDays: terms.disputeWindowDays,
    },
  };
}

export interface ProposalParties {
  hostOrgId: string;
  tenantOrgId: string;
  siteId: string;
}

export function toDealCreateData(input: TProposeDealInput, parties: ProposalParties, allocation: Allocation[]): Prisma.DealUncheckedCreateInput {
  return {
    ...parties,
    requestId: input.requestId,
    status: 'PROPOSED',
    mw: input.mw,
    priceCentsPerKwMonth: usdToCents(input.priceUsdPerKwMonth),
    termMonths: input.termMonths,
    startDate: input.startDate,
    hostMiningShareBps: pctToBps(input.hostMiningSharePct),
    miningReleaseSeconds: input.miningReleaseSeconds,
    curtailFirst: input.curtailFirst,
    platformFeeBps: pctToBps(input.platformFeePct),
    slaTiers: input.slaTiers ? input.slaTiers.map((tier) => ({ ...tier })) : Prisma.DbNull,
    maintenanceAllowanceHours: input.maintenanceAllowanceHours,
    hashpriceSource: input.hashpriceSource,
    disputeWindowDays: input.disputeWindowDays,
    blocks: { create: allocation },
  };
}
