import { type OrgFixture, blockInput, createBlock, createSite, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let miner: OrgFixture;
let other: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  miner = await signUpOrg(api, 'MINER', 'cap');
  other = await signUpOrg(api, 'MINER', 'cap-other');
});
afterAll(() => api.close());

const CREATE = `mutation ($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id status mw firmMw interruptibleMw priceUsdPerKwMonth availableFrom site { id } } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCapacityBlockInput!) { updateCapacityBlock(id: $id, input: $input) { id mw status } }`;
const move = (verb: string) => `mutation ($id: ID!) { ${verb}CapacityBlock(id: $id) { id status publishedAt } }`;
// 100 MW energized from 2026-01-01, 50 MW more from 2027-06-01.
const SITE = { energizedMw: 100, miningMw: 0, liveDate: '2026-01-01', underConstructionMw: 50, constructionLiveDate: '2027-06-01' };

describe('capacity blocks', () => {
  it('creates a DRAFT block, deriving interruptible MW, with its site', async () => {
    const site = await createSite(api, miner, SITE);
    const result = await api.gql<{ createCapacityBlock: Record<string, unknown> }>(CREATE, { input: blockInput(site.id, { mw: 40, firmMw: 30 }) }, miner);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createCapacityBlock).toMatchObject({
      status: 'DRAFT',
      mw: 40,
      firmMw: 30,
      interruptibleMw: 10,
      priceUsdPerKwMonth: 150,
      availableFrom: '2026-06-01',
      site: { id: site.id },
    });
  });

  it('moves DRAFT → PUBLISHED → DRAFT and refuses illegal moves with CONFLICT and the current state', async () => {
    const site = await createSite(api, miner, SITE);
    const block = await createBlock(api, miner, site.id);
    const published = await api.gql<{ publishCapacityBlock: { status: string; publishedAt: string } }>(move('publish'), { id: block.id }, miner);
    expect(published.data?.publishCapacityBlock.status).toBe('PUBLISHED');
    expect(published.data?.publishCapacityBlock.publishedAt).toBeTruthy();
    const again = await api.gql(move('publish'), { id: block.id }, miner);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.currentStatus).toBe('PUBLISHED');
    expect(errorCode(await api.gql(`mutation ($id: ID!) { deleteCapacityBlock(id: $id) }`, { id: block.id }, miner))).toBe('CONFLICT');
    expect((await api.gql<{ unpublishCapacityBlock: { status: string } }>(move('unpublish'), { id: block.id }, miner)).data?.unpublishCapacityBlock.status).toBe('DRAFT');
    expect((await api.gql(`mutation ($id: ID!) { deleteCapacityBlock(id: $id) }`, { id: block.id }, miner)).data).toEqual({ deleteCapacityBlock: block.id });
  });

  it('refuses reserved or leased blocks any change', async () => {
    const site = await createSite(api, miner, SITE);
    const block = await createBlock(api, miner, site.id);
    await api.db.prisma.capacityBlock.update({ where: { id: block.id }, data: { status: 'RESERVED' } });
    const result = await api.gql(UPDATE, { id: block.id, input: { priceUsdPerKwMonth: 99 } }, miner);
    expect(errorCode(result)).toBe('CONFLICT');
    expect(errorCode(await api.gql(move('unpublish'), { id: block.id }, miner))).toBe('CONFLICT');
  });
});

describe('over-selling', () => {
  it('refuses a block that would sell more MW than the site has by its start date, and writes nothing', async () => {
    const site = await createSite(api, miner, SITE);
    await createBlock(api, miner, site.id, { mw: 80, firmMw: 80, availableFrom: '2026-02-01' });
    const before = await api.db.prisma.capacityBlock.count();
    const tooMuch = await api.gql(CREATE, { input: blockInput(site.id, { mw: 30, firmMw: 30, availableFrom: '2026-03-01' }) }, miner);
    expect(errorCode(tooMuch)).toBe('BAD_USER_INPUT');
    expect(tooMuch.errors?.[0]?.extensions?.field).toBe('input.mw');
    expect(tooMuch.errors?.[0]?.message).toMatch(/100 MW by 2026-03-01.*at most 20 MW/);
    expect(await api.db.prisma.capacityBlock.count()).toBe(before);
    // The same MW fit once the construction MW are live.
    await createBlock(api, miner, site.id, { mw: 30, firmMw: 30, availableFrom: '2027-06-01' });
    // Before the live date there is nothing to sell.
    expect(errorCode(await api.gql(CREATE, { input: blockInput(site.id, { mw: 1, firmMw: 1, availableFrom: '2025-12-31' }) }, miner))).toBe('BAD_USER_INPUT');
  });

  it('refuses growing a block past the site', async () => {
    const site = await createSite(api, miner, SITE);
    const block = await createBlock(api, miner, site.id, { mw: 60, firmMw: 60, availableFrom: '2026-02-01' });
    const grown = await api.gql(UPDATE, { id: block.id, input: { mw: 101, firmMw: 101 } }, miner);
    expect(errorCode(grown)).toBe('BAD_USER_INPUT');
    const ok = await api.gql<{ updateCapacityBlock: { mw: number } }>(UPDATE, { id: block.id, input: { mw: 100, firmMw: 100 } }, miner);
    expect(ok.data?.updateCapacityBlock.mw).toBe(100);
  });

  it('refuses shrinking or delaying a site below the blocks it already offers', async () => {
    const site = await createSite(api, miner, SITE);
    await createBlock(api, miner, site.id, { mw: 90, firmMw: 90, availableFrom: '2026-02-01' });
    const UPDATE_SITE = `mutation ($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { energizedMw liveDate } }`;
    const shrink = await api.gql(UPDATE_SITE, { id: site.id, input: { energizedMw: 80 } }, miner);
    expect(shrink.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.energizedMw' });
    const delay = await api.gql(UPDATE_SITE, { id: site.id, input: { liveDate: '2026-03-01' } }, miner);
    expect(delay.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.liveDate' });
    const unchanged = await api.db.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    expect(unchanged.energizedMw.toNumber()).toBe(100);
    expect((await api.gql(UPDATE_SITE, { id: site.id, input: { energizedMw: 95 } }, miner)).errors).toBeUndefined();
  });

  it('lets exactly one of two concurrent blocks take the last MW', async () => {
    const site = await createSite(api, miner, SITE);
    const results = await Promise.all(
      [1, 2].map(() => api.gql(CREATE, { input: blockInput(site.id, { mw: 60, firmMw: 60, availableFrom: '2026-02-01' }) }, miner)),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'BAD_USER_INPUT').length).toBe(1);
    expect(await api.db.prisma.capacityBlock.count({ where: { siteId: site.id } })).toBe(1);
  });
});

describe('bad input and other organisations', () => {
  it.each([
    ['negative MW', { mw: -1 }, /input\.mw/],
    ['zero MW', { mw: 0, firmMw: 0 }, /input\.mw/],
    ['firm above total', { mw: 10, firmMw: 11 }, /input\.firmMw/],
    ['split not adding up', { mw: 10, firmMw: 5, interruptibleMw: 4 }, /input\.interruptibleMw/],
    ['unknown kind', { kind: 'BITCOIN' }, /kind/],
    ['term too long', { minTermMonths: 361 }, /input\.minTermMonths/],
    ['bad date', { availableFrom: '2026-02-30' }, /availableFrom/],
    ['extra orgId', { orgId: '00000000-0000-4000-8000-000000000000' }, /orgId/],
  ])('%s → BAD_USER_INPUT naming the field, nothing written', async (_label, overrides, field) => {
    const site = await createSite(api, miner, SITE);
    const before = await api.db.prisma.capacityBlock.count();
    const result = await api.gql(CREATE, { input: blockInput(site.id, overrides) }, miner);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(`${result.errors?.[0]?.extensions?.field ?? ''} ${result.errors?.[0]?.message}`).toMatch(field);
    expect(await api.db.prisma.capacityBlock.count()).toBe(before);
  });

  it('answers NOT_FOUND for another organisation’s site and blocks, and changes nothing', async () => {
    const theirSite = await createSite(api, other, SITE);
    const theirBlock = await createBlock(api, other, theirSite.id);
    const before = await api.db.prisma.capacityBlock.findUniqueOrThrow({ where: { id: theirBlock.id } });
    expect(errorCode(await api.gql(CREATE, { input: blockInput(theirSite.id) }, miner))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`query ($id: ID!) { capacityBlock(id: $id) { id } }`, { id: theirBlock.id }, miner))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(UPDATE, { id: theirBlock.id, input: { mw: 1, firmMw: 1 } }, miner))).toBe('NOT_FOUND');
    for (const verb of ['publish', 'unpublish']) expect(errorCode(await api.gql(move(verb), { id: theirBlock.id }, miner))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`mutation ($id: ID!) { deleteCapacityBlock(id: $id) }`, { id: theirBlock.id }, miner))).toBe('NOT_FOUND');
    const mine = await api.gql<{ capacityBlocks: { edges: { node: { id: string } }[] } }>(`{ capacityBlocks(first: 100) { edges { node { id } } } }`, {}, miner);
    expect(mine.data?.capacityBlocks.edges.map((e) => e.node.id)).not.toContain(theirBlock.id);
    expect(await api.db.prisma.capacityBlock.findUniqueOrThrow({ where: { id: theirBlock.id } })).toEqual(before);
  });

  it('filters the caller’s blocks by site and status', async () => {
    const site = await createSite(api, miner, SITE);
    const a = await createBlock(api, miner, site.id, { mw: 10, firmMw: 10 });
    await createBlock(api, miner, site.id, { mw: 10, firmMw: 10 });
    await api.gql(move('publish'), { id: a.id }, miner);
    const result = await api.gql<{ capacityBlocks: { totalCount: number; edges: { node: { id: string } }[] } }>(
      `query ($f: CapacityBlockFilter) { capacityBlocks(filter: $f) { totalCount edges { node { id } } } }`,
      { f: { siteId: site.id, statuses: ['PUBLISHED'] } },
      miner,
    );
    expect(result.data?.capacityBlocks).toEqual({ totalCount: 1, edges: [{ node: { id: a.id } }] });
  });
});
