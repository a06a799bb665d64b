// A tenant acts on a listing: reads it (coarse attributes, blocks, readiness criteria; never the host, name or
// location) and asks its host for a proposal; the host sees the request anonymously, nobody else sees anything.
import { type OrgFixture, createListedBlock, createRequest, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let tenant: OrgFixture;
let host: OrgFixture;
let listed: { siteId: string; siteName: string; blockId: string };

const LISTING = `query ($id: ID!) { listing(siteId: $id) { site { id region gridOperator coolingType readinessScore }
  blocks { id mw priceUsdPerKwMonth minTermMonths } readiness { tier score criteria { key label subScore reason } } } }`;
const ASK = `mutation ($requestId: ID!, $siteId: ID!) { requestProposal(requestId: $requestId, siteId: $siteId) { id requestId siteId tenantLabel } }`;
const RECEIVED = `{ receivedProposalRequests(first: 20) { totalCount edges { node { requestId siteId tenantLabel } } } }`;
const code = (r: { errors?: { extensions?: { code?: string; field?: string } }[] }) => r.errors?.[0]?.extensions;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await signUpOrg(api, 'TENANT', 'asking-tenant');
  host = await signUpOrg(api, 'MINER', 'asked-host');
  listed = await createListedBlock(api, host, { mw: 60, firmMw: 60, availableFrom: '2027-01-01', priceUsdPerKwMonth: 140, minTermMonths: 60 });
});
afterAll(() => api.close());

describe('listing detail', () => {
  it('shows the site coarsely with its blocks and readiness criteria, never its name or host', async () => {
    const result = await api.gql<{ listing: { site: { id: string }; blocks: { id: string; mw: number }[]; readiness: { criteria: { key: string }[] } | null } }>(
      LISTING,
      { id: listed.siteId },
      tenant,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.listing.site.id).toBe(listed.siteId);
    expect(result.data?.listing.blocks).toEqual([{ id: listed.blockId, mw: 60, priceUsdPerKwMonth: 140, minTermMonths: 60 }]);
    expect(result.data?.listing.readiness?.criteria.map((c) => c.key)).toContain('backupPower');
    const text = JSON.stringify(result);
    expect(text).not.toContain(listed.siteName);
    expect(text).not.toContain(host.orgId);
  });

  it('answers NOT_FOUND for an unlisted site and BAD_USER_INPUT for a malformed id', async () => {
    expect(code(await api.gql(LISTING, { id: '00000000-0000-4000-8000-000000000000' }, tenant))?.code).toBe('NOT_FOUND');
    expect(code(await api.gql(LISTING, { id: 'nope' }, tenant))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
  });
});

describe('requestProposal', () => {
  it('tells the host, anonymously, once however often it is asked', async () => {
    const request = await createRequest(api, tenant, { open: true });
    const first = await api.gql<{ requestProposal: { id: string; tenantLabel: string } }>(ASK, { requestId: request.id, siteId: listed.siteId }, tenant);
    expect(first.errors).toBeUndefined();
    const again = await api.gql<{ requestProposal: { id: string } }>(ASK, { requestId: request.id, siteId: listed.siteId }, tenant);
    expect(again.data?.requestProposal.id).toBe(first.data?.requestProposal.id);
    const received = await api.gql<{ receivedProposalRequests: { totalCount: number; edges: { node: { requestId: string; tenantLabel: string } }[] } }>(RECEIVED, {}, host);
    const mine = received.data?.receivedProposalRequests.edges.map((e) => e.node).filter((n) => n.requestId === request.id);
    expect(mine).toEqual([{ requestId: request.id, siteId: listed.siteId, tenantLabel: first.data?.requestProposal.tenantLabel }]);
    expect(JSON.stringify(received)).not.toContain(tenant.orgId);
    // The host can open the request it links to.
    const open = await api.gql<{ openRequest: { request: { id: string } } }>(`query ($id: ID!) { openRequest(id: $id) { request { id } } }`, { id: request.id }, host);
    expect(open.data?.openRequest.request.id).toBe(request.id);
  });

  it('refuses drafts, others’ requests and bad ids, writing nothing; others see nothing', async () => {
    const before = await api.db.prisma.proposalRequest.count();
    const draft = await createRequest(api, tenant, { open: false });
    expect(code(await api.gql(ASK, { requestId: draft.id, siteId: listed.siteId }, tenant))?.code).toBe('CONFLICT');
    const stranger = await signUpOrg(api, 'TENANT', 'stranger');
    const open = await createRequest(api, tenant, { open: true });
    expect(code(await api.gql(ASK, { requestId: open.id, siteId: listed.siteId }, stranger))?.code).toBe('NOT_FOUND');
    expect(code(await api.gql(ASK, { requestId: open.id, siteId: 'x' }, tenant))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    expect(await api.db.prisma.proposalRequest.count()).toBe(before);
    const strangers = await api.gql<{ receivedProposalRequests: { totalCount: number } }>(RECEIVED, {}, stranger);
    expect(strangers.data?.receivedProposalRequests.totalCount).toBe(0);
  });
});
