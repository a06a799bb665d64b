// The in-memory listing answers exactly what the SQL answers (pages, cursors, counts) for hundreds of
// random searches, and sees every commit before a search: writes by any path, rebuilds, and a transaction
// that took its id before a check and committed after it.
import { type TestDatabase, createTestDatabase, onPostgres } from '@gridshare/db/testing';
import { generateSearchBenchData } from '../../../bench/search-data';
import { randomSearch, seededRandom } from '../../testing/search-filters';
import { createListingSync } from './listing-sync';
import { ZCapacitySearchFilter, type TSort } from './search.schemas';
import { toListingNode } from './search.mappers';
import { searchListingIndex } from './search.memory';
import { countListings, searchListings } from './search.service';
import type { TPageArgs } from '../../graphql/pagination';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ poolMax: 4 });
  // 2,000 sites, ~4,000 listings: broad filters pass the count's cap, narrow ones match a handful.
  await generateSearchBenchData(db.prisma, 2_000);
}, 120_000);
afterAll(() => db.close());

type Filter = ReturnType<typeof ZCapacitySearchFilter.parse>;

async function bySql(page: TPageArgs, sort: TSort, filter: Filter) {
  const result = await searchListings(db.prisma, page, sort, filter);
  const counted = await countListings(db.prisma, result.where);
  return {
    edges: result.edges.map(({ cursor, row }) => ({ cursor, node: toListingNode(row) })),
    hasNextPage: result.hasNextPage,
    totalCount: counted.count,
    totalCountIsExact: counted.exact,
  };
}

async function byIndex(index: Awaited<ReturnType<ReturnType<typeof createListingSync>['current']>>, page: TPageArgs, sort: TSort, filter: Filter) {
  const result = searchListingIndex(index, page, sort, filter);
  // What GraphQL reads of each edge (its cursor is made when read).
  const edges = result.edges.map(({ cursor, node }) => ({ cursor, node }));
  return { edges, hasNextPage: result.pageInfo.hasNextPage, totalCount: await result.totalCount(), totalCountIsExact: await result.totalCountIsExact() };
}

it('answers 300 random searches, first and second pages, exactly as the SQL does', async () => {
  const index = await createListingSync(db.prisma).current();
  const random = seededRandom(18);
  let beyondCap = 0;
  let narrow = 0;
  for (let i = 0; i < 300; i++) {
    const search = randomSearch(random);
    // Sometimes the rarer filters too, so every clause of the WHERE is compared.
    const extra = [
      {},
      { countries: ['US', 'CA'] },
      { minContiguousMw: 150 },
      { minContiguousMw: 120, availableBy: '2025-09-30' },
      { near: { latitude: 40.5, longitude: -77.5, radiusKm: 250 } },
      { minRedundancy: 'N_PLUS_1', maxLatencyMs: 30, minRenewableSharePct: 40, termMonths: 36 },
      { kinds: ['COLOCATION', 'POWERED_SHELL'], coolingTypes: ['AIR', 'WATER'], regions: ['Texas', 'Iowa'] },
    ][i % 7];
    const filter = ZCapacitySearchFilter.parse({ ...search.filter, ...extra });
    const first = 1 + (i % 25);
    const sql = await bySql({ first }, search.sort, filter);
    const memory = await byIndex(index, { first }, search.sort, filter);
    expect({ i, search, extra, ...memory }).toEqual({ i, search, extra, ...sql });
    if (!sql.totalCountIsExact) beyondCap += 1;
    if (sql.totalCount < first) narrow += 1;
    const after = sql.edges.at(-1)?.cursor;
    if (after) expect(await byIndex(index, { first, after }, search.sort, filter)).toEqual(await bySql({ first, after }, search.sort, filter));
  }
  // The sample reaches both regimes of the index (every match in hand, or more than the cap).
  expect(beyondCap).toBeGreaterThan(20);
  expect(narrow).toBeGreaterThan(20);
}, 120_000);

describe('consistency with the table', () => {
  const cheapest = { first: 1 };
  const ercot = () => ZCapacitySearchFilter.parse({ gridOperators: ['ERCOT'] });

  it('sees a write made by any path (here plain SQL, announced to nobody) at the next search', async () => {
    const sync = createListingSync(db.prisma);
    const before = await byIndex(await sync.current(), cheapest, 'PRICE_ASC', ercot());
    const blockId = before.edges[0]!.node.id;
    await db.prisma.$executeRaw`UPDATE "CapacityBlock" SET "priceCentsPerKwMonth" = 100 WHERE "id" = ${blockId}::uuid`;
    const site = await db.prisma.capacityBlock.findUniqueOrThrow({ where: { id: blockId }, select: { siteId: true } });
    const after = await byIndex(await sync.current(), cheapest, 'PRICE_ASC', ercot());
    expect(after.edges[0]!.node).toMatchObject({ id: blockId, priceUsdPerKwMonth: 1 });
    // The site unverified: its rows leave the listing, and the index.
    await db.prisma.site.update({ where: { id: site.siteId }, data: { verification: 'PENDING' } });
    const gone = await byIndex(await sync.current(), cheapest, 'PRICE_ASC', ercot());
    expect(gone.edges[0]!.node.id).not.toBe(blockId);
    expect(gone).toEqual(await bySql(cheapest, 'PRICE_ASC', ercot()));
    await db.prisma.site.update({ where: { id: site.siteId }, data: { verification: 'VERIFIED' } });
  });

  // Two transactions at once: PostgreSQL only (PGlite's one connection waits for the open one to end).
  (onPostgres ? it : it.skip)('sees a transaction that began before a check and committed after it', async () => {
    const sync = createListingSync(db.prisma);
    const before = await byIndex(await sync.current(), cheapest, 'MW_DESC', ercot());
    const blockId = before.edges[0]!.node.id;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let written = () => {};
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const slow = db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "CapacityBlock" SET "mw" = 0.5, "firmMw" = 0.5, "interruptibleMw" = 0 WHERE "id" = ${blockId}::uuid`;
      written();
      await held;
    });
    await wrote;
    // A quicker transaction commits meanwhile, and a check runs while the slow one is still open.
    const other = await db.prisma.capacityBlock.findFirstOrThrow({ where: { status: 'PUBLISHED', id: { not: blockId } } });
    await db.prisma.capacityBlock.update({ where: { id: other.id }, data: { priceCentsPerKwMonth: other.priceCentsPerKwMonth + 1 } });
    expect((await byIndex(await sync.current(), cheapest, 'MW_DESC', ercot())).edges[0]!.node.id).toBe(blockId);
    release();
    await slow;
    const after = await byIndex(await sync.current(), cheapest, 'MW_DESC', ercot());
    expect(after.edges[0]!.node.id).not.toBe(blockId);
    expect(after).toEqual(await bySql(cheapest, 'MW_DESC', ercot()));
  });

  it('reloads everything after rebuild_marketplace_listing()', async () => {
    const sync = createListingSync(db.prisma);
    await sync.current();
    await db.prisma.$executeRawUnsafe('ALTER TABLE "CapacityBlock" DISABLE TRIGGER USER');
    await db.prisma.$executeRawUnsafe(`UPDATE "CapacityBlock" SET "priceCentsPerKwMonth" = "priceCentsPerKwMonth" + 7 WHERE "status" = 'PUBLISHED'`);
    await db.prisma.$executeRawUnsafe('ALTER TABLE "CapacityBlock" ENABLE TRIGGER USER');
    await db.prisma.$queryRawUnsafe('SELECT rebuild_marketplace_listing()');
    const filter = ZCapacitySearchFilter.parse({});
    expect(await byIndex(await sync.current(), { first: 30 }, 'PRICE_ASC', filter)).toEqual(await bySql({ first: 30 }, 'PRICE_ASC', filter));
  });
});
