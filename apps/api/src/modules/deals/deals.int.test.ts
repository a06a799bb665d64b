import type { DealStatus } from '@gridshare/db';
import {
  type OrgFixture,
  createListedBlock,
  createProposedDeal,
  createPublishedBlock,
  createRequest,
  dealInput,
  proposeDeal,
  signUpOrg,
} from '../../testing/fixtures';
import { type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let host: OrgFixture;
let tenant: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  host = await signUpOrg(api, 'MINER', 'deal-host');
  tenant = await signUpOrg(api, 'TENANT', 'deal-tenant');
});
afterAll(() => api.close());

const DEAL_FIELDS = `id status role mw priceUsdPerKwMonth termMonths startDate hostMiningSharePct miningReleaseSeconds curtailFirst platformFeePct
  acceptedAt hostSignedAt tenantSignedAt activatedAt endedAt host { id } tenant { id } request { id totalMw } blocks { blockId mw }`;
const PROPOSE = `mutation ($input: ProposeDealInput!) { proposeDeal(input: $input) { ${DEAL_FIELDS} } }`;
const ACTIONS = ['accept', 'reject', 'withdraw', 'sign', 'activate', 'end'] as const;
type Action = (typeof ACTIONS)[number];
type DealResult = GqlResult<Record<string, { status: DealStatus; [field: string]: unknown }>>;
const act = (action: Action, id: string, caller: OrgFixture): Promise<DealResult> =>
  api.gql(`mutation ($id: ID!) { ${action}Deal(id: $id) { ${DEAL_FIELDS} } }`, { id }, caller);
const dealOf = (result: DealResult, action: Action) => result.data?.[`${action}Deal`];

const blockStatus = async (id: string) => (await api.db.prisma.capacityBlock.findUniqueOrThrow({ where: { id } })).status;
const requestStatus = async (id: string) => (await api.db.prisma.colocationRequest.findUniqueOrThrow({ where: { id } })).status;
const dealRow = (id: string) => api.db.prisma.deal.findUniqueOrThrow({ where: { id } });
const rowCounts = async () => ({
  deals: await api.db.prisma.deal.count(),
  dealBlocks: await api.db.prisma.dealBlock.count(),
  audit: await api.db.prisma.auditLog.count(),
});

describe('a deal’s life', () => {
  it('goes propose → accept → sign (both) → activate → end, moving the blocks and the request along', async () => {
    const request = await createRequest(api, tenant, { open: true });
    const { siteId, blockId } = await createListedBlock(api, host, { mw: 40, firmMw: 40 });
    const second = await createPublishedBlock(api, host, siteId, { mw: 40, firmMw: 40 });

    const proposed = await api.gql<{ proposeDeal: Record<string, unknown> }>(
      PROPOSE,
      { input: dealInput(request.id, [blockId, second], { mw: 60, platformFeePct: 2.5, curtailFirst: 'AI' }) },
      host,
    );
    expect(proposed.errors).toBeUndefined();
    const deal = proposed.data!.proposeDeal;
    expect(deal).toMatchObject({
      status: 'PROPOSED',
      role: 'HOST',
      mw: 60,
      priceUsdPerKwMonth: 155.5,
      termMonths: 120,
      startDate: '2027-01-01',
      hostMiningSharePct: 40,
      miningReleaseSeconds: 30,
      curtailFirst: 'AI',
      platformFeePct: 2.5,
      host: { id: host.orgId },
      // Anonymous to the host until the tenant accepts (deal-privacy.int.test.ts).
      tenant: { id: null },
      request: { id: request.id, totalMw: 200 },
    });
    // Greedy: the first block is filled, the second carries the rest.
    expect(deal.blocks).toEqual(
      expect.arrayContaining([
        { blockId, mw: 40 },
        { blockId: second, mw: 20 },
      ]),
    );
    const id = deal.id as string;
    const stored = await dealRow(id);
    expect({ price: stored.priceCentsPerKwMonth, share: stored.hostMiningShareBps, fee: stored.platformFeeBps, siteId: stored.siteId }).toEqual({
      price: 15_550,
      share: 4_000,
      fee: 250,
      siteId,
    });

    const accepted = dealOf(await act('accept', id, tenant), 'accept');
    expect(accepted).toMatchObject({ status: 'ACCEPTED', role: 'TENANT' });
    expect(accepted?.acceptedAt).toBeTruthy();
    expect([await blockStatus(blockId), await blockStatus(second)]).toEqual(['RESERVED', 'RESERVED']);
    expect(await requestStatus(request.id)).toBe('MATCHED');

    const hostSigned = dealOf(await act('sign', id, host), 'sign');
    expect(hostSigned).toMatchObject({ status: 'ACCEPTED', tenantSignedAt: null });
    expect(hostSigned?.hostSignedAt).toBeTruthy();
    const twice = await act('sign', id, host);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'ACCEPTED' });
    const signed = dealOf(await act('sign', id, tenant), 'sign');
    expect(signed?.status).toBe('SIGNED');
    expect(signed?.tenantSignedAt).toBeTruthy();

    expect(dealOf(await act('activate', id, host), 'activate')?.status).toBe('ACTIVE');
    expect([await blockStatus(blockId), await blockStatus(second)]).toEqual(['LEASED', 'LEASED']);
    // The tenant ends it: the host's blocks still go back to DRAFT (release_deal_blocks).
    const ended = dealOf(await act('end', id, tenant), 'end');
    expect(ended?.status).toBe('ENDED');
    expect(ended?.endedAt).toBeTruthy();
    expect([await blockStatus(blockId), await blockStatus(second)]).toEqual(['DRAFT', 'DRAFT']);

    const audit = await api.db.prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => `${row.orgId === host.orgId ? 'host' : 'tenant'}:${row.action}`)).toEqual([
      'host:deal.propose',
      'tenant:deal.accept',
      'host:deal.sign',
      'tenant:deal.sign',
      'host:deal.activate',
      'tenant:deal.end',
    ]);
  });

  it('lets the tenant reject and the host withdraw a proposal, leaving the blocks published', async () => {
    const rejected = await createProposedDeal(api, host, tenant);
    expect(dealOf(await act('reject', rejected.dealId, tenant), 'reject')?.status).toBe('REJECTED');
    const withdrawn = await createProposedDeal(api, host, tenant);
    expect(dealOf(await act('withdraw', withdrawn.dealId, host), 'withdraw')?.status).toBe('WITHDRAWN');
    expect([await blockStatus(rejected.blockId), await blockStatus(withdrawn.blockId)]).toEqual(['PUBLISHED', 'PUBLISHED']);
    expect((await dealRow(rejected.dealId)).rejectedAt).toBeTruthy();
    expect((await dealRow(withdrawn.dealId)).withdrawnAt).toBeTruthy();
  });

  // The specification, written out: which action each state allows (sign from ACCEPTED, by either party).
  const ALLOWED: Record<DealStatus, readonly Action[]> = {
    PROPOSED: ['accept', 'reject', 'withdraw'],
    ACCEPTED: ['sign'],
    SIGNED: ['activate'],
    ACTIVE: ['end'],
    ENDED: [],
    REJECTED: [],
    WITHDRAWN: [],
  };
  const PARTY: Record<Action, 'host' | 'tenant'> = { accept: 'tenant', reject: 'tenant', withdraw: 'host', sign: 'host', activate: 'host', end: 'host' };
  const callerFor = (action: Action) => (PARTY[action] === 'host' ? host : tenant);

  it.each(Object.keys(ALLOWED) as DealStatus[])('refuses from %s every action it does not allow: CONFLICT with currentStatus, nothing changed', async (status) => {
    const { dealId } = await createProposedDeal(api, host, tenant);
    await api.db.prisma.deal.update({ where: { id: dealId }, data: { status } });
    const before = { deal: await dealRow(dealId), counts: await rowCounts() };
    for (const action of ACTIONS.filter((a) => !ALLOWED[status].includes(a))) {
      const result = await act(action, dealId, callerFor(action));
      expect({ action, ...result.errors?.[0]?.extensions }).toMatchObject({ action, code: 'CONFLICT', currentStatus: status });
    }
    expect({ deal: await dealRow(dealId), counts: await rowCounts() }).toEqual(before);
  });

  it.each([
    ['accept', 'PROPOSED'],
    ['reject', 'PROPOSED'],
    ['withdraw', 'PROPOSED'],
    ['activate', 'SIGNED'],
  ] as const)('refuses %s by the wrong party with FORBIDDEN, nothing changed', async (action, status) => {
    const { dealId } = await createProposedDeal(api, host, tenant);
    await api.db.prisma.deal.update({ where: { id: dealId }, data: { status } });
    const before = { deal: await dealRow(dealId), counts: await rowCounts() };
    const result = await act(action, dealId, PARTY[action] === 'host' ? tenant : host);
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`Only the ${PARTY[action]} .* can ${action} it`));
    expect({ deal: await dealRow(dealId), counts: await rowCounts() }).toEqual(before);
  });

  it('lets exactly one of two tenants accepting deals on the same block at once win', async () => {
    const rival = await signUpOrg(api, 'TENANT', 'rival');
    const { blockId } = await createListedBlock(api, host);
    const deals = [];
    for (const party of [tenant, rival]) {
      const request = await createRequest(api, party, { open: true });
      deals.push({ party, requestId: request.id, dealId: (await proposeDeal(api, host, dealInput(request.id, [blockId]))).id });
    }
    const results = await Promise.all(deals.map((d) => act('accept', d.dealId, d.party)));
    expect(results.filter((r) => dealOf(r, 'accept')?.status === 'ACCEPTED')).toHaveLength(1);
    const lost = results.findIndex((r) => errorCode(r) === 'CONFLICT');
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(results[lost]?.errors?.[0]?.message).toMatch(new RegExp(`another deal took block ${blockId}`));
    const loser = deals[lost]!;
    expect((await dealRow(loser.dealId)).status).toBe('PROPOSED');
    expect(await requestStatus(loser.requestId)).toBe('OPEN');
    expect(await blockStatus(blockId)).toBe('RESERVED');
    expect(await api.db.prisma.deal.count({ where: { blocks: { some: { blockId } }, status: 'ACCEPTED' } })).toBe(1);
  });

  it('refuses to accept a deal on a withdrawn request, and rolls back', async () => {
    const { dealId, requestId, blockId } = await createProposedDeal(api, host, tenant);
    await api.gql(`mutation ($id: ID!) { withdrawColocationRequest(id: $id) { id } }`, { id: requestId }, tenant);
    const result = await act('accept', dealId, tenant);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'PROPOSED', requestStatus: 'WITHDRAWN' });
    expect((await dealRow(dealId)).status).toBe('PROPOSED');
    expect(await blockStatus(blockId)).toBe('PUBLISHED');
  });
});

describe('proposals', () => {
  async function refused(input: Record<string, unknown>, caller: OrgFixture = host) {
    const before = await rowCounts();
    const result = await api.gql(PROPOSE, { input }, caller);
    expect(await rowCounts()).toEqual(before);
    return result;
  }

  // Issue 14, item 1: a proposal is an offer for the request, not a way to reach its tenant.
  it.each([
    ['a Texas block on a Virginia request at $999/kW', { regions: ['Virginia'], gridOperators: ['PJM'] }, {}, { priceUsdPerKwMonth: 999 }, 'input.blockIds', 'location', /location: the site is in Texas/],
    ['a price over the request’s cap', {}, {}, { priceUsdPerKwMonth: 999 }, 'input.priceUsdPerKwMonth', 'price', /price: must be at most the request's \$180\.00/],
    ['a term longer than the request’s', {}, {}, { termMonths: 240 }, 'input.termMonths', 'term', /term: must be at most the request's 120 months/],
    ['a start after the request’s last phase', {}, {}, { startDate: '2029-01-01' }, 'input.startDate', 'mwByDate', /on or before the request's last phase, 2028-09-30/],
    ['racks too small', { minRackDensityKw: 100 }, {}, {}, 'input.blockIds', 'rackDensity', /rack density: the request needs racks of 100 kW/],
    ['the wrong cooling', { cooling: 'DIRECT_TO_CHIP' }, {}, {}, 'input.blockIds', 'cooling', /cooling: the request needs DIRECT_TO_CHIP/],
    ['too little redundancy', { minRedundancy: 'TWO_N' }, {}, {}, 'input.blockIds', 'redundancy', /redundancy/],
    ['too far from a hub', { maxLatencyMs: 2 }, { latencyToHubMs: 9 }, {}, 'input.blockIds', 'latency', /latency/],
  ] as const)('refuses %s, naming the constraint, and writes nothing', async (_label, requestOverrides, siteOverrides, dealOverrides, field, constraint, message) => {
    const request = await createRequest(api, tenant, { open: true, ...requestOverrides });
    const { blockId } = await createListedBlock(api, host, {}, siteOverrides);
    const result = await refused(dealInput(request.id, [blockId], dealOverrides));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, constraint });
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('lets only MINER organisations propose', async () => {
    const request = await createRequest(api, tenant, { open: true });
    const { blockId } = await createListedBlock(api, host);
    const result = await refused(dealInput(request.id, [blockId]), await signUpOrg(api, 'TENANT', 'not-a-host'));
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/Only MINER organisations can propose deals/);
  });

  it('answers NOT_FOUND for a request the host cannot see and for another host’s block', async () => {
    const { blockId } = await createListedBlock(api, host);
    const draft = await createRequest(api, tenant);
    expect(errorCode(await refused(dealInput(draft.id, [blockId])))).toBe('NOT_FOUND');
    const open = await createRequest(api, tenant, { open: true });
    const theirs = await createListedBlock(api, await signUpOrg(api, 'MINER', 'other-host'));
    expect(errorCode(await refused(dealInput(open.id, [theirs.blockId])))).toBe('NOT_FOUND');
  });

  it('answers CONFLICT for a request no longer OPEN and for a block not PUBLISHED, naming it', async () => {
    const dealt = await createProposedDeal(api, host, tenant);
    await api.gql(`mutation ($id: ID!) { withdrawColocationRequest(id: $id) { id } }`, { id: dealt.requestId }, tenant);
    const { blockId } = await createListedBlock(api, host);
    const closed = await refused(dealInput(dealt.requestId, [blockId]));
    expect(closed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'WITHDRAWN' });

    const open = await createRequest(api, tenant, { open: true });
    await api.gql(`mutation ($id: ID!) { unpublishCapacityBlock(id: $id) { id } }`, { id: blockId }, host);
    const unpublished = await refused(dealInput(open.id, [blockId]));
    expect(unpublished.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', blockId, currentStatus: 'DRAFT' });
    expect(unpublished.errors?.[0]?.message).toContain(blockId);
  });

  it('answers CONFLICT for capacity of a site that is not verified', async () => {
    const open = await createRequest(api, tenant, { open: true });
    const { siteId, blockId } = await createListedBlock(api, host);
    await api.db.prisma.site.update({ where: { id: siteId }, data: { verification: 'PENDING' } });
    expect((await refused(dealInput(open.id, [blockId]))).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', verification: 'PENDING' });
  });

  it.each([
    ['more MW than the blocks', { mw: 41 }, 'input.mw'],
    ['less than the request’s contiguous minimum', { mw: 10 }, 'input.mw'],
    ['a term shorter than the block’s minimum', { termMonths: 12 }, 'input.termMonths'],
    ['a start before the block is available', { startDate: '2026-01-01' }, 'input.startDate'],
  ])('refuses %s with BAD_USER_INPUT naming the field, nothing written', async (_label, overrides, field) => {
    const open = await createRequest(api, tenant, { open: true });
    const { blockId } = await createListedBlock(api, host);
    const result = await refused(dealInput(open.id, [blockId], overrides));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses blocks on two sites, and a block the MW do not need', async () => {
    const open = await createRequest(api, tenant, { open: true });
    const a = await createListedBlock(api, host);
    const b = await createListedBlock(api, host);
    expect((await refused(dealInput(open.id, [a.blockId, b.blockId]))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.blockIds' });
    const extra = await createPublishedBlock(api, host, a.siteId);
    expect((await refused(dealInput(open.id, [a.blockId, extra], { mw: 40 }))).errors?.[0]?.extensions).toMatchObject({ field: 'input.blockIds.1' });
  });

  it.each([
    ['zero MW', { mw: 0 }, 'input.mw'],
    ['no blocks', { blockIds: [] }, 'input.blockIds'],
    ['the same block twice', { twice: true }, 'input.blockIds'],
    ['a request id that is not a UUID', { requestId: 'abc' }, 'input.requestId'],
    ['a mining share over 100%', { hostMiningSharePct: 101 }, 'input.hostMiningSharePct'],
    ['a release of 0 seconds', { miningReleaseSeconds: 0 }, 'input.miningReleaseSeconds'],
    ['a release over an hour', { miningReleaseSeconds: 3601 }, 'input.miningReleaseSeconds'],
    ['a negative platform fee', { platformFeePct: -1 }, 'input.platformFeePct'],
    ['a negative price', { priceUsdPerKwMonth: -5 }, 'input.priceUsdPerKwMonth'],
    ['a fractional term', { termMonths: 12.5 }, 'termMonths'],
    ['an unknown curtailment order', { curtailFirst: 'BOTH' }, 'curtailFirst'],
    ['a bad start date', { startDate: '2027-13-01' }, 'startDate'],
    ['an extra tenantOrgId', { tenantOrgId: '00000000-0000-4000-8000-000000000000' }, 'tenantOrgId'],
  ])('proposeDeal with %s → BAD_USER_INPUT naming the field, nothing written', async (_label, overrides, field) => {
    const open = await createRequest(api, tenant, { open: true });
    const { blockId } = await createListedBlock(api, host);
    const { twice, ...rest } = overrides as Record<string, unknown>;
    const result = await refused(dealInput(open.id, twice ? [blockId, blockId] : [blockId], rest));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(`${result.errors?.[0]?.extensions?.field ?? ''} ${result.errors?.[0]?.message}`).toContain(field);
  });

  it.each(ACTIONS)('%sDeal with an id that is not a UUID → BAD_USER_INPUT on id, nothing written', async (action) => {
    const before = await rowCounts();
    const result = await act(action, 'deal-1', host);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await rowCounts()).toEqual(before);
  });
});

describe('listing deals', () => {
  it('lists both sides’ deals with the caller’s role, filtered by role and status', async () => {
    const h = await signUpOrg(api, 'MINER', 'list-host');
    const t = await signUpOrg(api, 'TENANT', 'list-tenant');
    const first = await createProposedDeal(api, h, t);
    const second = await createProposedDeal(api, h, t);
    await act('reject', first.dealId, t);
    const query = `query ($filter: DealFilter) { deals(first: 10, filter: $filter) { totalCount edges { node { id role status } } } }`;
    type Page = { deals: { totalCount: number; edges: { node: { id: string; role: string; status: string } }[] } };
    const list = async (caller: OrgFixture, filter?: Record<string, unknown>) => (await api.gql<Page>(query, { filter }, caller)).data?.deals;
    expect(await list(h)).toEqual({
      totalCount: 2,
      edges: [
        { node: { id: second.dealId, role: 'HOST', status: 'PROPOSED' } },
        { node: { id: first.dealId, role: 'HOST', status: 'REJECTED' } },
      ],
    });
    expect((await list(t))?.edges.map((e) => e.node.role)).toEqual(['TENANT', 'TENANT']);
    expect((await list(t, { role: 'HOST' }))?.totalCount).toBe(0);
    expect((await list(h, { role: 'HOST', statuses: ['REJECTED'] }))?.edges.map((e) => e.node.id)).toEqual([first.dealId]);
    const bad = await api.gql(query, { filter: { role: 'BROKER' } }, h);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });
});
