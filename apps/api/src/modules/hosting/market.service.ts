// The hosting market across organisations: LISTED offers and OPEN requests are read on the system path in
// one statement each, through named columns only (never an offer's organisation, its site's name or
// coordinates; never a request's organisation or title): the pattern of the capacity search
// (docs/architecture.md, explicit system paths). What each caller may then do is checked in its own scope.
import { type AppPrisma, type HostingOffer, type HostingRequest, Prisma } from '@gridshare/db';
import type { HostingMarket, HostingOfferView } from '@gridshare/hosting';
import { DEFAULT_HOSTING_MARKET } from '@gridshare/hosting';
import { badInput } from '../../errors/domain-errors';
import { decodeKeyset, encodeKeyset } from '../../graphql/keyset-cursor';
import type { TPageArgs } from '../../graphql/pagination';
import type { OfferWithSite } from './hosting.mappers';
import { toOfferView, usdPerKwhToCentsPerMwh } from './hosting.mappers';
import type { THostingOfferSearch } from './hosting.schemas';

export const marketOf = (market: { hashpriceUsdPerPhDay: number; poolFeePercent: number } | null | undefined): HostingMarket => market ?? DEFAULT_HOSTING_MARKET;

/** Cents per MWh the fleet pays, as packages/hosting effectiveRateUsdPerMwh computes it (x 100), in SQL. */
const EFFECTIVE_RATE = Prisma.sql`(CASE WHEN o."pricingKind" = 'ALL_IN' THEN o."rateCentsPerMwh"::float8
  ELSE s."energyPriceCentsPerMwh" + o."feeCentsPerKwMonth" * 1000.0
       / NULLIF(GREATEST(0, 730 - o."maxCurtailedHoursPerMonth") * o."uptimeCommitmentPct"::float8 / 100, 0) END)`;

const OFFER_COLUMNS = Prisma.sql`o."id", o."orgId", o."siteId", o."mw", o."availableFrom", o."pricingKind"::text AS "pricingKind",
  o."rateCentsPerMwh", o."feeCentsPerKwMonth", o."interruptibility"::text AS "interruptibility", o."noticeSeconds",
  o."maxCurtailedHoursPerMonth", o."preemptors"::text[] AS "preemptors", o."uptimeCommitmentPct", o."maxJPerTh",
  o."coolings"::text[] AS "coolings", o."service"::text AS "service", o."depositMonths", o."minTermMonths", o."aiLoad",
  o."status"::text AS "status", o."listedAt", o."createdAt", o."updatedAt",
  s."country", s."region", s."gridOperator", s."energyPriceCentsPerMwh",
  (s."verification" = 'VERIFIED' AND org."verification" = 'VERIFIED') AS "verified",
  ${EFFECTIVE_RATE} AS "effectiveRate"`;

const LISTED = Prisma.sql`o."status" = 'LISTED' AND s."status" = 'ACTIVE' AND org."status" = 'ACTIVE'`;

type OfferRow = HostingOffer & { country: string; region: string; gridOperator: string; energyPriceCentsPerMwh: number; verified: boolean; effectiveRate: number | null };

/** A listed offer as the market reads it: the offer, its site's public attributes, its effective rate (cents/MWh; null: no rate). */
export type ListedOffer = OfferWithSite & { effectiveRate: number | null };

/** What a search answers per offer: the engine's view of it (which the listing shows), its rate and id (the cursor). */
export interface FoundOffer {
  id: string;
  rate: number | null;
  view: HostingOfferView;
}

export const toFoundOffer = (listed: ListedOffer): FoundOffer => ({ id: listed.offer.id, rate: listed.effectiveRate, view: toOfferView(listed) });

function toOfferWithSite(row: OfferRow): ListedOffer {
  const { country, region, gridOperator, energyPriceCentsPerMwh, verified, effectiveRate, ...offer } = row;
  return { offer, site: { country, region, gridOperator, energyPriceCentsPerMwh, verified }, effectiveRate };
}

function searchWhere(filter: THostingOfferSearch | null | undefined): Prisma.Sql {
  const parts: Prisma.Sql[] = [LISTED];
  if (filter?.regions?.length) parts.push(Prisma.sql`s."region" IN (${Prisma.join(filter.regions)})`);
  if (filter?.countries?.length) parts.push(Prisma.sql`s."country" IN (${Prisma.join(filter.countries)})`);
  if (filter?.minMw != null) parts.push(Prisma.sql`o."mw" >= ${filter.minMw}`);
  if (filter?.maxRateUsdPerKwh != null) parts.push(Prisma.sql`${EFFECTIVE_RATE} <= ${usdPerKwhToCentsPerMwh(filter.maxRateUsdPerKwh)}`);
  if (filter?.coolings?.length) parts.push(Prisma.sql`o."coolings"::text[] && ${filter.coolings}::text[]`);
  if (filter?.firmOnly) parts.push(Prisma.sql`o."interruptibility" = 'FIRM'`);
  if (filter?.maxCurtailedHoursPerMonth != null) parts.push(Prisma.sql`o."maxCurtailedHoursPerMonth" <= ${filter.maxCurtailedHoursPerMonth}`);
  if (filter?.availableBy) parts.push(Prisma.sql`o."availableFrom" <= ${filter.availableBy}::date`);
  return Prisma.join(parts, ' AND ');
}

/** A search page's position: the last offer's effective rate and id. */
export interface OfferCursor {
  rate: number;
  id: string;
}

export const encodeOfferCursor = (offer: FoundOffer) => encodeKeyset([String(offer.rate), offer.id]);

export function decodeOfferCursor(after: string): OfferCursor {
  const [rate, id] = decodeKeyset(after, 2);
  if (!Number.isFinite(Number(rate)) || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id!)) throw badInput('after', 'not a cursor from this search');
  // Lower case: PostgreSQL orders uuids by their bytes, which is the order of their lower-case text.
  return { rate: Number(rate), id: id!.toLowerCase() };
}

/**
 * Listed offers, cheapest effective rate first: for one fleet (one J/TH) that is highest expected margin
 * first, since hash revenue per MWh is the same for every offer. Keyset pages on (rate, id).
 */
export async function searchOffers(prisma: AppPrisma, page: TPageArgs, filter: THostingOfferSearch | null | undefined) {
  let after = Prisma.sql`TRUE`;
  if (page.after) {
    const { rate, id } = decodeOfferCursor(page.after);
    after = Prisma.sql`(${EFFECTIVE_RATE}, o."id") > (${rate}::float8, ${id}::uuid)`;
  }
  const where = searchWhere(filter);
  const rows = await prisma.$queryRaw<OfferRow[]>`
    SELECT ${OFFER_COLUMNS}
      FROM "HostingOffer" o JOIN "Site" s ON s."id" = o."siteId" JOIN "Organization" org ON org."id" = o."orgId"
     WHERE ${where} AND ${EFFECTIVE_RATE} IS NOT NULL AND ${after}
     ORDER BY ${EFFECTIVE_RATE}, o."id"
     LIMIT ${page.first + 1}`;
  return { rows: rows.map(toOfferWithSite), where };
}

export async function countOffers(prisma: AppPrisma, where: Prisma.Sql): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "HostingOffer" o JOIN "Site" s ON s."id" = o."siteId" JOIN "Organization" org ON org."id" = o."orgId" WHERE ${where}`;
  return Number(row?.n ?? 0);
}

/** Most offers one request is matched against: the cheapest that pass the SQL prefilter. */
export const MATCH_CANDIDATE_LIMIT = 2_000;

/**
 * Listed offers of other organisations that could host `request`: the prefilter keeps what SQL can check
 * cheaply and exactly (region, MW, start date, term); the engine checks the rest and says why it excludes.
 */
export async function candidateOffers(prisma: AppPrisma, request: HostingRequest): Promise<OfferWithSite[]> {
  const region = request.regions.length ? Prisma.sql`s."region" IN (${Prisma.join(request.regions)})` : Prisma.sql`TRUE`;
  const rows = await prisma.$queryRaw<OfferRow[]>`
    SELECT ${OFFER_COLUMNS}
      FROM "HostingOffer" o JOIN "Site" s ON s."id" = o."siteId" JOIN "Organization" org ON org."id" = o."orgId"
     WHERE ${LISTED} AND o."orgId" <> ${request.orgId}::uuid AND ${region}
       AND o."mw" >= ${request.fleetMw} AND o."availableFrom" <= ${request.startDate}::date AND o."minTermMonths" <= ${request.termMonths}
     ORDER BY ${EFFECTIVE_RATE} NULLS LAST, o."id"
     LIMIT ${MATCH_CANDIDATE_LIMIT}`;
  return rows.map(toOfferWithSite);
}

/** Every listed offer, or those on these sites (the in-memory index's reads: offer-sync.ts). */
export async function readListedOffers(prisma: AppPrisma, siteIds?: readonly string[]): Promise<ListedOffer[]> {
  const sites = siteIds ? Prisma.sql`s."id" IN (SELECT unnest(${[...siteIds]}::uuid[]))` : Prisma.sql`TRUE`;
  const rows = await prisma.$queryRaw<OfferRow[]>`
    SELECT ${OFFER_COLUMNS}
      FROM "HostingOffer" o JOIN "Site" s ON s."id" = o."siteId" JOIN "Organization" org ON org."id" = o."orgId"
     WHERE ${LISTED} AND ${sites}`;
  return rows.map(toOfferWithSite);
}

/** One listed offer (any organisation's), or null. */
export async function listedOffer(prisma: AppPrisma, offerId: string): Promise<OfferWithSite | null> {
  const rows = await prisma.$queryRaw<OfferRow[]>`
    SELECT ${OFFER_COLUMNS}
      FROM "HostingOffer" o JOIN "Site" s ON s."id" = o."siteId" JOIN "Organization" org ON org."id" = o."orgId"
     WHERE ${LISTED} AND o."id" = ${offerId}::uuid`;
  return rows[0] ? toOfferWithSite(rows[0]) : null;
}

/** The caller's own listed offers with their sites' attributes (for requests that fit them). */
export async function ownListedOffers(prisma: AppPrisma, orgId: string): Promise<OfferWithSite[]> {
  const rows = await prisma.$queryRaw<OfferRow[]>`
    SELECT ${OFFER_COLUMNS}
      FROM "HostingOffer" o JOIN "Site" s ON s."id" = o."siteId" JOIN "Organization" org ON org."id" = o."orgId"
     WHERE ${LISTED} AND o."orgId" = ${orgId}::uuid
     ORDER BY o."createdAt" DESC, o."id" LIMIT 100`;
  return rows.map(toOfferWithSite);
}

// Never the title: hosts do not see it.
const REQUEST_COLUMNS = Prisma.sql`r."id", r."orgId", r."fleet", r."fleetMw", r."fleetJPerTh", r."worstJPerTh", r."coolings"::text[] AS "coolings",
  r."maxRateCentsPerMwh", r."uptimeNeededPct", r."curtailmentToleratedHoursPerMonth", r."regions", r."startDate",
  r."termMonths", r."service"::text AS "service", r."status"::text AS "status", r."createdAt", r."updatedAt", '' AS "title"
  FROM "HostingRequest" r JOIN "Organization" org ON org."id" = r."orgId"`;

/** Most open requests a host's offers are checked against at once. */
export const OPEN_REQUEST_LIMIT = 2_000;

/** OPEN requests of other active organisations that some offer of `maxMw` could hold, newest first. */
export async function openRequests(prisma: AppPrisma, excludeOrgId: string, maxMw: number): Promise<HostingRequest[]> {
  return prisma.$queryRaw<HostingRequest[]>`
    SELECT ${REQUEST_COLUMNS}
     WHERE r."status" = 'OPEN' AND org."status" = 'ACTIVE' AND r."orgId" <> ${excludeOrgId}::uuid AND r."fleetMw" <= ${maxMw}
     ORDER BY r."createdAt" DESC, r."id" LIMIT ${OPEN_REQUEST_LIMIT}`;
}

/** One OPEN request of an active organisation, or null. */
export async function openRequest(prisma: AppPrisma, requestId: string): Promise<HostingRequest | null> {
  const rows = await prisma.$queryRaw<HostingRequest[]>`
    SELECT ${REQUEST_COLUMNS}
     WHERE r."status" = 'OPEN' AND org."status" = 'ACTIVE' AND r."id" = ${requestId}::uuid`;
  return rows[0] ?? null;
}
