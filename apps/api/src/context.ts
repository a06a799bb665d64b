// Everything a resolver may use for one request.
import type { Billing } from '@gridshare/billing';
import type { Database } from '@gridshare/db';
import type { Logger } from 'pino';
import type { Principal } from './auth/principal';
import type { DealBillingPort } from './modules/deals/deal-billing-port';
import type { TConfig } from './config';
import type { OfferSync } from './modules/hosting/offer-sync';
import type { ListingSync } from './modules/search/listing-sync';
import type { RateLimits } from './rate-limits';
import { ServerTimings } from './server-timing';
import { type KnownOrganizations, type Loaders, createLoaders } from './graphql/loaders';

export interface ApiContext {
  db: Database;
  config: TConfig;
  logger: Logger;
  requestId: string;
  principal: Principal | null;
  /** The caller's address (sign-in attempts are limited per email and address). */
  clientIp: string;
  rateLimits: RateLimits;
  /** The Stripe client and webhook secret; only modules/billing uses it. */
  billing: Billing;
  /** Deal activation's Stripe step (modules/billing/deal-billing.ts), given to the deals module. */
  dealBilling: DealBillingPort;
  loaders: Loaders;
  /** The public listing in memory, for capacity search (null: search runs its SQL). */
  listings: ListingSync | null;
  /** The listed hosting offers in memory, for hosting search and matching (null: they run their SQL). */
  hostingOffers: OfferSync | null;
  /** Phases a resolver chose to time; sent back in the `server-timing` header. */
  timings: ServerTimings;
}

export function createContext(base: Omit<ApiContext, 'loaders' | 'timings'>, known?: KnownOrganizations): ApiContext {
  return { ...base, loaders: createLoaders(base.db, base.principal, known), timings: new ServerTimings() };
}
