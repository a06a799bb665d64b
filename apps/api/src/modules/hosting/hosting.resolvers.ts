import { ASIC_MODELS, asicPowerKw, offerEconomics, resolveFleet } from '@gridshare/hosting';
import type { ApiContext } from '../../context';
import { z } from 'zod';
import { authorize, can } from '../../auth/authorize';
import { notFound } from '../../errors/domain-errors';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { assertNotPast, todayOf } from '../common/dates';
import { toSiteNode } from '../sites/sites.mappers';
import * as deals from './deals.service';
import { type HostingDealNode, type HostingOfferNode, toDealNode, toListingNode, toOfferNode, toRequestNode, toStatementNode } from './hosting.mappers';
import {
  ZCreateHostingOfferInput,
  ZCreateHostingRequestInput,
  ZHostingMarketInput,
  ZHostingOfferSearch,
  ZHostingOutageInput,
  ZHostingReadings,
  ZStatementMonth,
  ZUpdateHostingOfferInput,
  ZUpdateHostingRequestInput,
} from './hosting.schemas';
import { type FoundOffer, countOffers as countListed, decodeOfferCursor, encodeOfferCursor, marketOf, searchOffers, toFoundOffer } from './market.service';
import { matchesForRequest, requestsThatFit } from './matching.service';
import * as offers from './offers.service';
import * as requests from './requests.service';
import * as statements from './statements.service';

const ZOfferStatuses = z.array(z.enum(['DRAFT', 'LISTED', 'WITHDRAWN', 'CONTRACTED'])).max(4).nullish();
const ZRequestStatuses = z.array(z.enum(['DRAFT', 'OPEN', 'MATCHED', 'WITHDRAWN', 'CLOSED'])).max(5).nullish();
const ZDealStatuses = z.array(z.enum(['PROPOSED', 'ACCEPTED', 'REJECTED', 'SIGNED', 'ACTIVE', 'ENDED', 'WITHDRAWN'])).max(7).nullish();
const ZLimit = z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').nullish();
const DEFAULT_J_PER_TH = 17.5;

const dealMove = (move: (typeof deals.MOVES)[keyof typeof deals.MOVES]) => async (_p: unknown, args: { id: string }, ctx: ApiContext) => {
  const auth = authorize(ctx, can.writeDeals);
  return toDealNode(await deals.moveDeal(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'), move), auth.orgId);
};

const statementMove = (action: 'issue' | 'agree' | 'dispute') => async (_p: unknown, args: { id: string; reason?: string }, ctx: ApiContext) => {
  const auth = authorize(ctx, can.writeDeals);
  const id = parseInput(ZId, args.id, 'id');
  // Agreeing is the one move that moves money: the agreed statement is invoiced to the fleet.
  if (action === 'agree') return toStatementNode(await statements.agreeStatement({ prisma: ctx.db.prisma, billing: ctx.billing, logger: ctx.logger }, auth, id));
  const reason = action === 'dispute' ? parseInput(z.string().trim().min(1, 'must not be empty').max(1_000, 'must be at most 1,000 characters'), args.reason, 'reason') : undefined;
  return toStatementNode(await statements.moveStatement(ctx.db.prisma, auth, id, action, reason));
};

/**
 * Root fields whose answer is the same for every caller allowed to ask (the search reads only listed
 * offers, as every organisation sees them; the fleet and market it prices them for are in the query), with
 * the permission to ask: the HTTP layer may replay their answers (graphql/response-cache.ts).
 */
export const hostingPublicQueries = { searchHostingOffers: can.readCapacity };

export const hostingResolvers: Resolvers = {
  Query: {
    asicModels: () => ASIC_MODELS.map((m) => ({ ...m, powerKw: asicPowerKw(m) })),
    hostingOffer: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.readCapacity);
      return toOfferNode(await offers.getOffer(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    hostingOffers: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.readCapacity);
      const { statuses, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const only = parseInput(ZOfferStatuses, statuses, 'statuses');
      const rows = await offers.findOffersPage(ctx.db.prisma, auth, page, only);
      return toConnection(rows, page, toOfferNode, () => offers.countOffers(ctx.db.prisma, auth, only));
    },
    searchHostingOffers: async (_p, args, ctx) => {
      authorize(ctx, hostingPublicQueries.searchHostingOffers);
      const { filter: rawFilter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const filter = parseInput(ZHostingOfferSearch.nullish(), rawFilter, 'filter');
      const after = page.after ? decodeOfferCursor(page.after) : null;
      let rows: FoundOffer[];
      let totalCount: () => Promise<number>;
      if (ctx.hostingOffers) {
        const index = await ctx.timings.measure('offer-check', () => ctx.hostingOffers!.current());
        const found = index.search(page.first, filter, after);
        rows = found.rows;
        totalCount = async () => found.count;
      } else {
        const found = await searchOffers(ctx.db.prisma, page, filter);
        rows = found.rows.map(toFoundOffer);
        totalCount = () => countListed(ctx.db.prisma, found.where);
      }
      const fleet = resolveFleet({ kind: 'POWER', mw: filter?.fleetMw ?? 1, jPerTh: filter?.jPerTh ?? DEFAULT_J_PER_TH, cooling: 'AIR' });
      const market = marketOf(filter?.market);
      const visible = rows.slice(0, page.first);
      const edges = visible.map((row) => ({ cursor: encodeOfferCursor(row), node: toListingNode(row.view, offerEconomics(row.view, fleet, market)) }));
      return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
    },
    hostingRequest: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      return toRequestNode(await requests.getRequest(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    hostingRequests: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      const { statuses, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const only = parseInput(ZRequestStatuses, statuses, 'statuses');
      const rows = await requests.findRequestsPage(ctx.db.prisma, auth, page, only);
      return toConnection(rows, page, toRequestNode, () => requests.countRequests(ctx.db.prisma, auth, only));
    },
    hostingMatches: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      const requestId = parseInput(ZId, args.requestId, 'requestId');
      const market = marketOf(parseInput(ZHostingMarketInput.nullish(), args.market, 'market'));
      const limit = parseInput(ZLimit, args.limit, 'limit') ?? 20;
      const result = await matchesForRequest(ctx.db.prisma, auth, requestId, market, limit, ctx.hostingOffers);
      const exclusionCounts = Object.entries(result.exclusionCounts).map(([constraint, count]) => ({ constraint, count }));
      return { ...result, ...result.market, exclusionCounts, fleetMw: result.fleet.mw, fleetJPerTh: result.fleet.jPerTh };
    },
    hostingRequestsThatFit: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.readCapacity);
      const { market: rawMarket, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      return requestsThatFit(ctx.db.prisma, auth, marketOf(parseInput(ZHostingMarketInput.nullish(), rawMarket, 'market')), page);
    },
    hostingDeal: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.readDeals);
      return toDealNode(await deals.getDeal(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')), auth.orgId);
    },
    hostingDeals: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.readDeals);
      const { statuses, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const only = parseInput(ZDealStatuses, statuses, 'statuses');
      const rows = await deals.findDealsPage(ctx.db.prisma, auth, page, only);
      return toConnection(rows, page, (d) => toDealNode(d, auth.orgId), () => deals.countDeals(ctx.db.prisma, auth, only));
    },
  },
  Mutation: {
    createHostingOffer: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      const input = parseInput(ZCreateHostingOfferInput, args.input);
      assertNotPast(input.availableFrom, 'input.availableFrom', todayOf(ctx.config));
      return toOfferNode(await offers.createOffer(ctx.db.prisma, auth, input));
    },
    updateHostingOffer: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      const id = parseInput(ZId, args.id, 'id');
      const input = parseInput(ZUpdateHostingOfferInput, args.input);
      assertNotPast(input.availableFrom, 'input.availableFrom', todayOf(ctx.config));
      return toOfferNode(await offers.updateOffer(ctx.db.prisma, auth, id, input));
    },
    publishHostingOffer: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      return toOfferNode(await offers.moveOffer(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'), ['DRAFT', 'WITHDRAWN'], 'LISTED', 'publish'));
    },
    withdrawHostingOffer: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      return toOfferNode(await offers.moveOffer(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'), ['DRAFT', 'LISTED'], 'WITHDRAWN', 'withdraw'));
    },
    createHostingRequest: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeRequests);
      const input = parseInput(ZCreateHostingRequestInput, args.input);
      assertNotPast(input.startDate, 'input.startDate', todayOf(ctx.config));
      return toRequestNode(await requests.createRequest(ctx.db.prisma, auth, input));
    },
    updateHostingRequest: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeRequests);
      const id = parseInput(ZId, args.id, 'id');
      const input = parseInput(ZUpdateHostingRequestInput, args.input);
      assertNotPast(input.startDate, 'input.startDate', todayOf(ctx.config));
      return toRequestNode(await requests.updateRequest(ctx.db.prisma, auth, id, input));
    },
    publishHostingRequest: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeRequests);
      return toRequestNode(await requests.moveRequest(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'), ['DRAFT'], 'OPEN', 'publish'));
    },
    withdrawHostingRequest: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeRequests);
      return toRequestNode(await requests.moveRequest(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'), ['DRAFT', 'OPEN'], 'WITHDRAWN', 'withdraw'));
    },
    proposeHostingDeal: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      const offerId = parseInput(ZId, args.offerId, 'offerId');
      const requestId = parseInput(ZId, args.requestId, 'requestId');
      return toDealNode(await deals.proposeDeal(ctx.db.prisma, auth, offerId, requestId), auth.orgId);
    },
    acceptHostingDeal: dealMove(deals.MOVES.accept),
    rejectHostingDeal: dealMove(deals.MOVES.reject),
    withdrawHostingDeal: dealMove(deals.MOVES.withdraw),
    signHostingDeal: dealMove(deals.MOVES.sign),
    activateHostingDeal: dealMove(deals.MOVES.activate),
    endHostingDeal: dealMove(deals.MOVES.end),
    recordHostingReadings: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeMeter);
      const dealId = parseInput(ZId, args.dealId, 'dealId');
      const readings = parseInput(ZHostingReadings, args.readings, 'readings');
      return statements.recordReadings(ctx.db.prisma, auth, dealId, readings);
    },
    recordHostingOutage: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeMeter);
      return statements.recordOutage(ctx.db.prisma, auth, parseInput(ZHostingOutageInput, args.input));
    },
    computeHostingStatement: async (_p, args, ctx) => {
      const auth = authorize(ctx, can.writeMeter);
      const dealId = parseInput(ZId, args.dealId, 'dealId');
      const month = parseInput(ZStatementMonth, args.month, 'month');
      return toStatementNode(await statements.computeStatement(ctx.db.prisma, auth, dealId, month));
    },
    issueHostingStatement: statementMove('issue'),
    agreeHostingStatement: statementMove('agree'),
    disputeHostingStatement: statementMove('dispute'),
  },
  HostingOffer: {
    site: async (offer: HostingOfferNode, _args, ctx) => {
      const site = await ctx.loaders.site.load(offer.siteId);
      if (!site) throw notFound('Site', offer.siteId);
      return toSiteNode(site);
    },
  },
  HostingDeal: {
    site: async (deal: HostingDealNode, _args, ctx) => {
      const auth = authorize(ctx, can.readDeals);
      const site = await deals.dealSite(ctx.db.prisma, auth, deal);
      return site ? toSiteNode(site) : null;
    },
    statements: async (deal: HostingDealNode, _args, ctx) => {
      const auth = authorize(ctx, can.readDeals);
      return (await statements.statementsOf(ctx.db.prisma, auth, deal.id)).map(toStatementNode);
    },
  },
  HostingOfferConnection: connectionResolvers,
  HostingRequestConnection: connectionResolvers,
  HostingListingConnection: connectionResolvers,
  HostingDealConnection: connectionResolvers,
};

