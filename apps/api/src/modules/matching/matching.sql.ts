// The matching module's SQL over the marketplace listings: the location prefilter (the one constraint an
// index serves), the engine's site-level constraints as conditions, the counts of the sites each excludes, and
// the candidates that pass them all, grouped per site as the engine takes them.
import { type AppPrisma, type ColocationRequest, Prisma } from '@gridshare/db';
import { COOLING_COMPATIBILITY, type ConstraintKey, type MatchCandidate, REDUNDANCY_RANK } from '@gridshare/matching';
import { type ListingSiteNode, toListingSite } from '../search/search.mappers';
import type { AsFloats, ListingRow } from '../search/search.service';
import { listingColumns, locationClauses } from '../search/listing-sql';

/** A listing row as the candidate query reads it: NUMERIC cast to float8 (Decimals cost ~4x to load). */
type CandidateRow = Omit<AsFloats<ListingRow>, 'sortValue'> & { hostOrgId: string; approxLatitude: number; approxLongitude: number };

const CANDIDATE_COLUMNS = listingColumns({ floats: true, extra: ['hostOrgId', 'approxLatitude', 'approxLongitude'] });

const locationClause = (request: ColocationRequest): Prisma.Sql => Prisma.join([Prisma.sql`TRUE`, ...locationClauses(request)], ' AND ');

/**
 * The engine's site-level constraints after location, in its order (latency, redundancy, cooling, rack
 * density), as SQL conditions built from the engine's own tables: the SQL counts the sites each one
 * excludes first, and only the sites that pass them all are loaded. The engine checks them again.
 */
function siteConstraintClauses(request: ColocationRequest): { key: ConstraintKey; ok: Prisma.Sql }[] {
  const clauses: { key: ConstraintKey; ok: Prisma.Sql }[] = [];
  // Unknown latency cannot be promised against a limit (as in the engine).
  if (request.maxLatencyMs) clauses.push({ key: 'latency', ok: Prisma.sql`coalesce(l."latencyToHubMs" <= ${request.maxLatencyMs.toNumber()}, false)` });
  if (request.minRedundancy) {
    const min = REDUNDANCY_RANK[request.minRedundancy];
    const allowed = Object.entries(REDUNDANCY_RANK).filter(([, rank]) => rank >= min).map(([name]) => name);
    clauses.push({ key: 'redundancy', ok: Prisma.sql`l."redundancy"::text = ANY(${allowed}::text[])` });
  }
  if (request.cooling) clauses.push({ key: 'cooling', ok: Prisma.sql`l."coolingType"::text = ANY(${[...COOLING_COMPATIBILITY[request.cooling]]}::text[])` });
  if (request.minRackDensityKw != null) clauses.push({ key: 'rackDensity', ok: Prisma.sql`l."maxRackDensityKw" >= ${request.minRackDensityKw}` });
  return clauses;
}

/** Listed sites (other hosts') per first failing constraint: location, then the site-level ones. */
export async function countSiteExclusions(prisma: AppPrisma, request: ColocationRequest, callerOrgId: string) {
  const clauses = siteConstraintClauses(request);
  const columns = clauses.map((clause, i) => {
    const passedEarlier = clauses.slice(0, i).map((earlier) => earlier.ok);
    const failsHere = Prisma.join([Prisma.sql`in_location`, ...passedEarlier, Prisma.sql`NOT (${clause.ok})`], ' AND ');
    return Prisma.sql`count(*) FILTER (WHERE ${failsHere}) AS ${Prisma.raw(`"${clause.key}"`)}`;
  });
  const [row] = await prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT count(*) FILTER (WHERE NOT in_location) AS "location" ${columns.length ? Prisma.sql`, ${Prisma.join(columns)}` : Prisma.empty}
      FROM (SELECT l.*, (${locationClause(request)}) AS in_location
              FROM "MarketplaceListing" l WHERE l."siteHead" AND l."hostOrgId" <> ${callerOrgId}::uuid) l`;
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, n]) => [key, Number(n)])) as Partial<Record<ConstraintKey, number>>;
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
    interruptibleMw: siteRows.reduce((sum, row) => sum + row.interruptibleMw, 0),
    blocks: siteRows.map((row) => ({
      id: row.blockId,
      kind: row.kind as MatchCandidate['blocks'][number]['kind'],
      mw: row.mw,
      firmMw: row.firmMw,
      interruptibleMw: row.interruptibleMw,
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

/**
 * The listed sites of other hosts that pass location and every site-level constraint, as the engine's
 * candidates, with each site's listing (what a match shows) and host organisation.
 */
export async function loadCandidates(prisma: AppPrisma, request: ColocationRequest, callerOrgId: string) {
  const siteLevel = Prisma.join([locationClause(request), ...siteConstraintClauses(request).map((clause) => clause.ok)], ' AND ');
  const rows = await prisma.$queryRaw<CandidateRow[]>`
    SELECT ${CANDIDATE_COLUMNS} FROM "MarketplaceListing" l WHERE ${siteLevel} AND l."hostOrgId" <> ${callerOrgId}::uuid`;
  const grouped = toCandidates(rows);
  return {
    candidates: grouped.map((g) => g.candidate),
    sites: new Map<string, ListingSiteNode>(grouped.map((g) => [g.candidate.siteId, g.site])),
    hosts: new Map(rows.map((row) => [row.siteId, row.hostOrgId])),
  };
}
