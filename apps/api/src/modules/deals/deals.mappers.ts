import type { Prisma } from '@gridshare/db';
import { usdToCents } from '../sites/sites.mappers';
import { roleIn } from './deal-moves';
import type { DealPartyNode } from './deal-parties';
import type { DealSiteNode } from './deal-site';
import type { Allocation } from './deal-terms';
import type { TProposeDealInput } from './deals.schemas';

/** What a deal is read with: the request's headline and the blocks (the parties: deal-parties.ts). */
export const DEAL_INCLUDE = {
  request: { select: { id: true, title: true, totalMw: true } },
  blocks: { select: { blockId: true, mw: true }, orderBy: { blockId: 'asc' } },
} satisfies Prisma.DealInclude;
export type DealWithParts = Prisma.DealGetPayload<{ include: typeof DEAL_INCLUDE }>;

const pctToBps = (pct: number) => Math.round(pct * 100);

/** The GraphQL Deal as `orgId` sees it: money in USD, shares in percent, the caller's side as `role`. */
export function toDealNode(deal: DealWithParts, orgId: string, site: DealSiteNode, parties: { host: DealPartyNode; tenant: DealPartyNode }) {
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
    activatedAt: deal.activatedAt,
    endedAt: deal.endedAt,
    createdAt: deal.createdAt,
    updatedAt: deal.updatedAt,
    host: parties.host,
    tenant: parties.tenant,
    request: { ...deal.request, totalMw: deal.request.totalMw.toNumber() },
    blocks: deal.blocks.map((block) => ({ blockId: block.blockId, mw: block.mw.toNumber() })),
    site,
  };
}
export type DealNode = ReturnType<typeof toDealNode>;

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
    blocks: { create: allocation },
  };
}
