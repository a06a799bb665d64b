// Every mutation refuses invalid input with BAD_USER_INPUT naming the field, and writes nothing.
import { type OrgFixture, createApiKey, createSite, signUpOrg, siteInput } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';

let api: TestApi;
let owner: OrgFixture;
let siteId: string;
let membershipId: string;

async function rowCounts() {
  const p = api.db.prisma;
  return {
    users: await p.user.count(),
    orgs: await p.organization.count(),
    memberships: await p.membership.count(),
    keys: await p.apiKey.count(),
    sites: await p.site.count(),
    audit: await p.auditLog.count(),
    site: await p.site.findUnique({ where: { id: siteId } }),
  };
}

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUpOrg(api, 'MINER', 'bad');
  siteId = (await createSite(api, owner)).id;
  await createApiKey(api, owner, ['SITES_READ']);
  const members = await api.gql<{ members: { edges: { node: { id: string } }[] } }>(`{ members { edges { node { id } } } }`, {}, owner);
  membershipId = members.data!.members.edges[0]!.node.id;
});
afterAll(() => api.close());

const TEN_KB = 'x'.repeat(10 * 1024);
const CREATE_SITE = `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`;
const UPDATE_SITE = `mutation ($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id } }`;

type Case = [label: string, query: string, variables: () => Record<string, unknown>, field: RegExp];

const cases: Case[] = [
  ['createSite: negative MW', CREATE_SITE, () => ({ input: siteInput({ energizedMw: -5 }) }), /input\.energizedMw/],
  ['createSite: latitude out of range', CREATE_SITE, () => ({ input: siteInput({ latitude: 91 }) }), /input\.latitude/],
  ['createSite: longitude out of range', CREATE_SITE, () => ({ input: siteInput({ longitude: -181 }) }), /input\.longitude/],
  ['createSite: wrong type', CREATE_SITE, () => ({ input: siteInput({ energizedMw: 'lots' }) }), /energizedMw/],
  ['createSite: unknown enum', CREATE_SITE, () => ({ input: siteInput({ coolingType: 'FREON' }) }), /coolingType/],
  ['createSite: 10 KB name', CREATE_SITE, () => ({ input: siteInput({ name: TEN_KB }) }), /input\.name/],
  ['createSite: extra orgId', CREATE_SITE, () => ({ input: { ...siteInput(), orgId: owner.orgId } }), /orgId/],
  ['createSite: bad country', CREATE_SITE, () => ({ input: siteInput({ country: 'USA' }) }), /input\.country/],
  ['createSite: mining above energized', CREATE_SITE, () => ({ input: siteInput({ energizedMw: 10, miningMw: 20 }) }), /input\.miningMw/],
  ['createSite: fractional rack density', CREATE_SITE, () => ({ input: siteInput({ maxRackDensityKw: 12.5 }) }), /maxRackDensityKw/],
  ['createSite: bad date', CREATE_SITE, () => ({ input: siteInput({ liveDate: '2026-13-45' }) }), /liveDate/],
  ['updateSite: negative MW', UPDATE_SITE, () => ({ id: siteId, input: { pipelineMw: -1 } }), /input\.pipelineMw/],
  ['updateSite: PUE below 1', UPDATE_SITE, () => ({ id: siteId, input: { pue: 0.9 } }), /input\.pue/],
  ['updateSite: mining above energized', UPDATE_SITE, () => ({ id: siteId, input: { miningMw: 5000 } }), /input\.miningMw/],
  ['updateSite: nothing to change', UPDATE_SITE, () => ({ id: siteId, input: {} }), /input/],
  ['updateSite: extra orgId', UPDATE_SITE, () => ({ id: siteId, input: { orgId: owner.orgId } }), /orgId/],
  ['updateSite: id not a UUID', UPDATE_SITE, () => ({ id: 'site-1', input: { name: 'x' } }), /^id/],
  ['archiveSite: id not a UUID', `mutation { archiveSite(id: "1 OR 1=1") { id } }`, () => ({}), /^id/],
  ['createApiKey: no scopes', `mutation { createApiKey(input: { name: "k", scopes: [] }) { secret } }`, () => ({}), /input\.scopes/],
  ['createApiKey: 10 KB name', `mutation ($n: String!) { createApiKey(input: { name: $n, scopes: [SITES_READ] }) { secret } }`, () => ({ n: TEN_KB }), /input\.name/],
  ['createApiKey: unknown scope', `mutation ($s: [ApiScope!]!) { createApiKey(input: { name: "k", scopes: $s }) { secret } }`, () => ({ s: ['ROOT'] }), /ROOT/],
  ['revokeApiKey: id not a UUID', `mutation { revokeApiKey(id: "abc") { id } }`, () => ({}), /^id/],
  ['inviteMember: not an email', `mutation { inviteMember(input: { email: "nobody", role: MEMBER }) { token } }`, () => ({}), /input\.email/],
  ['inviteMember: extra orgId', `mutation ($i: InviteMemberInput!) { inviteMember(input: $i) { token } }`, () => ({ i: { email: 'a@b.co', role: 'MEMBER', orgId: owner.orgId } }), /orgId/],
  ['acceptInvitation: not a token', `mutation { acceptInvitation(token: "let-me-in") { role } }`, () => ({}), /^token/],
  ['revokeInvitation: id not a UUID', `mutation { revokeInvitation(id: "x") { id } }`, () => ({}), /^id/],
  ['changeMemberRole: unknown role', `mutation ($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { id } }`, () => ({ i: { membershipId, role: 'GOD' } }), /GOD/],
  ['removeMember: id not a UUID', `mutation { removeMember(id: "x") }`, () => ({}), /^id/],
  ['createOrganization: PLATFORM kind', `mutation { createOrganization(input: { name: "Sneaky", kind: PLATFORM }) { id } }`, () => ({}), /input\.kind/],
  ['createOrganization: 1-char name', `mutation { createOrganization(input: { name: "x", kind: MINER }) { id } }`, () => ({}), /input\.name/],
  ['signUp: short password', `mutation ($i: SignUpInput!) { signUp(input: $i) { message } }`, () => ({ i: { email: 'new@example.test', password: 'short', name: 'N', organizationName: 'New Org', organizationKind: 'MINER' } }), /input\.password/],
  ['signUp: PLATFORM kind', `mutation ($i: SignUpInput!) { signUp(input: $i) { message } }`, () => ({ i: { email: 'new2@example.test', password: 'long enough pw', name: 'N', organizationName: 'New Org', organizationKind: 'PLATFORM' } }), /input\.organizationKind/],
  ['signIn: not an email', `mutation { signIn(input: { email: "x", password: "y" }) { token } }`, () => ({}), /input\.email/],
];

describe.each(cases)('%s', (_label, query, variables, field) => {
  it('answers BAD_USER_INPUT naming the field and writes nothing', async () => {
    const before = await rowCounts();
    const result = await api.gql(query, variables(), owner);
    expect(result.data ?? null).toBeNull();
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(`${error?.extensions?.field ?? ''} ${error?.message}`).toMatch(field);
    expect(await rowCounts()).toEqual(before);
  });
});
