// Test data made through the public API, with unique names so tests never depend on each other.
import { randomBytes } from 'node:crypto';
import { PASSWORD_COST, type Role, hashPassword } from '@gridshare/db';
import { type Caller, TEST_ENV, type TestApi } from './test-api';

export const PASSWORD = 'correct-horse-battery';

export interface OrgFixture extends Caller {
  token: string;
  orgId: string;
  userId: string;
  email: string;
}

export const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

/** The hash cost the test API uses (TEST_ENV), for people made on the system path. */
const TEST_PASSWORD_COST = { ...PASSWORD_COST, N: 2 ** Number(TEST_ENV.TEST_ONLY_SCRYPT_LOG2_N) };

const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token user { id } organization { id } } }`;

/** Signs in with the fixtures' password; the session token, the person and their first organisation. */
export async function signInAs(api: TestApi, email: string): Promise<{ token: string; user: { id: string }; organization: { id: string } | null }> {
  const result = await api.gql<{ signIn: { token: string; user: { id: string }; organization: { id: string } | null } }>(SIGN_IN, { email, password: PASSWORD });
  if (!result.data?.signIn) throw new Error(`signIn failed: ${JSON.stringify(result.errors)}`);
  return result.data.signIn;
}

/** A new person owning a new organisation of `kind`, signed in (signUp answers without a session). */
export async function signUpOrg(api: TestApi, kind: 'MINER' | 'TENANT' | 'PARTNER' = 'MINER', label = 'org'): Promise<OrgFixture> {
  const email = `${unique(label)}@example.test`;
  const result = await api.gql<{ signUp: { message: string } }>(`mutation ($input: SignUpInput!) { signUp(input: $input) { message } }`, {
    input: { email, password: PASSWORD, name: `Person ${label}`, organizationName: unique(`Org ${label}`), organizationKind: kind },
  });
  if (!result.data?.signUp) throw new Error(`signUp failed: ${JSON.stringify(result.errors)}`);
  const { token, user, organization } = await signInAs(api, email);
  if (!organization) throw new Error(`signUp made no organisation for ${email}`);
  return { token, orgId: organization.id, userId: user.id, email };
}

const INVITE = `mutation ($email: String!, $role: Role!) { inviteMember(input: { email: $email, role: $role }) { token } }`;
const ACCEPT = `mutation ($token: String!) { acceptInvitation(token: $token) { organization { id } } }`;

/** `person` joins `admin`'s organisation with `role`, by invitation; returns the new membership's id. */
export async function joinOrg(api: TestApi, admin: Caller, person: OrgFixture, role: Role): Promise<string> {
  const invited = await mutate<{ token: string }>(api, admin, 'inviteMember', INVITE, { email: person.email, role });
  const joined = await mutate<{ organization: { id: string } }>(api, { token: person.token }, 'acceptInvitation', ACCEPT, { token: invited.token });
  const membership = await api.db.prisma.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: joined.organization.id, userId: person.userId } } });
  return membership.id;
}

export function siteInput(overrides: object = {}): Record<string, unknown> {
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

export async function createSite(api: TestApi, caller: Caller, overrides: object = {}): Promise<{ id: string; name: string }> {
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

export function blockInput(siteId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId,
    kind: 'COLOCATION',
    mw: 40,
    firmMw: 30,
    availableFrom: '2026-06-01',
    priceUsdPerKwMonth: 150,
    minTermMonths: 60,
    ...overrides,
  };
}

export async function createBlock(api: TestApi, caller: Caller, siteId: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
  const result = await api.gql<{ createCapacityBlock: { id: string; status: string } }>(
    `mutation ($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id status } }`,
    { input: blockInput(siteId, overrides) },
    caller,
  );
  if (!result.data?.createCapacityBlock) throw new Error(`createCapacityBlock failed: ${JSON.stringify(result.errors)}`);
  return result.data.createCapacityBlock;
}

export function requestInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: unique('Request'),
    totalMw: 200,
    minContiguousMw: 20,
    // 50 MW by the end of September 2027, 150 MW more a year later.
    phases: [
      { mw: 50, neededBy: '2027-09-30' },
      { mw: 150, neededBy: '2028-09-30' },
    ],
    countries: ['US'],
    regions: ['Texas'],
    gridOperators: ['ERCOT'],
    // No cooling asked for: proposals must meet the request, and siteInput's sites are immersion-cooled.
    minRedundancy: 'N_PLUS_1',
    maxPriceUsdPerKwMonth: 180,
    termMonths: 120,
    ...overrides,
  };
}

/** Runs a mutation that must succeed and returns its one field's value. */
export async function mutate<T>(api: TestApi, caller: Caller, field: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await api.gql<Record<string, T>>(query, variables, caller);
  const value = result.data?.[field];
  if (!value || result.errors) throw new Error(`${field} failed: ${JSON.stringify(result.errors)}`);
  return value;
}

export const createRequest = (api: TestApi, caller: Caller, overrides: Record<string, unknown> = {}) =>
  mutate<{ id: string; status: string }>(
    api,
    caller,
    'createColocationRequest',
    `mutation ($input: CreateColocationRequestInput!) { createColocationRequest(input: $input) { id status } }`,
    { input: requestInput(overrides) },
  );

/** A block the marketplace lists: PUBLISHED on a VERIFIED site (set on the system path, as an admin would). */
export async function createListedBlock(
  api: TestApi,
  host: Caller,
  blockOverrides: Record<string, unknown> = {},
  siteOverrides: Record<string, unknown> = {},
): Promise<{ siteId: string; siteName: string; blockId: string }> {
  const site = await createSite(api, host, siteOverrides);
  await api.db.prisma.site.update({ where: { id: site.id }, data: { verification: 'VERIFIED', verifiedAt: new Date() } });
  const blockId = await createPublishedBlock(api, host, site.id, blockOverrides);
  return { siteId: site.id, siteName: site.name, blockId };
}

export async function createPublishedBlock(api: TestApi, host: Caller, siteId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const block = await createBlock(api, host, siteId, overrides);
  await mutate(api, host, 'publishCapacityBlock', `mutation ($id: ID!) { publishCapacityBlock(id: $id) { id } }`, { id: block.id });
  return block.id;
}

export function dealInput(requestId: string, blockIds: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestId,
    blockIds,
    mw: 40,
    priceUsdPerKwMonth: 155.5,
    termMonths: 120,
    startDate: '2027-01-01',
    hostMiningSharePct: 40,
    miningReleaseSeconds: 30,
    curtailFirst: 'MINING',
    ...overrides,
  };
}

export const proposeDeal = (api: TestApi, host: Caller, input: Record<string, unknown>) =>
  mutate<{ id: string; status: string }>(api, host, 'proposeDeal', `mutation ($input: ProposeDealInput!) { proposeDeal(input: $input) { id status } }`, { input });

export interface ProposedDeal {
  dealId: string;
  requestId: string;
  siteId: string;
  siteName: string;
  blockId: string;
}

/** An OPEN request of `tenant` and a PROPOSED deal on it by `host`, on a new listed block (one per call). */
export async function createProposedDeal(api: TestApi, host: Caller, tenant: Caller, dealOverrides: Record<string, unknown> = {}): Promise<ProposedDeal> {
  const request = await createRequest(api, tenant, { open: true });
  const listed = await createListedBlock(api, host);
  const deal = await proposeDeal(api, host, dealInput(request.id, [listed.blockId], dealOverrides));
  return { dealId: deal.id, requestId: request.id, ...listed };
}

const moveDeal = (api: TestApi, caller: Caller, move: string, id: string) =>
  mutate<{ id: string; status: string }>(api, caller, move, `mutation ($id: ID!) { ${move}(id: $id) { id status } }`, { id });

/** A deal taken through accept and both signatures to SIGNED (activation is left to the test). */
export async function createSignedDeal(api: TestApi, host: Caller, tenant: Caller, dealOverrides: Record<string, unknown> = {}): Promise<ProposedDeal> {
  const deal = await createProposedDeal(api, host, tenant, dealOverrides);
  await moveDeal(api, tenant, 'acceptDeal', deal.dealId);
  await moveDeal(api, tenant, 'signDeal', deal.dealId);
  await moveDeal(api, host, 'signDeal', deal.dealId);
  return deal;
}

export async function createActiveDeal(api: TestApi, host: Caller, tenant: Caller, dealOverrides: Record<string, unknown> = {}): Promise<ProposedDeal> {
  const deal = await createSignedDeal(api, host, tenant, dealOverrides);
  await moveDeal(api, host, 'activateDeal', deal.dealId);
  return deal;
}

/** The PLATFORM organisation. signUp refuses PLATFORM, so this is the system path, as in production. */
export async function createPlatformOrg(api: TestApi): Promise<string> {
  const platform = await api.db.prisma.organization.create({
    data: { name: unique('Gridshare Platform'), kind: 'PLATFORM', verification: 'VERIFIED', verifiedAt: new Date('2000-01-01') },
  });
  return platform.id;
}

/** A person with `role` in the PLATFORM organisation, signed in. */
export async function platformPerson(api: TestApi, platformOrgId: string, role: Role): Promise<Caller & { token: string; userId: string }> {
  const email = `${unique(`platform-${role.toLowerCase()}`)}@example.test`;
  const user = await api.db.prisma.user.create({ data: { email, name: `Platform ${role}`, passwordHash: await hashPassword(PASSWORD, TEST_PASSWORD_COST) } });
  await api.db.prisma.membership.create({ data: { orgId: platformOrgId, userId: user.id, role } });
  return { token: (await signInAs(api, email)).token, userId: user.id };
}
