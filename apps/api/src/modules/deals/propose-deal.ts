// A host offers some of its PUBLISHED blocks, all on one site, against another organisation's OPEN request,
// within the request's hard constraints (request-fit.ts).
import { type AppPrisma, type AppTx, scopedWhere, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { appError, badInput, conflict, notFound } from '../../errors/domain-errors';
import { assertTransition } from '../common/transitions';
import { requireOrgKind } from '../requests/require-org-kind';
import { readDeal } from './deal-reads';
import { type OfferedBlock, allocateMw, findTermsIssue } from './deal-terms';
import { toDealCreateData } from './deals.mappers';
import { type OfferedSite, findRequestFitIssue, requestConstraints } from './request-fit';
import { usdToCents } from '../common/units';
import type { TProposeDealInput } from './deals.schemas';

/** Row-level security lets a host read OPEN requests (and ones it dealt on); anything else is NOT_FOUND. */
async function findOpenRequest(tx: AppTx, auth: Authorized, id: string) {
  const request = await tx.colocationRequest.findFirst({ where: { id, orgId: { not: auth.orgId } } });
  if (!request) throw notFound('Colocation request', id);
  assertTransition('colocation request', id, request.status, ['OPEN'], 'propose a deal on');
  return { orgId: request.orgId, totalMw: request.totalMw.toNumber(), minContiguousMw: request.minContiguousMw.toNumber(), constraints: requestConstraints(request) };
}

/** The caller's blocks, in the order it listed them; each must be PUBLISHED. */
async function findOfferedBlocks(tx: AppTx, auth: Authorized, ids: string[]): Promise<OfferedBlock[]> {
  const rows = await tx.capacityBlock.findMany({ where: scopedWhere(auth, { id: { in: ids } }) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const block = byId.get(id);
    if (!block) throw notFound('Capacity block', id);
    if (block.status !== 'PUBLISHED') {
      throw conflict(`Capacity block ${id} is ${block.status}; only PUBLISHED blocks can be offered.`, { blockId: id, currentStatus: block.status });
    }
    return { id, siteId: block.siteId, mw: block.mw.toNumber(), minTermMonths: block.minTermMonths, availableFrom: block.availableFrom };
  });
}

/** Only what the marketplace lists can be offered: the tenant sees the site's coarse attributes from its listing. */
async function findListedSite(tx: AppTx, auth: Authorized, siteId: string): Promise<OfferedSite> {
  const site = await tx.site.findFirst({ where: scopedWhere(auth, { id: siteId }) });
  if (!site) throw notFound('Site', siteId);
  if (site.status !== 'ACTIVE' || site.verification !== 'VERIFIED') {
    throw conflict(`Site ${siteId} is ${site.status} and ${site.verification}; only capacity of active, verified sites can be offered.`, {
      status: site.status,
      verification: site.verification,
    });
  }
  return { ...site, latencyToHubMs: site.latencyToHubMs?.toNumber() ?? null };
}

export function proposeDeal(prisma: AppPrisma, auth: Authorized, input: TProposeDealInput) {
  requireOrgKind(auth, 'MINER', 'propose deals');
  return withOrg(prisma, auth, async (tx) => {
    const request = await findOpenRequest(tx, auth, input.requestId);
    const blocks = await findOfferedBlocks(tx, auth, input.blockIds);
    const issue = findTermsIssue(input, request, blocks);
    if (issue) throw badInput(`input.${issue.field}`, issue.message);
    const [first] = blocks;
    if (!first) throw badInput('input.blockIds', 'must name at least one block');
    const site = await findListedSite(tx, auth, first.siteId);
    const unfit = findRequestFitIssue({ ...input, priceCentsPerKwMonth: usdToCents(input.priceUsdPerKwMonth) }, request.constraints, site);
    if (unfit) throw appError('BAD_USER_INPUT', `input.${unfit.field}: ${unfit.message}`, { field: `input.${unfit.field}`, constraint: unfit.constraint });
    const parties = { hostOrgId: auth.orgId, tenantOrgId: request.orgId, siteId: first.siteId };
    const deal = await tx.deal.create({ data: toDealCreateData(input, parties, allocateMw(blocks, input.mw)) });
    await audit(tx, auth, { action: 'deal.propose', entityType: 'Deal', entityId: deal.id, changes: input });
    return readDeal(tx, auth, deal.id);
  });
}
