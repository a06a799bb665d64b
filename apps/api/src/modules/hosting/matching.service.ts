// Both directions of hosting matching: offers for a fleet's request, and the open requests a host's listed
// offers could serve. The engine (packages/hosting) decides; this loads its inputs in the right scopes.
import type { AppPrisma, HostingRequest } from '@gridshare/db';
import { type HostingMarket, hostingConstraintFailures, matchHostingRequest, offerEconomics, resolveFleet } from '@gridshare/hosting';
import { withOrg } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { decodeCursor, encodeCursor, type TPageArgs } from '../../graphql/pagination';
import { fleetLabel, toListingNode, toOfferView, toRequestView } from './hosting.mappers';
import { candidateOffers, openRequests, ownListedOffers } from './market.service';
import type { OfferSync } from './offer-sync';
import { findOwnRequest } from './requests.service';

/** Offers for one of the caller's requests, from the in-memory offer index when there is one (offer-sync.ts). */
export async function matchesForRequest(prisma: AppPrisma, auth: Authorized, requestId: string, market: HostingMarket, limit: number, offers: OfferSync | null) {
  // The index's freshness check and the request's read are independent round trips: run them together.
  const [request, index] = await Promise.all([withOrg(prisma, auth, (tx) => findOwnRequest(tx, auth, requestId)), offers?.current()]);
  const views = index ? index.candidates(request) : (await candidateOffers(prisma, request)).map(toOfferView);
  const result = matchHostingRequest(toRequestView(request), views, market, limit);
  const byId = new Map(views.map((v) => [v.id, v]));
  return {
    ...result,
    matches: result.matches.map((m) => ({ ...m, offer: toListingNode(byId.get(m.offerId)!, m.economics) })),
  };
}

/** What a host sees of a request: an anonymous handle and the fleet's needs, never its organisation or title. */
function toFitNode(request: HostingRequest) {
  const view = toRequestView(request);
  return {
    id: request.id,
    fleetLabel: fleetLabel(request.id),
    fleet: request.fleet,
    fleetMw: request.fleetMw.toNumber(),
    fleetJPerTh: request.fleetJPerTh.toNumber(),
    coolings: request.coolings,
    regions: request.regions,
    startDate: request.startDate,
    termMonths: request.termMonths,
    maxRateUsdPerKwh: request.maxRateCentsPerMwh / 100_000,
    uptimeNeededPct: view.uptimeNeededPct,
    curtailmentToleratedHoursPerMonth: request.curtailmentToleratedHoursPerMonth,
  };
}

/** A page of fitting requests: computed in memory, so it has no count. */
export type FitConnection = Awaited<ReturnType<typeof requestsThatFit>>;

/**
 * OPEN requests of other organisations that at least one of the caller's listed offers can host, newest
 * first, each with the caller's offer that earns the fleet the most (so the host knows what to propose).
 */
export async function requestsThatFit(prisma: AppPrisma, auth: Authorized, market: HostingMarket, page: TPageArgs) {
  const offers = (await ownListedOffers(prisma, auth.orgId)).map(toOfferView);
  if (offers.length === 0) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
  const requests = await openRequests(prisma, auth.orgId, Math.max(...offers.map((o) => o.mw)));
  const afterId = page.after ? decodeCursor(page.after) : null;
  const start = afterId ? requests.findIndex((r) => r.id === afterId) + 1 : 0;
  const fits = [];
  for (const request of requests.slice(start)) {
    const view = toRequestView(request);
    const fleet = resolveFleet(view.fleet);
    let best = null;
    for (const offer of offers) {
      const economics = offerEconomics(offer, fleet, market);
      if (hostingConstraintFailures(view, fleet, offer, economics).length > 0) continue;
      if (!best || economics.marginUsdPerMwh > best.economics.marginUsdPerMwh) best = { offerId: offer.id, economics };
    }
    if (best) fits.push({ request, best });
    if (fits.length > page.first) break;
  }
  const visible = fits.slice(0, page.first);
  const edges = visible.map(({ request, best }) => ({ cursor: encodeCursor(request.id), node: { ...toFitNode(request), bestOfferId: best.offerId, economics: best.economics } }));
  return { edges, pageInfo: { hasNextPage: fits.length > page.first, endCursor: edges.at(-1)?.cursor ?? null } };
}
