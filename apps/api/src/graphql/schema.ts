// The executable schema: every module's SDL file and resolver map, merged.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { adminResolvers } from '../modules/admin/admin.resolvers';
import { apiKeysResolvers } from '../modules/api-keys/api-keys.resolvers';
import { authResolvers } from '../modules/auth/auth.resolvers';
import { billingResolvers } from '../modules/billing/billing.resolvers';
import { capacityResolvers } from '../modules/capacity/capacity.resolvers';
import { commonResolvers } from '../modules/common/common.resolvers';
import { curtailmentResolvers } from '../modules/curtailment/curtailment.resolvers';
import { dealsResolvers } from '../modules/deals/deals.resolvers';
import { hostingResolvers } from '../modules/hosting/hosting.resolvers';
import { marketDataResolvers } from '../modules/market-data/market-data.resolvers';
import { matchingResolvers } from '../modules/matching/matching.resolvers';
import { meteringResolvers } from '../modules/metering/metering.resolvers';
import { orgsResolvers } from '../modules/orgs/orgs.resolvers';
import { readinessResolvers } from '../modules/readiness/readiness.resolvers';
import { requestsResolvers } from '../modules/requests/requests.resolvers';
import { revenueResolvers } from '../modules/revenue/revenue.resolvers';
import { searchResolvers } from '../modules/search/search.resolvers';
import { settlementResolvers } from '../modules/settlement/settlement.resolvers';
import { sitesResolvers } from '../modules/sites/sites.resolvers';
import { webhooksResolvers } from '../modules/webhooks/webhooks.resolvers';

const MODULES_DIR = join(__dirname, '..', 'modules');

/** The SDL of every module, `common` first (it declares Query and Mutation that others extend). */
export function loadTypeDefs(): string[] {
  const modules = readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a === 'common' ? -1 : b === 'common' ? 1 : a.localeCompare(b)));
  return modules.flatMap((module) =>
    readdirSync(join(MODULES_DIR, module))
      .filter((file) => file.endsWith('.graphql'))
      .sort()
      .map((file) => readFileSync(join(MODULES_DIR, module, file), 'utf8')),
  );
}

export const resolvers = [
  commonResolvers,
  capacityResolvers,
  authResolvers,
  orgsResolvers,
  apiKeysResolvers,
  sitesResolvers,
  requestsResolvers,
  dealsResolvers,
  searchResolvers,
  matchingResolvers,
  readinessResolvers,
  revenueResolvers,
  adminResolvers,
  billingResolvers,
  webhooksResolvers,
  meteringResolvers,
  curtailmentResolvers,
  marketDataResolvers,
  settlementResolvers,
  hostingResolvers,
];

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
