import { createHash } from 'node:crypto';
import {
  type OrgFixture,
  createApiKey,
  createListedBlock,
  createRequest,
  dealInput,
  proposeDeal,
  requestInput,
  signUpOrg,
} from '../../testing/fixtures';
import { type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let tenant: OrgFixture;
let otherTenant: OrgFixture;
let host: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await signUpOrg(api, 'TENANT', 'req');
  otherTenant = await signUpOrg(api, 'TENANT', 'req-other');
  host = await signUpOrg(api, 'MINER', 'req-host');
});
afterAll(() => api.close());

const field = (result: GqlResult) => result.errors?.[0]?.extensions?.field;
const REQUEST_FIELDS = 'id title status totalMw minContiguousMw neededBy phases { mw neededBy } countries regions gridOperators cooling maxPriceUsdPerKwMonth termMonths backfillMiningAllowed';
const CREATE = `mutation ($input: CreateColocationRequestInput!) { createColocationRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateColocationRequestInput!) { updateColocationRequest(id: $id, input: $input) { ${REQUEST_FIELDS} } }`;
const move = (verb: 'open' | 'withdraw') => `mutation ($id: ID!) { ${verb}ColocationRequest(id: $id) { id status } }`;
const GET = `query ($id: ID!) { colocationRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const OPEN_LIST = `query ($filter: OpenColocationRequestFilter) { openColocationRequests(first: 100, filter: $filter) {
  totalCount edges { node { id tenantLabel tenantName request { id title totalMw status } } } } }`;
type OpenPage = { openColocationRequests: { totalCount: number; edges: { node: { id: string; tenantLabel: string; tenantName: string | null; request: { id: string } } }[] } };

const openList = async (caller: OrgFixture, filter?: Record<string, unknown>) =>
  (await api.gql<OpenPage>(OPEN_LIST, { filter }, caller)).data?.openColocationRequests.edges.map((e) => e.node) ?? [];
const rowCounts = async () => ({ requests: await api.db.prisma.colocationRequest.count(), audit: await api.db.prisma.auditLog.count() });

describe('a tenant’s requests', () => {
  it('creates a DRAFT with its phases, the first phase’s date as neededBy, codes in upper case and USD prices', async () => {
    const result = await api.gql<{ createColocationRequest: Record<string, unknown> }>(
      CREATE,
      { input: requestInput({ title: 'GB200 cluster', countries: ['us'], gridOperators: ['ercot'], cooling: 'DIRECT_TO_CHIP' }) },
      tenant,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createColocationRequest).toMatchObject({
      title: 'GB200 cluster',
      status: 'DRAFT',
      totalMw: 200,
      minContiguousMw: 20,
      neededBy: '2027-09-30',
      phases: [
        { mw: 50, neededBy: '2027-09-30' },
        { mw: 150, neededBy: '2028-09-30' },
      ],
      countries: ['US'],
      gridOperators: ['ERCOT'],
      cooling: 'DIRECT_TO_CHIP',
      maxPriceUsdPerKwMonth: 180,
      backfillMiningAllowed: false,
    });
    const id = (result.data?.createColocationRequest as { id: string }).id;
    const stored = await api.db.prisma.colocationRequest.findUniqueOrThrow({ where: { id } });
    expect(stored.maxPriceCentsPerKwMonth).toBe(18_000);
    expect(stored.orgId).toBe(tenant.orgId);
    expect(await api.db.prisma.auditLog.count({ where: { entityId: id, action: 'request.created' } })).toBe(1);
  });

  it('creates it OPEN at once with `open: true`', async () => {
    expect((await createRequest(api, tenant, { open: true })).status).toBe('OPEN');
  });

  it('updates only the given fields, checking the rules on the request as it would stand', async () => {
    const request = await createRequest(api, tenant);
    const phases = [
      { mw: 100, neededBy: '2027-06-30' },
      { mw: 150, neededBy: '2028-06-30' },
    ];
    const updated = await api.gql<{ updateColocationRequest: Record<string, unknown> }>(UPDATE, { id: request.id, input: { totalMw: 250, phases, cooling: null } }, tenant);
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateColocationRequest).toMatchObject({ totalMw: 250, neededBy: '2027-06-30', phases, cooling: null, termMonths: 120 });

    const before = await rowCounts();
    const lone = await api.gql(UPDATE, { id: request.id, input: { totalMw: 300 } }, tenant);
    expect(errorCode(lone)).toBe('BAD_USER_INPUT');
    expect(field(lone)).toBe('input.totalMw');
    expect(lone.errors?.[0]?.message).toMatch(/add up to 250 MW but totalMw is 300 MW/);
    const tooContiguous = await api.gql(UPDATE, { id: request.id, input: { minContiguousMw: 251 } }, tenant);
    expect(field(tooContiguous)).toBe('input.minContiguousMw');
    expect(await rowCounts()).toEqual(before);
  });

  it('opens DRAFT → OPEN and withdraws, refusing every other move with CONFLICT and the current status', async () => {
    const request = await createRequest(api, tenant);
    expect((await api.gql<{ openColocationRequest: { status: string } }>(move('open'), { id: request.id }, tenant)).data?.openColocationRequest.status).toBe('OPEN');
    const again = await api.gql(move('open'), { id: request.id }, tenant);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.currentStatus).toBe('OPEN');
    expect((await api.gql(UPDATE, { id: request.id, input: { title: 'Still editable when OPEN' } }, tenant)).errors).toBeUndefined();

    expect((await api.gql<{ withdrawColocationRequest: { status: string } }>(move('withdraw'), { id: request.id }, tenant)).data?.withdrawColocationRequest.status).toBe('WITHDRAWN');
    for (const refused of [
      await api.gql(move('withdraw'), { id: request.id }, tenant),
      await api.gql(move('open'), { id: request.id }, tenant),
      await api.gql(UPDATE, { id: request.id, input: { title: 'too late' } }, tenant),
    ]) {
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0]?.extensions?.currentStatus).toBe('WITHDRAWN');
    }
  });

  it('withdraws a MATCHED request, and never changes a CLOSED one', async () => {
    const matched = await createRequest(api, tenant, { open: true });
    await api.db.prisma.colocationRequest.update({ where: { id: matched.id }, data: { status: 'MATCHED' } });
    expect((await api.gql<{ withdrawColocationRequest: { status: string } }>(move('withdraw'), { id: matched.id }, tenant)).data?.withdrawColocationRequest.status).toBe('WITHDRAWN');
    const closed = await createRequest(api, tenant, { open: true });
    await api.db.prisma.colocationRequest.update({ where: { id: closed.id }, data: { status: 'CLOSED' } });
    for (const result of [await api.gql(move('withdraw'), { id: closed.id }, tenant), await api.gql(UPDATE, { id: closed.id, input: { title: 'x' } }, tenant)]) {
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'CLOSED' });
    }
  });

  it('lists only the caller’s requests, filtered by status, newest first, in pages', async () => {
    const org = await signUpOrg(api, 'TENANT', 'req-list');
    const ids = [];
    for (const open of [false, true, true]) ids.push((await createRequest(api, org, { open })).id);
    const query = `query ($first: Int, $after: String, $filter: ColocationRequestFilter) {
      colocationRequests(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    type Page = { colocationRequests: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } };
    const first = await api.gql<Page>(query, { first: 1, filter: { statuses: ['OPEN'] } }, org);
    expect(first.data?.colocationRequests.totalCount).toBe(2);
    expect(first.data?.colocationRequests.edges.map((e) => e.node.id)).toEqual([ids[2]]);
    const second = await api.gql<Page>(query, { first: 1, after: first.data?.colocationRequests.pageInfo.endCursor, filter: { statuses: ['OPEN'] } }, org);
    expect(second.data?.colocationRequests.edges.map((e) => e.node.id)).toEqual([ids[1]]);
    expect(second.data?.colocationRequests.pageInfo.hasNextPage).toBe(false);
    const all = await api.gql<Page>(query, { first: 100 }, org);
    expect(all.data?.colocationRequests.edges.map((e) => e.node.id)).toEqual([...ids].reverse());
  });

  it('lets an API key read with REQUESTS_READ and write only with REQUESTS_WRITE', async () => {
    const reader = await createApiKey(api, tenant, ['REQUESTS_READ']);
    const writer = await createApiKey(api, tenant, ['REQUESTS_WRITE']);
    const before = await rowCounts();
    expect(errorCode(await api.gql(CREATE, { input: requestInput() }, { token: reader.secret }))).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
    expect((await api.gql(`{ colocationRequests { totalCount } }`, {}, { token: reader.secret })).errors).toBeUndefined();
    expect((await api.gql(CREATE, { input: requestInput() }, { token: writer.secret })).errors).toBeUndefined();
  });

  it('lets only TENANT organisations post requests', async () => {
    const before = await rowCounts();
    const result = await api.gql(CREATE, { input: requestInput() }, host);
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/Only TENANT organisations can post colocation requests/);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('hosts browsing open requests', () => {
  it('shows OPEN requests of other organisations only, newest first, filtered', async () => {
    const draft = await createRequest(api, otherTenant);
    const texas = await createRequest(api, otherTenant, { open: true, totalMw: 300, phases: [{ mw: 300, neededBy: '2028-01-31' }] });
    const anywhere = await createRequest(api, otherTenant, { open: true, regions: [], gridOperators: [] });
    const ohio = await createRequest(api, otherTenant, { open: true, regions: ['Ohio'], gridOperators: ['PJM'] });
    const visible = (await openList(host)).map((node) => node.id);
    expect(visible.indexOf(ohio.id)).toBeLessThan(visible.indexOf(anywhere.id));
    expect(visible.indexOf(anywhere.id)).toBeLessThan(visible.indexOf(texas.id));
    expect(visible).not.toContain(draft.id);
    // A tenant browsing sees others' requests, never its own.
    expect((await openList(otherTenant)).map((node) => node.id)).not.toEqual(expect.arrayContaining([texas.id]));

    const ercot = (await openList(host, { gridOperators: ['ercot'], regions: ['Texas'] })).map((node) => node.id);
    expect(ercot).toEqual(expect.arrayContaining([texas.id, anywhere.id]));
    expect(ercot).not.toContain(ohio.id);
    const big = (await openList(host, { minTotalMw: 250 })).map((node) => node.id);
    expect(big).toContain(texas.id);
    expect(big).not.toContain(anywhere.id);
  });

  it('drops a request once it is withdrawn', async () => {
    const request = await createRequest(api, otherTenant, { open: true });
    expect((await openList(host)).map((node) => node.id)).toContain(request.id);
    await api.gql(move('withdraw'), { id: request.id }, otherTenant);
    expect((await openList(host)).map((node) => node.id)).not.toContain(request.id);
  });

  it('hides the requests of a suspended tenant, and shows them again once it is reinstated', async () => {
    const suspended = await signUpOrg(api, 'TENANT', 'suspended');
    const request = await createRequest(api, suspended, { open: true });
    expect((await openList(host)).map((node) => node.id)).toContain(request.id);
    await api.db.prisma.organization.update({ where: { id: suspended.orgId }, data: { status: 'SUSPENDED' } });
    expect((await openList(host)).map((node) => node.id)).not.toContain(request.id);
    await api.db.prisma.organization.update({ where: { id: suspended.orgId }, data: { status: 'ACTIVE' } });
    expect((await openList(host)).map((node) => node.id)).toContain(request.id);
  });

  it('labels each request’s tenant anonymously and differently, and a proposal names nobody (issue 14, item 1)', async () => {
    const org = await signUpOrg(api, 'TENANT', 'anon');
    const orgName = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).name;
    const request = await createRequest(api, org, { open: true });
    const sibling = await createRequest(api, org, { open: true });
    const before = (await openList(host)).find((node) => node.id === request.id);
    expect(before).toMatchObject({ tenantName: null, request: { id: request.id, status: 'OPEN' } });
    expect(before?.tenantLabel).toMatch(/^Tenant #[0-9a-f]{6}$/);
    // One label per request: a host cannot tell two requests of one tenant belong together.
    expect((await openList(host)).find((node) => node.id === sibling.id)?.tenantLabel).not.toBe(before?.tenantLabel);
    expect(before?.tenantLabel).not.toBe(`Tenant #${createHash('sha256').update(org.orgId).digest('hex').slice(0, 6)}`);

    // A throwaway proposal (this one fits the request) unmasks nothing, on this request or the other.
    const { blockId } = await createListedBlock(api, host);
    await proposeDeal(api, host, dealInput(request.id, [blockId]));
    const after = await api.gql(OPEN_LIST, {}, host);
    expect((after.data as OpenPage).openColocationRequests.edges.find((e) => e.node.id === request.id)?.node).toMatchObject({ tenantLabel: before?.tenantLabel, tenantName: null });
    expect(JSON.stringify(after)).not.toContain(orgName);
    expect(JSON.stringify(after)).not.toContain(org.orgId);
  });
  it('opens one OPEN request by id, anonymised like the list; NOT_FOUND for a draft, its own, or a bad id', async () => {
    const ONE = `query ($id: ID!) { openRequest(id: $id) { id tenantLabel tenantName request { id title status } } }`;
    const org = await signUpOrg(api, 'TENANT', 'one-open');
    const orgName = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).name;
    const open = await createRequest(api, org, { open: true, title: 'One open request' });
    const draft = await createRequest(api, org);
    const seen = await api.gql<{ openRequest: { tenantLabel: string; tenantName: string | null; request: { title: string } } }>(ONE, { id: open.id }, host);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.openRequest).toMatchObject({ tenantName: null, request: { title: 'One open request', status: 'OPEN' } });
    expect(seen.data?.openRequest.tenantLabel).toMatch(/^Tenant #[0-9a-f]{6}$/);
    expect(JSON.stringify(seen)).not.toContain(orgName);
    expect(errorCode(await api.gql(ONE, { id: draft.id }, host))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ONE, { id: open.id }, org))).toBe('NOT_FOUND');
    const bad = await api.gql(ONE, { id: 'not-a-uuid' }, host);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(field(bad)).toBe('id');
  });
});

describe('other organisations and bad input', () => {
  it('answers NOT_FOUND for another organisation’s request, to every query and mutation, and changes nothing', async () => {
    const theirs = await createRequest(api, otherTenant, { open: true });
    const before = await api.db.prisma.colocationRequest.findUniqueOrThrow({ where: { id: theirs.id } });
    const audit = await api.db.prisma.auditLog.count();
    for (const result of [
      await api.gql(GET, { id: theirs.id }, tenant),
      await api.gql(UPDATE, { id: theirs.id, input: { title: 'pwned' } }, tenant),
      await api.gql(move('open'), { id: theirs.id }, tenant),
      await api.gql(move('withdraw'), { id: theirs.id }, tenant),
      await api.gql(move('withdraw'), { id: theirs.id }, host),
    ]) {
      expect(errorCode(result)).toBe('NOT_FOUND');
    }
    const mine = await api.gql<{ colocationRequests: { edges: { node: { id: string } }[] } }>(`{ colocationRequests(first: 100) { edges { node { id } } } }`, {}, tenant);
    expect(mine.data?.colocationRequests.edges.map((e) => e.node.id)).not.toContain(theirs.id);
    expect(await api.db.prisma.colocationRequest.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
    expect(await api.db.prisma.auditLog.count()).toBe(audit);
  });

  it.each([
    ['phases not adding up', { phases: [{ mw: 50, neededBy: '2027-09-30' }] }, 'input.phases'],
    ['phases out of order', { phases: [{ mw: 150, neededBy: '2028-09-30' }, { mw: 50, neededBy: '2027-09-30' }] }, 'input.phases.1.neededBy'],
    ['minContiguousMw above totalMw', { minContiguousMw: 250 }, 'input.minContiguousMw'],
    ['no phases', { phases: [] }, 'input.phases'],
    ['a phase of 0 MW', { phases: [{ mw: 0, neededBy: '2027-09-30' }, { mw: 200, neededBy: '2028-09-30' }] }, 'input.phases.0.mw'],
    // GraphQL itself refuses values its scalars and enums cannot hold, naming the leaf field.
    ['a bad date', { phases: [{ mw: 200, neededBy: '2027-02-30' }] }, 'neededBy'],
    ['a bad country', { countries: ['USA'] }, 'input.countries.0'],
    ['an empty title', { title: '  ' }, 'input.title'],
    ['a term of 0 months', { termMonths: 0 }, 'input.termMonths'],
    ['a negative price', { maxPriceUsdPerKwMonth: -1 }, 'input.maxPriceUsdPerKwMonth'],
    ['an unknown cooling', { cooling: 'FANS' }, 'cooling'],
    ['an extra orgId', { orgId: '00000000-0000-4000-8000-000000000000' }, 'input'],
  ])('createColocationRequest with %s → BAD_USER_INPUT naming the field, nothing written', async (_label, overrides, name) => {
    const before = await rowCounts();
    const result = await api.gql(CREATE, { input: requestInput(overrides) }, tenant);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(`${field(result) ?? ''} ${result.errors?.[0]?.message}`).toContain(name);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['nothing to change', {}, 'input'],
    ['phases out of order', { phases: [{ mw: 100, neededBy: '2028-01-01' }, { mw: 100, neededBy: '2027-01-01' }] }, 'input.phases.1.neededBy'],
    ['a null title', { title: null }, 'input.title'],
    ['an extra status', { status: 'OPEN' }, 'input'],
  ])('updateColocationRequest with %s → BAD_USER_INPUT naming the field, nothing written', async (_label, input, name) => {
    const request = await createRequest(api, tenant);
    const before = await rowCounts();
    const result = await api.gql(UPDATE, { id: request.id, input }, tenant);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(`${field(result) ?? ''} ${result.errors?.[0]?.message}`).toContain(name);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['open', move('open')],
    ['withdraw', move('withdraw')],
    ['read', GET],
  ])('%s with an id that is not a UUID → BAD_USER_INPUT on id', async (_label, query) => {
    const before = await rowCounts();
    const result = await api.gql(query, { id: 'not-an-id' }, tenant);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('id');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a bad open-request filter, naming the field', async () => {
    const result = await api.gql(OPEN_LIST, { filter: { minTotalMw: -5 } }, host);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('filter.minTotalMw');
  });
});
