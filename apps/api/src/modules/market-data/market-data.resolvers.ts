import { authorize, can, requireSignedIn } from '../../auth/authorize';
import { toKeysetConnection } from '../../graphql/keyset-cursor';
import { ZPageArgs, connectionResolvers } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { requirePlatformAdmin } from '../admin/admin-access';
import { type DaySpec, dayRowsOf } from './day-batch';
import { type HashpriceValues, readHashpriceIndex, setHashpriceProvider, uploadHashpriceIndex } from './hashprice.service';
import { toHashpriceDayNode, toPoolStatementDayNode } from './market-data.mappers';
import {
  ZHashpriceDay,
  ZHashpriceRange,
  ZPoolStatementDay,
  ZPoolStatementFilter,
  ZRecordPoolStatementsInput,
  ZSetHashpriceProviderInput,
  ZUploadHashpriceIndexInput,
} from './market-data.schemas';
import * as pool from './pool-statements.service';

const HASHPRICE_CSV: DaySpec<HashpriceValues> = { columns: ['usdPerPhDay'], row: ZHashpriceDay };
const POOL_CSV: DaySpec<pool.PoolValues> = { columns: ['hashrateThs', 'earningsUsd'], row: ZPoolStatementDay };

export const marketDataResolvers: Resolvers = {
  Query: {
    hashpriceIndex: async (_parent, args, ctx) => {
      requireSignedIn(ctx);
      const { from, to } = parseInput(ZHashpriceRange, args, '');
      // Public market data, the same for everyone: read on the owner connection (no tenant scope applies).
      return (await readHashpriceIndex(ctx.db.prisma, from, to)).map(toHashpriceDayNode);
    },
    poolStatements: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readMeter);
      const { dealId: rawDealId, filter: rawFilter, ...pageArgs } = args;
      const dealId = parseInput(ZId, rawDealId, 'dealId');
      const page = parseInput(ZPageArgs, pageArgs, '');
      const filter = parseInput(ZPoolStatementFilter.nullish(), rawFilter, 'filter');
      const rows = await pool.findPoolStatementsPage(ctx.db.prisma, auth, dealId, page, filter);
      return toKeysetConnection(rows, page.first, pool.poolDayKey, toPoolStatementDayNode, () => pool.countPoolStatements(ctx.db.prisma, auth, dealId, filter));
    },
  },
  Mutation: {
    uploadHashpriceIndex: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeHashprice);
      const input = parseInput(ZUploadHashpriceIndexInput, args.input);
      return uploadHashpriceIndex(ctx.db.prisma, auth, dayRowsOf(input, HASHPRICE_CSV), input.source);
    },
    setHashpriceProvider: (_parent, args, ctx) => {
      const admin = requirePlatformAdmin(ctx, 'choose hashprice providers');
      const { organizationId, enabled } = parseInput(ZSetHashpriceProviderInput, args, '');
      return setHashpriceProvider(ctx.db.prisma, admin, organizationId, enabled);
    },
    recordPoolStatements: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeMeter);
      const input = parseInput(ZRecordPoolStatementsInput, args.input);
      return pool.recordPoolStatements(ctx.db.prisma, auth, input.dealId, dayRowsOf(input, POOL_CSV));
    },
  },
  PoolStatementDayConnection: connectionResolvers,
};
