// Matching a tenant's request against the marketplace: the SQL prefilters on location (the one
// constraint an index serves), the engine (packages/matching) decides everything else and explains
// itself, and the ranked offers are stored as Match rows, one per site of each offer.
import { type AppPrisma, type AppTx, type ColocationRequest, type Prisma, scopedWhere, withOrg } from '@gridshare/db';
import { type ConstraintKey, type MatchRequest, type PartialFits, type Relaxation, type RankedMatch, describeExclusions, matchRequest } from '@gridshare/matching';
import { audit } from '../../audit';
import { matchEventPayload } from '../webhooks/events';
import { recordPartnerEvents } from '../webhooks/outbox';
import type { Authorized } from '../../auth/principal';
import { findOwned } from '../common/find-owned';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { isoDay } from '../common/dates';
import { assertTransition } from '../common/transitions';
import { toRequestNode } from '../requests/requests.mappers';
import type { ListingSiteNode } from '../search/search.mappers';
import { countSiteExclusions, loadCandidates } from './matching.sql';

const MATCH_LIMIT = 20;

/** What a stored Match row keeps of its run, so `matches` can answer without recomputing. */
export interface StoredExplanation {
  match: RankedMatch;
  sites: Record<string, ListingSiteNode>;
  excluded: { total: number; byConstraint: Record<ConstraintKey, number> };
  summary: string;
}

/** What a run found besides its offers, kept on the request even when it found nothing (matchOutcome). */
export interface StoredOutcome {
  modelVersion: string;
  matchedAt: string;
  excluded: StoredExplanation['excluded'];
  summary: string;
  partialFits: PartialFits;
  relaxations: readonly Relaxation[];
}

export interface MatchingRun {
  requestId: string;
  modelVersion: string;
  matchedAt: Date;
  matches: readonly RankedMatch[];
  sites: Map<string, ListingSiteNode>;
  excluded: StoredExplanation['excluded'];
  summary: string;
  partialFits: PartialFits | null;
  relaxations: readonly Relaxation[];
}

function toMatchRequest(request: ColocationRequest): MatchRequest {
  // The request as the API shows it, with the price back in cents (the engine's unit).
  const { maxPriceUsdPerKwMonth: _usd, ...needs } = toRequestNode(request);
  return { ...needs, maxPriceCentsPerKwMonth: request.maxPriceCentsPerKwMonth };
}

const findOwnRequest = (tx: AppTx, auth: Authorized, id: string) => findOwned(tx.colocationRequest, auth, id, 'Colocation request');

export async function runMatching(prisma: AppPrisma, auth: Authorized, requestId: string, asOf = new Date()): Promise<MatchingRun> {
  const request = await withOrg(prisma, auth, (tx) => findOwnRequest(tx, auth, requestId));
  assertTransition('colocation request', requestId, request.status, ['DRAFT', 'OPEN', 'MATCHED'], 'match');
  // Listings hold only what every organisation may see: read on the system path (search.service.ts).
  // Both on the pool at once: the candidates that pass every site-level constraint, and the counts of
  // the sites each one excluded.
  const [{ candidates, sites, hosts }, sqlExcluded] = await Promise.all([
    loadCandidates(prisma, request, auth.orgId),
    countSiteExclusions(prisma, request, auth.orgId),
  ]);
  const result = matchRequest(toMatchRequest(request), candidates, { limit: MATCH_LIMIT, asOf });
  // The SQL took out the sites failing location and the site-level constraints: add them to the
  // engine's counts for the rest.
  const byConstraint = { ...result.excluded.byConstraint };
  for (const [key, n] of Object.entries(sqlExcluded) as [ConstraintKey, number][]) byConstraint[key] += n;
  const excluded = { total: Object.values(byConstraint).reduce((sum, n) => sum + n, 0), byConstraint };
  const summary = describeExclusions(excluded);

  const matchedAt = new Date();
  const outcome: StoredOutcome = {
    modelVersion: result.modelVersion,
    matchedAt: matchedAt.toISOString(),
    excluded,
    summary,
    partialFits: result.partialFits,
    relaxations: result.relaxations,
  };

  return withOrg(prisma, auth, async (tx) => {
    await tx.match.deleteMany({ where: scopedWhere(auth, { requestId }) });
    await tx.colocationRequest.updateMany({
      where: scopedWhere(auth, { id: requestId }),
      data: { matchOutcome: outcome as unknown as Prisma.InputJsonObject }, // plain JSON: numbers, strings, arrays
    });
    const data = result.matches.flatMap((match) =>
      match.sites.map((share) => {
        const explanation: StoredExplanation = {
          match,
          sites: Object.fromEntries(match.siteIds.map((id) => [id, sites.get(id)!])),
          excluded,
          summary,
        };
        return {
          orgId: auth.orgId,
          requestId,
          siteId: share.siteId,
          hostOrgId: hosts.get(share.siteId)!,
          rank: match.rank,
          score: match.score,
          isSplit: match.isSplit,
          splitGroup: match.isSplit ? match.key : null,
          blockIds: [...share.blockIds],
          explanation: explanation as unknown as Prisma.InputJsonObject, // plain JSON: numbers, strings, arrays
          modelVersion: result.modelVersion,
        };
      }),
    );
    const stored = data.length ? await tx.match.createManyAndReturn({ data }) : [];
    // Each host hears of its own site's match (no tenant name: the payload is what hostMatches shows).
    await recordPartnerEvents(
      tx,
      stored.map((match) => ({ orgId: match.hostOrgId, type: 'match.created' as const, subjectId: match.id, payload: matchEventPayload(match) })),
    );
    await audit(tx, auth, {
            action: 'matching.run',
      entityType: 'ColocationRequest',
      entityId: requestId,
      changes: { matches: result.matches.length, excluded: excluded.total, modelVersion: result.modelVersion, asOf: isoDay(asOf) },
    });
    return { requestId, matches: result.matches, sites, ...fromOutcome(outcome) };
  });
}

function fromOutcome(outcome: StoredOutcome) {
  return {
    modelVersion: outcome.modelVersion,
    matchedAt: new Date(outcome.matchedAt),
    excluded: outcome.excluded,
    summary: outcome.summary,
    partialFits: outcome.partialFits,
    relaxations: outcome.relaxations,
  };
}

/** The stored matches of a request, rebuilt from their rows and its last run's outcome (null before the first run). */
export function findMatches(prisma: AppPrisma, auth: Authorized, requestId: string): Promise<MatchingRun | null> {
  return withOrg(prisma, auth, async (tx) => {
    const request = await findOwnRequest(tx, auth, requestId);
    const rows = await tx.match.findMany({ where: scopedWhere(auth, { requestId }), orderBy: [{ rank: 'asc' }, { siteId: 'asc' }] });
    const offers = new Map<number, StoredExplanation>();
    for (const row of rows) offers.set(row.rank, row.explanation as unknown as StoredExplanation);
    const stored = [...offers.values()];
    const matches = stored.map((s) => s.match);
    const sites = new Map(stored.flatMap((s) => Object.entries(s.sites)));
    if (request.matchOutcome !== null) {
      return { requestId, matches, sites, ...fromOutcome(request.matchOutcome as unknown as StoredOutcome) };
    }
    // Matched before outcomes were kept: the counts live on the rows.
    const first = rows[0];
    if (first === undefined) return null;
    const { excluded, summary } = stored[0]!;
    return { requestId, modelVersion: first.modelVersion, matchedAt: first.createdAt, matches, sites, excluded, summary, partialFits: null, relaxations: [] };
  });
}

/** Matches naming the caller's sites (row-level security lets a host read those). */
export function findHostMatchesPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs) {
  return withOrg(prisma, auth, (tx) => tx.match.findMany({ where: { hostOrgId: auth.orgId }, ...pageQuery(page) }));
}

export function countHostMatches(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, (tx) => tx.match.count({ where: { hostOrgId: auth.orgId } }));
}
