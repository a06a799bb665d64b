import { JSONResolver } from 'graphql-scalars';
import { authorize, can } from '../../auth/authorize';
import { connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import {
  toHourlyNode,
  toRevenueResultNode,
  toScenarioNode,
  toSensitivityNode,
  toTermResultNode,
  toTermSensitivityNode,
  toTornadoNode,
} from './revenue.mappers';
import { revenueDefaultsFor } from './revenue-defaults';
import {
  ZHourlyArgs,
  ZRevenueDefaultsArgs,
  ZRevenueModelArgs,
  ZRevenueScenariosArgs,
  ZSaveRevenueScenarioInput,
  ZSensitivityArgs,
  ZTermModelArgs,
  ZTermSensitivityArgs,
  ZTermTornadoArgs,
} from './revenue.schemas';
import * as revenue from './revenue.service';

export const revenueResolvers: Resolvers = {
  JSON: JSONResolver,
  Query: {
    revenueModel: (_parent, args, ctx) => {
      authorize(ctx, can.modelRevenue);
      const { input, week } = parseInput(ZRevenueModelArgs, args, '');
      return toRevenueResultNode(revenue.modelRevenue(input), input, revenue.weekStartHour(week));
    },
    revenueSensitivity: (_parent, args, ctx) => {
      authorize(ctx, can.modelRevenue);
      return toSensitivityNode(revenue.modelSensitivity(parseInput(ZSensitivityArgs, args, '')));
    },
    revenueTermModel: (_parent, args, ctx) => {
      authorize(ctx, can.modelRevenue);
      const parsed = parseInput(ZTermModelArgs, args, '');
      const { result, windowStartHour } = revenue.modelTerm(parsed);
      return toTermResultNode(result, parsed.input, windowStartHour);
    },
    revenueTermSensitivity: (_parent, args, ctx) => {
      authorize(ctx, can.modelRevenue);
      return toTermSensitivityNode(revenue.modelTermSensitivity(parseInput(ZTermSensitivityArgs, args, '')));
    },
    revenueTermTornado: (_parent, args, ctx) => {
      authorize(ctx, can.modelRevenue);
      return toTornadoNode(revenue.modelTermTornado(parseInput(ZTermTornadoArgs, args, '').input));
    },
    revenueDefaults: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.modelRevenue);
      return revenueDefaultsFor(ctx.db.prisma, auth, parseInput(ZRevenueDefaultsArgs, args, ''));
    },
    revenueScenarios: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.modelRevenue);
      const { siteId, dealId, ...page } = parseInput(ZRevenueScenariosArgs, args, '');
      const rows = await revenue.findScenariosPage(ctx.db.prisma, auth, { siteId, dealId }, page);
      return toConnection(rows, page, (row) => toScenarioNode(row, auth.orgId), () => revenue.countScenarios(ctx.db.prisma, auth, { siteId, dealId }));
    },
  },
  Mutation: {
    saveRevenueScenario: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.saveRevenue);
      const input = parseInput(ZSaveRevenueScenarioInput, args.input);
      return toScenarioNode(await revenue.saveScenario(ctx.db.prisma, auth, input), auth.orgId);
    },
  },
  RevenueResult: {
    // The parent was authorised by revenueModel; this only picks a window of arrays it already holds.
    hourly: (result, args) => {
      const { from, to } = revenue.hourlyWindow(result.hours, result.weekStartHour, parseInput(ZHourlyArgs, args, ''));
      if (!result.hourlyOutput) throw new Error('revenueModel ran without hourly output');
      return toHourlyNode(result.hourlyOutput, from, to);
    },
  },
  RevenueTermResult: {
    // As RevenueResult.hourly: a window of the arrays revenueTermModel already holds, from its year and week.
    hourly: (result, args) => {
      const { from, to } = revenue.hourlyWindow(result.hours, result.weekStartHour, parseInput(ZHourlyArgs, args, ''));
      if (!result.hourlyOutput) throw new Error('revenueTermModel ran without hourly output');
      return toHourlyNode(result.hourlyOutput, from, to);
    },
  },
  RevenueScenarioConnection: connectionResolvers,
};
