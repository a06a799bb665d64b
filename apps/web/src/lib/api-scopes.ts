// The scopes the API-key form offers: every ApiScope of the API that grants something (api-scopes.test.ts
// checks this list against the published SDL, so a new scope cannot be missed here).
export const API_KEY_SCOPES = [
  'ORG_READ',
  'SITES_READ',
  'SITES_WRITE',
  'CAPACITY_READ',
  'CAPACITY_WRITE',
  'REQUESTS_READ',
  'REQUESTS_WRITE',
  'DEALS_READ',
  'DEALS_WRITE',
  'BILLING_READ',
  'WEBHOOKS_READ',
  'WEBHOOKS_WRITE',
  'METER_READ',
  'METER_WRITE',
  'HASHPRICE_WRITE',
] as const;

/** Scopes still in the API's enum for old keys but granting nothing: not offered for new keys. */
export const RETIRED_SCOPES = ['USAGE_WRITE'] as const;
