// Test data made through the public API, with unique names so tests never depend on each other.
import { randomBytes } from 'node:crypto';
import type { Caller, TestApi } from './test-api';

export const PASSWORD = 'correct-horse-battery';

export interface OrgFixture extends Caller {
  token: string;
  orgId: string;
  userId: string;
  email: string;
}

export const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

export async function signUpOrg(api: TestApi, kind: 'MINER' | 'TENANT' | 'PARTNER' = 'MINER', label = 'org'): Promise<OrgFixture> {
  const email = `${unique(label)}@example.test`;
  const result = await api.gql<{ signUp: { token: string; user: { id: string }; organization: { id: string } } }>(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { token user { id } organization { id } } }`,
    { input: { email, password: PASSWORD, name: `Person ${label}`, organizationName: unique(`Org ${label}`), organizationKind: kind } },
  );
  if (!result.data?.signUp) throw new Error(`signUp failed: ${JSON.stringify(result.errors)}`);
  const { token, user, organization } = result.data.signUp;
  return { token, orgId: organization.id, userId: user.id, email };
}

export function siteInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: unique('Site'),
    country: 'US',
    region: 'Texas',
    gridOperator: 'ERCOT',
    latitude: 31.9,
    longitude: -102.1,
    energizedMw: 120,
    interconnectionStatus: 'ENERGIZED',
    coolingType: 'IMMERSION',
    redundancy: 'N_PLUS_1',
    maxRackDensityKw: 60,
    pue: 1.15,
    energyPriceUsdPerMwh: 38.5,
    carriers: ['Zayo'],
    miningMw: 80,
    liveDate: '2026-01-15',
    ...overrides,
  };
}

export const SITE_FIELDS = 'id name region gridOperator energizedMw miningMw status energyPriceUsdPerMwh latitude longitude';

export async function createSite(api: TestApi, caller: Caller, overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const result = await api.gql<{ createSite: { id: string; name: string } }>(
    `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id name } }`,
    { input: siteInput(overrides) },
    caller,
  );
  if (!result.data?.createSite) throw new Error(`createSite failed: ${JSON.stringify(result.errors)}`);
  return result.data.createSite;
}

export async function createApiKey(api: TestApi, caller: Caller, scopes: string[]): Promise<{ id: string; secret: string }> {
  const result = await api.gql<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }`,
    { input: { name: unique('key'), scopes } },
    caller,
  );
  if (!result.data?.createApiKey) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
  return { id: result.data.createApiKey.apiKey.id, secret: result.data.createApiKey.secret };
}
