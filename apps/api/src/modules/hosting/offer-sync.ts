// Keeps a process's HostingOfferIndex identical to the listed offers in PostgreSQL as of each read, through
// the change table HostingOfferChange (migration hosting_offer_changes: triggers on HostingOffer, Site and
// Organization record the sites whose offers a transaction touched) and the check both markets share
// (common/market-sync.ts).
import type { AppPrisma } from '@gridshare/db';
import { type MarketSync, createMarketSync } from '../common/market-sync';
import { readListedOffers } from './market.service';
import { HostingOfferIndex } from './offer-index';

export type OfferSync = MarketSync<HostingOfferIndex>;

export function createOfferSync(prisma: AppPrisma): OfferSync {
  return createMarketSync(prisma, {
    changeTable: 'HostingOfferChange',
    load: async () => new HostingOfferIndex(await readListedOffers(prisma)),
    reloadSites: async (index, siteIds) => index.replaceSites(siteIds, await readListedOffers(prisma, siteIds)),
  });
}
