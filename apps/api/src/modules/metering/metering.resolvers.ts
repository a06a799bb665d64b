import { authorize, can } from '../../auth/authorize';
import type { ApiContext } from '../../context';
import { notFound } from '../../errors/domain-errors';
import { toKeysetConnection } from '../../graphql/keyset-cursor';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import * as grants from './meter-grants.service';
import * as reads from './meter-reads';
import { toMeterGrantNode, toMeterReadingNode, toMeterRevisionNode } from './metering.mappers';
import {
  ZGrantMeterAccessInput,
  ZMeterGrantFilter,
  ZMeterReadingFilter,
  ZMonth,
  ZReadingsPageArgs,
  ZRecordMeterReadingsInput,
} from './metering.schemas';
import { recordMeterReadings } from './metering.service';

const organizationOf = async (ctx: ApiContext, id: string) => {
  const organization = await ctx.loaders.organization.load(id);
  if (!organization) throw notFound('Organization', id);
  return { id: organization.id, name: organization.name };
};

export const meteringResolvers: Resolvers = {
  Query: {
    meterReadings: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readMeter);
      const { dealId: rawDealId, filter: rawFilter, ...pageArgs } = args;
      const dealId = parseInput(ZId, rawDealId, 'dealId');
      const page = parseInput(ZReadingsPageArgs, pageArgs, '');
      const filter = parseInput(ZMeterReadingFilter.nullish(), rawFilter, 'filter');
      const rows = await reads.findReadingsPage(ctx.db.prisma, auth, dealId, page, filter);
      return toKeysetConnection(rows, page.first, reads.readingKey, toMeterReadingNode, () => reads.countReadings(ctx.db.prisma, auth, dealId, filter));
    },
    meterSeries: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readMeter);
      return reads.meterSeries(ctx.db.prisma, auth, parseInput(ZId, args.dealId, 'dealId'), parseInput(ZMonth, args.month, 'month'));
    },
    meterGaps: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readMeter);
      return reads.meterGaps(ctx.db.prisma, auth, parseInput(ZId, args.dealId, 'dealId'), parseInput(ZMonth, args.month, 'month'));
    },
    meterRevisions: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readMeter);
      const { dealId: rawDealId, filter: rawFilter, ...pageArgs } = args;
      const dealId = parseInput(ZId, rawDealId, 'dealId');
      const page = parseInput(ZPageArgs, pageArgs, '');
      const filter = parseInput(ZMeterReadingFilter.nullish(), rawFilter, 'filter');
      const rows = await reads.findRevisionsPage(ctx.db.prisma, auth, dealId, page, filter);
      return toConnection(rows, page, toMeterRevisionNode, () => reads.countRevisions(ctx.db.prisma, auth, dealId, filter));
    },
    meterGrants: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readMeter);
      const { filter: rawFilter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const filter = parseInput(ZMeterGrantFilter.nullish(), rawFilter, 'filter');
      const rows = await grants.findGrantsPage(ctx.db.prisma, auth, page, filter);
      return toConnection(rows, page, toMeterGrantNode, () => grants.countGrants(ctx.db.prisma, auth, filter));
    },
  },
  Mutation: {
    recordMeterReadings: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeMeter);
      const input = ctx.timings.time('input', () => parseInput(ZRecordMeterReadingsInput, args.input));
      return recordMeterReadings(ctx.db.prisma, auth, input, ctx.timings);
    },
    grantMeterAccess: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMeterGrants);
      return toMeterGrantNode(await grants.grantMeterAccess(ctx.db.prisma, auth, parseInput(ZGrantMeterAccessInput, args.input)));
    },
    revokeMeterAccess: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMeterGrants);
      return toMeterGrantNode(await grants.revokeMeterAccess(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
  },
  MeterGrant: {
    host: (grant, _args, ctx) => organizationOf(ctx, grant.hostOrgId),
    partner: (grant, _args, ctx) => organizationOf(ctx, grant.partnerOrgId),
  },
  MeterReadingConnection: connectionResolvers,
  MeterRevisionConnection: connectionResolvers,
  MeterGrantConnection: connectionResolvers,
};
