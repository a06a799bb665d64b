import { authorize, can } from '../../auth/authorize';
import { notFound } from '../../errors/domain-errors';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { toOrganizationNode } from '../orgs/orgs.mappers';
import { ZId } from '../common/common.schemas';
import { toSiteNode } from './sites.mappers';
import { ZCreateSiteInput, ZSiteFilter, ZUpdateSiteInput } from './sites.schemas';
import * as sites from './sites.service';

export const sitesResolvers: Resolvers = {
  Query: {
    site: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readSites);
      return toSiteNode(await sites.getSite(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    sites: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readSites);
      const { filter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const where = parseInput(ZSiteFilter.nullish(), filter, 'filter');
      const rows = await sites.findSitesPage(ctx.db.prisma, auth, page, where);
      return toConnection(rows, page, (node) => node, () => sites.countSites(ctx.db.prisma, auth, where));
    },
  },
  Mutation: {
    createSite: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeSites);
      const input = parseInput(ZCreateSiteInput, args.input);
      return toSiteNode(await sites.createSite(ctx.db.prisma, auth, input));
    },
    updateSite: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeSites);
      const id = parseInput(ZId, args.id, 'id');
      const input = parseInput(ZUpdateSiteInput, args.input);
      return toSiteNode(await sites.updateSite(ctx.db.prisma, auth, id, input));
    },
    archiveSite: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeSites);
      return toSiteNode(await sites.archiveSite(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
  },
  Site: {
    organization: async (site, _args, ctx) => {
      const org = await ctx.loaders.organization.load(site.orgId);
      if (!org) throw notFound('Organization', site.orgId);
      return toOrganizationNode(org);
    },
  },
  SiteConnection: connectionResolvers,
};
