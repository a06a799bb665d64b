// Reading deals. A deal has no orgId: it belongs to two parties, and row-level security lets each of them
// (and nobody else) read it; the application scopes every read to the caller's side(s) as well.
import { type AppPrisma, type AppTx, type Prisma, type RevenueScenario, withOrg } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { loadDealParties } from './deal-parties';
import { loadDealSites } from './deal-site';
import { DEAL_INCLUDE, type DealNode, type DealWithParts, toDealNode } from './deals.mappers';
import type { DealRole, TDealFilter } from './deals.schemas';

/** Deals where the caller is `role`, or either party. */
export function partyWhere(auth: Authorized, role?: DealRole | null): Prisma.DealWhereInput {
  if (role === 'HOST') return { hostOrgId: auth.orgId };
  if (role === 'TENANT') return { tenantOrgId: auth.orgId };
  return { OR: [{ hostOrgId: auth.orgId }, { tenantOrgId: auth.orgId }] };
}

function dealWhere(auth: Authorized, filter: TDealFilter | null | undefined): Prisma.DealWhereInput {
  return { ...partyWhere(auth, filter?.role), ...(filter?.statuses?.length ? { status: { in: filter.statuses } } : {}) };
}

/** The scenarios the deals' agreements froze, in one query (none when no deal has one). */
async function loadAgreedScenarios(tx: AppTx, deals: readonly DealWithParts[]): Promise<(deal: DealWithParts) => RevenueScenario | null> {
  const ids = deals.flatMap((deal) => (deal.agreement?.scenarioId ? [deal.agreement.scenarioId] : []));
  const rows = ids.length > 0 ? await tx.revenueScenario.findMany({ where: { id: { in: ids } } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (deal) => (deal.agreement?.scenarioId ? (byId.get(deal.agreement.scenarioId) ?? null) : null);
}

async function toDealNodes(tx: AppTx, auth: Authorized, deals: DealWithParts[]): Promise<DealNode[]> {
  const siteOf = await loadDealSites(tx, auth.orgId, deals);
  const scenarioOf = await loadAgreedScenarios(tx, deals);
  const partiesOf = await loadDealParties(tx, auth.orgId, deals);
  return deals.map((deal) => toDealNode(deal, auth.orgId, siteOf(deal), partiesOf(deal), scenarioOf(deal)));
}

/** One deal as the caller sees it, inside the caller's transaction (mutations answer with it). */
export async function readDeal(tx: AppTx, auth: Authorized, id: string): Promise<DealNode> {
  const deal = await tx.deal.findFirst({ where: { id, ...partyWhere(auth) }, include: DEAL_INCLUDE });
  if (!deal) throw notFound('Deal', id);
  const [node] = await toDealNodes(tx, auth, [deal]);
  return node!;
}

export function getDeal(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, (tx) => readDeal(tx, auth, id));
}

export function findDealsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, filter?: TDealFilter | null) {
  return withOrg(prisma, auth, async (tx) =>
    toDealNodes(tx, auth, await tx.deal.findMany({ where: dealWhere(auth, filter), include: DEAL_INCLUDE, ...pageQuery(page) })),
  );
}

export function countDeals(prisma: AppPrisma, auth: Authorized, filter?: TDealFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.deal.count({ where: dealWhere(auth, filter) }));
}
