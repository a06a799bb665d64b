// What a deal reveals, and to whom: the tenant learns the site's name and location only once it accepts,
// a third organisation never learns anything, and row-level security says the same under raw SQL.
import { withOrg } from '@gridshare/db';
import { type OrgFixture, type ProposedDeal, createProposedDeal, createPublishedBlock, createRequest, dealInput, proposeDeal, signUpOrg } from '../../testing/fixtures';
import { type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let host: OrgFixture;
let tenant: OrgFixture;
let third: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  host = await signUpOrg(api, 'MINER', 'priv-host');
  tenant = await signUpOrg(api, 'TENANT', 'priv-tenant');
  third = await signUpOrg(api, 'TENANT', 'priv-third');
});
afterAll(() => api.close());

const SITE = 'site { id name latitude longitude country region gridOperator energizedMw coolingType redundancy maxRackDensityKw }';
type DealSite = Record<string, unknown> & { name: string | null; latitude: number | null; longitude: number | null };
type DealView = { status: string; host: { name: string }; tenant: { name: string }; site: DealSite };
const readDeal = (id: string, caller: OrgFixture) => api.gql<{ deal: DealView }>(`query ($id: ID!) { deal(id: $id) { status host { name } tenant { name } ${SITE} } }`, { id }, caller);
// Lists ask for fewer site fields: five levels deep, all eleven would pass GraphQL Armor's cost limit.
const listDeals = (caller: OrgFixture) =>
  api.gql<{ deals: { edges: { node: { id: string } & DealView }[] } }>(`{ deals(first: 100) { edges { node { id status site { id name latitude longitude region } } } } }`, {}, caller);
const accept = (id: string) => api.gql(`mutation ($id: ID!) { acceptDeal(id: $id) { id } }`, { id }, tenant);
const HIDDEN = { name: null, latitude: null, longitude: null };
// siteInput's defaults, which every fixture site has.
const COARSE = { country: 'US', region: 'Texas', gridOperator: 'ERCOT', energizedMw: 120, coolingType: 'IMMERSION', redundancy: 'N_PLUS_1', maxRackDensityKw: 60 };
const EXACT = { latitude: 31.9, longitude: -102.1 };

/** Raw SQL in an organisation's own scope: what row-level security lets it see of the deal. */
async function rawRows(orgId: string, deal: ProposedDeal) {
  return withOrg(api.db.prisma, { orgId }, async (tx) => {
    const count = async (table: string, column: string, id: string) =>
      Number((await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1::uuid`, id))[0]?.n);
    return {
      site: await count('Site', 'id', deal.siteId),
      hostSites: await count('Site', 'orgId', host.orgId),
      deal: await count('Deal', 'id', deal.dealId),
      dealBlocks: await count('DealBlock', 'dealId', deal.dealId),
      block: await count('CapacityBlock', 'id', deal.blockId),
      hostOrg: await count('Organization', 'id', host.orgId),
    };
  });
}

describe('the site of a deal', () => {
  it('is coarse for the tenant before acceptance and exact after; the host always sees it all', async () => {
    const deal = await createProposedDeal(api, host, tenant);
    const before = await readDeal(deal.dealId, tenant);
    expect(before.errors).toBeUndefined();
    expect(before.data?.deal.site).toEqual({ id: deal.siteId, ...COARSE, ...HIDDEN });
    // The counterparty's name is no secret from the proposal on.
    expect(before.data?.deal.host.name).toMatch(/^Org priv-host/);
    expect(JSON.stringify(await listDeals(tenant))).not.toContain(deal.siteName);
    expect((await rawRows(tenant.orgId, deal)).site).toBe(0);
    expect((await readDeal(deal.dealId, host)).data?.deal.site).toEqual({ id: deal.siteId, ...COARSE, name: deal.siteName, ...EXACT });

    expect((await accept(deal.dealId)).errors).toBeUndefined();
    expect((await readDeal(deal.dealId, tenant)).data?.deal.site).toEqual({ id: deal.siteId, ...COARSE, name: deal.siteName, ...EXACT });
    const listed = (await listDeals(tenant)).data?.deals.edges.find((e) => e.node.id === deal.dealId);
    expect(listed?.node.site).toMatchObject({ name: deal.siteName, ...EXACT });
    expect((await rawRows(tenant.orgId, deal)).site).toBe(1);
  });

  it('stays hidden on a deal not accepted, even when another deal of the tenant on that site is', async () => {
    const accepted = await createProposedDeal(api, host, tenant);
    const request = await createRequest(api, tenant, { open: true });
    const secondBlock = await createPublishedBlock(api, host, accepted.siteId, { mw: 20, firmMw: 20 });
    const pending = await proposeDeal(api, host, dealInput(request.id, [secondBlock], { mw: 20 }));
    await accept(accepted.dealId);
    // Row-level security now lets the tenant read the site; the deal's own status still hides it.
    expect((await rawRows(tenant.orgId, accepted)).site).toBe(1);
    const site = (await readDeal(pending.id, tenant)).data?.deal.site;
    expect(site).toMatchObject({ ...COARSE, ...HIDDEN });
    expect(site).toMatchObject({ id: accepted.siteId });
  });

  it('never shows the name to a tenant whose deal was rejected', async () => {
    const deal = await createProposedDeal(api, host, tenant);
    await api.gql(`mutation ($id: ID!) { rejectDeal(id: $id) { id } }`, { id: deal.dealId }, tenant);
    expect((await readDeal(deal.dealId, tenant)).data?.deal.site).toMatchObject({ ...COARSE, ...HIDDEN });
    expect((await rawRows(tenant.orgId, deal)).site).toBe(0);
  });
});

// Issue 14, item 1: a host learns who the tenant is when the tenant acts (accepts), never by proposing.
// Each test has a host and a tenant of its own: one accepted deal between two organisations rightly
// names the tenant to that host from then on.
describe('the tenant of a deal', () => {
  type Party = { id: string | null; name: string; anonymous: boolean };
  const parties = async (id: string, caller: OrgFixture) =>
    (await api.gql<{ deal: { host: Party; tenant: Party } }>(`query ($id: ID!) { deal(id: $id) { host { id name anonymous } tenant { id name anonymous } } }`, { id }, caller)).data?.deal;
  const nameOf = async (org: OrgFixture) => (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).name;
  const pair = async () => ({ h: await signUpOrg(api, 'MINER', 'anon-host'), t: await signUpOrg(api, 'TENANT', 'anon-tenant') });

  /** Whether the host can learn who the tenant is: from its deals, or with raw SQL in its own scope. */
  async function hostKnowsTenant(h: OrgFixture, t: OrgFixture): Promise<{ api: boolean; sql: boolean }> {
    const views = JSON.stringify(await api.gql(`{ deals(first: 100) { edges { node { id tenant { id name } } } } }`, {}, h));
    const rows = await withOrg(api.db.prisma, { orgId: h.orgId }, (tx) => tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Organization" WHERE "id" = ${t.orgId}::uuid`);
    return { api: views.includes(await nameOf(t)) || views.includes(t.orgId), sql: Number(rows[0]!.n) === 1 };
  }

  it('is an anonymous label of the request on a proposal, and the host learns nothing else', async () => {
    const { h, t } = await pair();
    const deal = await createProposedDeal(api, h, t);
    const seen = await parties(deal.dealId, h);
    expect(seen?.tenant).toEqual({ id: null, name: expect.stringMatching(/^Tenant #[0-9a-f]{6}$/), anonymous: true });
    // The label the host saw on the open request; another request of the same tenant has another.
    const open = await api.gql<{ openRequest: { tenantLabel: string } }>(`query ($id: ID!) { openRequest(id: $id) { tenantLabel } }`, { id: deal.requestId }, h);
    expect(open.data?.openRequest.tenantLabel).toBe(seen?.tenant.name);
    const other = await createProposedDeal(api, h, t);
    expect((await parties(other.dealId, h))?.tenant.name).not.toBe(seen?.tenant.name);
    expect(await hostKnowsTenant(h, t)).toEqual({ api: false, sql: false });
    // The tenant knows its host from the proposal on.
    expect((await parties(deal.dealId, t))?.host).toEqual({ id: h.orgId, name: await nameOf(h), anonymous: false });
  });

  it('is named once the tenant accepts', async () => {
    const { h, t } = await pair();
    const deal = await createProposedDeal(api, h, t);
    expect((await api.gql(`mutation ($id: ID!) { acceptDeal(id: $id) { id } }`, { id: deal.dealId }, t)).errors).toBeUndefined();
    expect((await parties(deal.dealId, h))?.tenant).toEqual({ id: t.orgId, name: await nameOf(t), anonymous: false });
    expect(await hostKnowsTenant(h, t)).toEqual({ api: true, sql: true });
  });

  it.each([
    ['withdrawn by the host', 'withdrawDeal', 'h'],
    ['rejected by the tenant', 'rejectDeal', 't'],
  ] as const)('stays the anonymous label once %s', async (_label, move, who) => {
    const { h, t } = await pair();
    const deal = await createProposedDeal(api, h, t);
    expect((await api.gql(`mutation ($id: ID!) { ${move}(id: $id) { id } }`, { id: deal.dealId }, who === 'h' ? h : t)).errors).toBeUndefined();
    expect((await parties(deal.dealId, h))?.tenant).toMatchObject({ id: null, anonymous: true });
    expect(await hostKnowsTenant(h, t)).toEqual({ api: false, sql: false });
  });
});

describe('a third organisation', () => {
  it('cannot read, list or move the deal (NOT_FOUND), nothing changes, and raw SQL in its scope sees none of it', async () => {
    const deal = await createProposedDeal(api, host, tenant);
    const snapshot = async () => ({
      deal: await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId }, include: { blocks: true } }),
      block: await api.db.prisma.capacityBlock.findUniqueOrThrow({ where: { id: deal.blockId } }),
      request: await api.db.prisma.colocationRequest.findUniqueOrThrow({ where: { id: deal.requestId } }),
      audit: await api.db.prisma.auditLog.count(),
    });
    const outsider = await signUpOrg(api, 'MINER', 'priv-outsider');
    const before = await snapshot();
    for (const caller of [third, outsider]) {
      expect(errorCode(await readDeal(deal.dealId, caller))).toBe('NOT_FOUND');
      expect((await listDeals(caller)).data?.deals.edges).toEqual([]);
      for (const action of ['accept', 'reject', 'withdraw', 'sign', 'activate', 'end']) {
        const result = await api.gql(`mutation ($id: ID!) { ${action}Deal(id: $id) { id } }`, { id: deal.dealId }, caller);
        expect({ action, code: errorCode(result) }).toEqual({ action, code: 'NOT_FOUND' });
      }
      expect(await rawRows(caller.orgId, deal)).toEqual({ site: 0, hostSites: 0, deal: 0, dealBlocks: 0, block: 0, hostOrg: 0 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('sees nothing even once the deal is accepted', async () => {
    const deal = await createProposedDeal(api, host, tenant);
    await accept(deal.dealId);
    expect(errorCode(await readDeal(deal.dealId, third))).toBe('NOT_FOUND');
    expect(await rawRows(third.orgId, deal)).toEqual({ site: 0, hostSites: 0, deal: 0, dealBlocks: 0, block: 0, hostOrg: 0 });
  });
});
