// Every API module, registered once: its SDL (the `.graphql` files in its folder), its resolvers, and the
// root fields whose answer is the same for every caller allowed to ask (publicQueries: the HTTP layer may
// replay their answers, graphql/response-cache.ts). graphql/schema.ts and server.ts read only this file.
// A new module: add its folder, then one line here (index.test.ts fails while a folder with SDL is missing).
import type { Permission } from '../auth/authorize';
import type { Resolvers } from '../graphql/resolvers';
import { moduleTypeDefs } from '../graphql/type-defs';
import { adminResolvers } from './admin/admin.resolvers';
import { apiKeysResolvers } from './api-keys/api-keys.resolvers';
import { authResolvers } from './auth/auth.resolvers';
import { billingResolvers } from './billing/billing.resolvers';
import { capacityResolvers } from './capacity/capacity.resolvers';
import { commonResolvers } from './common/common.resolvers';
import { curtailmentResolvers } from './curtailment/curtailment.resolvers';
import { dealsResolvers } from './deals/deals.resolvers';
import { hostingPublicQueries, hostingResolvers } from './hosting/hosting.resolvers';
import { marketDataResolvers } from './market-data/market-data.resolvers';
import { matchingResolvers } from './matching/matching.resolvers';
import { meteringResolvers } from './metering/metering.resolvers';
import { orgsResolvers } from './orgs/orgs.resolvers';
import { readinessResolvers } from './readiness/readiness.resolvers';
import { requestsResolvers } from './requests/requests.resolvers';
import { revenueResolvers } from './revenue/revenue.resolvers';
import { searchPublicQueries, searchResolvers } from './search/search.resolvers';
import { settlementResolvers } from './settlement/settlement.resolvers';
import { sitesResolvers } from './sites/sites.resolvers';
import { webhooksResolvers } from './webhooks/webhooks.resolvers';

export interface ApiModule {
  /** The module's folder under modules/, which holds its SDL. */
  readonly name: string;
  readonly resolvers: Resolvers;
  /** Root field → the permission needed to ask it; only for answers that hold nothing caller-specific. */
  readonly publicQueries?: Readonly<Record<string, Permission>>;
}

/** `common` first (it declares Query and Mutation, which the others extend), then by name: the published SDL's order. */
export const MODULES: readonly ApiModule[] = [
  { name: 'common', resolvers: commonResolvers },
  { name: 'admin', resolvers: adminResolvers },
  { name: 'api-keys', resolvers: apiKeysResolvers },
  { name: 'auth', resolvers: authResolvers },
  { name: 'billing', resolvers: billingResolvers },
  { name: 'capacity', resolvers: capacityResolvers },
  { name: 'curtailment', resolvers: curtailmentResolvers },
  { name: 'deals', resolvers: dealsResolvers },
  { name: 'hosting', resolvers: hostingResolvers, publicQueries: hostingPublicQueries },
  { name: 'market-data', resolvers: marketDataResolvers },
  { name: 'matching', resolvers: matchingResolvers },
  { name: 'metering', resolvers: meteringResolvers },
  { name: 'orgs', resolvers: orgsResolvers },
  { name: 'readiness', resolvers: readinessResolvers },
  { name: 'requests', resolvers: requestsResolvers },
  { name: 'revenue', resolvers: revenueResolvers },
  { name: 'search', resolvers: searchResolvers, publicQueries: searchPublicQueries },
  { name: 'settlement', resolvers: settlementResolvers },
  { name: 'sites', resolvers: sitesResolvers },
  { name: 'webhooks', resolvers: webhooksResolvers },
];

export const typeDefs = (): string[] => MODULES.flatMap((module) => moduleTypeDefs(module.name));
export const resolvers: Resolvers[] = MODULES.map((module) => module.resolvers);
export const publicQueries: Readonly<Record<string, Permission>> = Object.assign({}, ...MODULES.map((module) => module.publicQueries ?? {}));
