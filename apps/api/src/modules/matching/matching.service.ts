// Matching a tenant's request against the marketplace: the SQL prefilters on location (the one
// constraint an index serves), the engine (packages/matching) decides everything else and explains
// itself, and the ranked offers are stored as Match rows, one per site of each offer.
import { type AppPrisma, type AppTx, type ColocationRequest, Prisma, scopedWhere, withOrg } from '@gridshare/db';
import {
  type ConstraintKey,
  type MatchCandidate,
  type MatchRequest,
  type RankedMatch,
  describeExclusions,
  matchRequest,
} from '@gridshare/matching';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/authorize';
import { notFound } from '../../graphql/errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { isoDay } from '../common/dates';
import { assertTransition } from '../common/transitions';
import { readPhases } from '../requests/requests.mappers';
import { type ListingSiteNode, toListingSite } from '../search/search.mappers';
import { LISTING_COLUMNS, type ListingRow } from '../search/search.service';

const MATCH_LIMIT = 20;

interface CandidateRow extends ListingRow {
  hostOrgId: string;
  approxLatitude: number;
  approxLongitude: number;
}

/** What a stored Match row keeps of its run, so `matches` can answer without recomputing. */
export interface StoredExplanation {
  match: RankedMatch;
  sites: Record<string, ListingSiteNode>;
  excluded: { total: number; byConstraint: Record<ConstraintKey, number> };
  summary: string;
}

export interface MatchingRun {
  requestId: string;
  modelVersion: string;
  matchedAt: Date;
  matches: readonly RankedMatch[];
  sites: Map<string, ListingSiteNode>;
  excluded: StoredExplanation['excluded'];
  summary: string;
}

function toMatchRequest(request: ColocationRequest): MatchRequest {
  return {
    totalMw: request.totalMw.toNumber(),
    minContiguousMw: request.minContiguousMw.toNumber(),
    phases: readPhases(request.phases),
    countries: request.countries,
    regions: request.regions,
    gridOperators: request.gridOperators,
    maxLatencyMs: request.maxLatencyMs?.toNumber() ?? null,
    cooling: request.cooling,
    minRackDensityKw: request.minRackDensityKw,
    minRedundancy: request.minRedundancy,
    maxPriceCentsPerKwMonth: request.maxPriceCentsPerKwMonth,
    termMonths: request.termMonths,
    backfillMiningAllowed: request.backfillMiningAllowed,
  };
}

function locationClause(request: ColocationRequest): Prisma.Sql {
  const clauses: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (request.countries.length) clauses.push(Prisma.sql`l."country" = ANY(${request.countries}::text[])`);
  if (request.regions.length) clauses.push(Prisma.sql`l."region" = ANY(${request.regions}::text[])`);
  if (request.gridOperators.length) clauses.push(Prisma.sql`l."gridOperator" = ANY(${request.gridOperators}::text[])`);
  return Prisma.join(clauses, ' AND ');
}

function toCandidate(siteRows: CandidateRow[]): MatchCandidate {
  const first = siteRows[0]!;
  const site = toListingSite(first);
  return {
    siteId: first.siteId,
    hostOrgId: first.hostOrgId,
    country: first.country,
    region: first.region,
    gridOperator: first.gridOperator,
    latitude: first.approxLatitude,
    longitude: first.approxLongitude,
    coolingType: first.coolingType as MatchCandidate['coolingType'],
    redundancy: first.redundancy as MatchCandidate['redundancy'],
    maxRackDensityKw: first.maxRackDensityKw,
    latencyToHubMs: site.latencyToHubMs,
    readinessScore: site.readinessScore ?? 0,
    energyPriceCentsPerMwh: first.energyPriceCentsPerMwh,
    renewableSharePct: first.renewableSharePct,
    interruptibleMw: siteRows.reduce((sum, row) => sum + row.interruptibleMw.toNumber(), 0),
    blocks: siteRows.map((row) => ({
      id: row.blockId,
      kind: row.kind as MatchCandidate['blocks'][number]['kind'],
      mw: row.mw.toNumber(),
      firmMw: row.firmMw.toNumber(),
      interruptibleMw: row.interruptibleMw.toNumber(),
      availableFrom: row.availableFrom,
      priceCentsPerKwMonth: row.priceCentsPerKwMonth,
      minTermMonths: row.minTermMonths,
    })),
  };
}

/** Listing rows (one per block) grouped into the engine's candidates (one per site). */
function toCandidates(rows: CandidateRow[]) {
  const bySite = new Map<string, CandidateRow[]>();
  for (const row of rows) bySite.set(row.siteId, [...(bySite.get(row.siteId) ?? []), row]);
  return [...bySite.values()].map((siteRows) => ({ candidate: toCandidate(siteRows), site: toListingSite(siteRows[0]!) }));
}

async function findOwnRequest(tx: AppTx, auth: Authorized, id: string) {
  const request = await tx.colocationRequest.findFirst({ where: scopedWhere(auth, { id }) });
  if (!request) throw notFound('Colocation request', id);
  return request;
}

export async function runMatching(prisma: AppPrisma, auth: Authorized, requestId: string, asOf = new Date()): Promise<MatchingRun> {
  const request = await withOrg(prisma, auth, (tx) => findOwnRequest(tx, auth, requestId));
  assertTransition('colocation request', requestId, request.status, ['DRAFT', 'OPEN', 'MATCHED'], 'match');
  // Listings hold only what every organisation may see: read on the system path (search.service.ts).
  const rows = await prisma.$queryRaw<CandidateRow[]>`
    SELECT ${LISTING_COLUMNS}, l."hostOrgId", l."approxLatitude", l."approxLongitude", '0' AS "sortValue"
      FROM "MarketplaceListing" l WHERE ${locationClause(request)} AND l."hostOrgId" <> ${auth.orgId}::uuid`;
  const [{ sites: listedSites } = { sites: 0n }] = await prisma.$queryRaw<{ sites: bigint }[]>`
    SELECT count(DISTINCT "siteId") AS sites FROM "MarketplaceListing" WHERE "hostOrgId" <> ${auth.orgId}::uuid`;
  const grouped = toCandidates(rows);
  const candidates = grouped.map((g) => g.candidate);
  const sites = new Map(grouped.map((g) => [g.candidate.siteId, g.site]));
  const hosts = new Map(rows.map((row) => [row.siteId, row.hostOrgId]));
  const result = matchRequest(toMatchRequest(request), candidates, { limit: MATCH_LIMIT, asOf });
  // The SQL took out the sites outside the requested locations; count them where the engine would have.
  const byConstraint = { ...result.excluded.byConstraint, location: result.excluded.byConstraint.location + Number(listedSites) - candidates.length };
  const excluded = { total: result.excluded.total + Number(listedSites) - candidates.length, byConstraint };
  const summary = describeExclusions(excluded);

  return withOrg(prisma, auth, async (tx) => {
    await tx.match.deleteMany({ where: scopedWhere(auth, { requestId }) });
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
    if (data.length) await tx.match.createMany({ data });
    await writeAudit(tx, {
      orgId: auth.orgId,
      actor: auth.actor,
      action: 'matching.run',
      entityType: 'ColocationRequest',
      entityId: requestId,
      changes: { matches: result.matches.length, excluded: excluded.total, modelVersion: result.modelVersion, asOf: isoDay(asOf) },
    });
    return { requestId, modelVersion: result.modelVersion, matchedAt: new Date(), matches: result.matches, sites, excluded, summary };
  });
}

/** The stored matches of a request, rebuilt from their rows (null before the first run). */
export function findMatches(prisma: AppPrisma, auth: Authorized, requestId: string): Promise<MatchingRun | null> {
  return withOrg(prisma, auth, async (tx) => {
    await findOwnRequest(tx, auth, requestId);
    const rows = await tx.match.findMany({ where: scopedWhere(auth, { requestId }), orderBy: [{ rank: 'asc' }, { siteId: 'asc' }] });
    if (rows.length === 0) return null;
    const offers = new Map<number, StoredExplanation>();
    for (const row of rows) offers.set(row.rank, row.explanation as unknown as StoredExplanation);
    const first = rows[0]!;
    const stored = [...offers.values()];
    return {
      requestId,
      modelVersion: first.modelVersion,
      matchedAt: first.createdAt,
      matches: stored.map((s) => s.match),
      sites: new Map(stored.flatMap((s) => Object.entries(s.sites))),
      excluded: stored[0]!.excluded,
      summary: stored[0]!.summary,
    };
  });
}


/** Matches naming the caller's sites (row-level security lets a host read those). */
export function findHostMatchesPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs) {
  return withOrg(prisma, auth, (tx) => tx.match.findMany({ where: { hostOrgId: auth.orgId }, ...pageQuery(page) }));
}

export function countHostMatches(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, (tx) => tx.match.count({ where: { hostOrgId: auth.orgId } }));
}
