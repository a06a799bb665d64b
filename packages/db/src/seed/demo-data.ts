// All demo rows, table by table, in the order their foreign keys need them written.
import { type ApiKeyRow, DEMO_API_KEYS } from './demo-api-key';
import { type CapacityBlockRow, DEMO_CAPACITY_BLOCKS } from './demo-capacity';
import { DEMO_MEMBERSHIPS, DEMO_ORGS, DEMO_USERS, type MembershipRow, type OrgRow, type UserRow } from './demo-orgs';
import { type ColocationRequestRow, DEMO_COLOCATION_REQUESTS } from './demo-requests';
import { DEMO_SITES, type SiteRow } from './demo-sites';
import { DEMO_HASHPRICE_DAYS, type HashpriceIndexDayRow } from './demo-hashprice-days';
import { DEMO_HOSTING_OFFERS, DEMO_HOSTING_REQUESTS, type HostingOfferRow, type HostingRequestRow } from './demo-hosting';

export { DEMO_API_KEY_SCOPES, DEMO_API_KEY_SECRET, type ApiKeyRow } from './demo-api-key';
export { DEMO_CAPACITY_BLOCKS, type CapacityBlockRow } from './demo-capacity';
export {
  DEMO_LOGINS,
  DEMO_MEMBERSHIPS,
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_USERS,
  PLATFORM_ORG_ID,
  type DemoLogin,
  type MembershipRow,
  type OrgRow,
  type UserRow,
} from './demo-orgs';
export { DEMO_COLOCATION_REQUESTS, type ColocationRequestRow, type Phase } from './demo-requests';
export { DEMO_SITES, type SiteRow } from './demo-sites';
export { DEMO_HASHPRICE_DAYS, type HashpriceIndexDayRow } from './demo-hashprice-days';
export { DEMO_HOSTING_OFFERS, DEMO_HOSTING_REQUESTS, type HostingOfferRow, type HostingRequestRow } from './demo-hosting';
export { stableUuid } from './stable-uuid';

export interface DemoData {
  organizations: readonly OrgRow[];
  users: readonly UserRow[];
  memberships: readonly MembershipRow[];
  apiKeys: readonly ApiKeyRow[];
  sites: readonly SiteRow[];
  capacityBlocks: readonly CapacityBlockRow[];
  colocationRequests: readonly ColocationRequestRow[];
  hashpriceIndexDays: readonly HashpriceIndexDayRow[];
  hostingOffers: readonly HostingOfferRow[];
  hostingRequests: readonly HostingRequestRow[];
}

export type SeedTable = keyof DemoData;

/** Tables in the order they are written (parents first). */
export const SEED_TABLES: readonly SeedTable[] = [
  'organizations',
  'users',
  'memberships',
  'apiKeys',
  'sites',
  'capacityBlocks',
  'colocationRequests',
  'hashpriceIndexDays',
  'hostingOffers',
  'hostingRequests',
];

export const DEMO_DATA: DemoData = {
  organizations: DEMO_ORGS,
  users: DEMO_USERS,
  memberships: DEMO_MEMBERSHIPS,
  apiKeys: DEMO_API_KEYS,
  sites: DEMO_SITES,
  capacityBlocks: DEMO_CAPACITY_BLOCKS,
  colocationRequests: DEMO_COLOCATION_REQUESTS,
  hashpriceIndexDays: DEMO_HASHPRICE_DAYS,
  hostingOffers: DEMO_HOSTING_OFFERS,
  hostingRequests: DEMO_HOSTING_REQUESTS,
};
