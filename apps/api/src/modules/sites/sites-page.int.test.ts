// The sites page as one SQL statement (sites-page.ts) answers exactly what Prisma's findMany with siteWhere
// and pageQuery answered, mapped by toSiteNode: the same nodes, field for field, in the same order, over
// hundreds of random filters and page sizes, two pages each by cursor; ties in createdAt, null ratings,
// archived sites and another organisation's sites included. And a cursor of another organisation's site
// pages nothing.
import { type AppTx, mulberry32, scopedWhere, withOrg } from '@gridshare/db';
import { type TestDatabase, createTestDatabase } from '@gridshare/db/testing';
import { type TPageArgs, encodeCursor, pageQuery } from '../../graphql/pagination';
import { toSiteNode } from './sites.mappers';
import type { TSiteFilter } from './sites.schemas';
import { siteWhere } from './sites.service';
import { readSitesPage } from './sites-page';

const COUNTRIES = ['US', 'CA', 'PY', 'NO'];
const REGIONS = ['Texas', 'Québec', 'Alto Paraná', 'Finnmark', 'Ohio'];
const OPERATORS = ['ERCOT', 'PJM', 'HYDRO_QUEBEC', 'ANDE', 'NORDPOOL'];
const random = mulberry32(20261203);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const maybe = <T>(value: T) => (random() < 0.3 ? null : value);
const mw = (max: number) => Math.round(random() * max * 1000) / 1000;

let db: TestDatabase;
let own: string;
let other: string;
let otherSiteId: string;

async function seedSites(orgId: string, count: number) {
  // 12 distinct creation instants over `count` sites: many ties, which the id breaks.
  const instants = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i, 12, 0, 0, i * 7)));
  await db.prisma.site.createMany({
    data: Array.from({ length: count }, () => ({
      orgId,
      name: `Site ${random().toString(36).slice(2, 8)}`,
      country: pick(COUNTRIES),
      region: pick(REGIONS),
      gridOperator: pick(OPERATORS),
      latitude: random() * 180 - 90,
      longitude: random() * 360 - 180,
      energizedMw: mw(300),
      underConstructionMw: mw(100),
      pipelineMw: mw(500),
      interconnectionStatus: pick(['NONE', 'APPLIED', 'IN_STUDY', 'APPROVED', 'ENERGIZED'] as const),
      substationOnSite: random() < 0.5,
      substationMva: maybe(Math.round(random() * 50_000) / 100),
      transformerMva: maybe(Math.round(random() * 50_000) / 100),
      landAcres: Math.round(random() * 100_000) / 100,
      waterAvailable: random() < 0.5,
      waterSupplyM3PerDay: maybe(Math.floor(random() * 5000)),
      backupPowerMw: maybe(mw(50)),
      floorLoadingKgPerM2: maybe(Math.floor(random() * 3000)),
      coolingType: pick(['AIR', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP'] as const),
      darkFiber: random() < 0.5,
      carriers: random() < 0.3 ? [] : ['Zayo', 'Lumen'].slice(0, 1 + Math.floor(random() * 2)),
      nearestHub: maybe(pick(['Dallas', 'Montréal', 'Oslo'])),
      latencyToHubMs: maybe(Math.round(random() * 9999) / 100),
      redundancy: pick(['N', 'N_PLUS_1', 'TWO_N'] as const),
      maxRackDensityKw: 10 + Math.floor(random() * 120),
      pue: 1 + Math.round(random() * 600) / 1000,
      energyPriceCentsPerMwh: Math.floor(random() * 12_000),
      renewableSharePct: Math.floor(random() * 101),
      permitStatus: pick(['NONE', 'IN_PROGRESS', 'GRANTED'] as const),
      skilledStaffCount: Math.floor(random() * 40),
      liveDate: maybe(new Date(Date.UTC(2026, Math.floor(random() * 24), 1))),
      constructionLiveDate: maybe(new Date(Date.UTC(2027, Math.floor(random() * 12), 15))),
      miningMw: mw(100),
      readinessScore: maybe(Math.round(random() * 10_000) / 100),
      status: random() < 0.2 ? ('ARCHIVED' as const) : ('ACTIVE' as const),
      archivedAt: null,
      createdAt: pick(instants),
    })),
  });
}

beforeAll(async () => {
  db = await createTestDatabase({ poolMax: 2 });
  const orgs = await Promise.all(['Pages', 'Elsewhere'].map((name) => db.prisma.organization.create({ data: { name, kind: 'MINER' } })));
  [own, other] = orgs.map((org) => org.id) as [string, string];
  await seedSites(own, 400);
  await seedSites(other, 50);
  otherSiteId = (await db.prisma.site.findFirstOrThrow({ where: { orgId: other } })).id;
}, 60_000);
afterAll(() => db.close());

function randomFilter(): TSiteFilter | null {
  if (random() < 0.15) return null;
  const some = <T>(list: readonly T[]) => (random() < 0.4 ? list.filter(() => random() < 0.4) : undefined);
  // Bounds as people type them (3 decimals) and as a client computes them (a float's full digits).
  const bound = (max: number) => (random() < 0.5 ? mw(max) : random() * max);
  const low = random() < 0.4 ? bound(200) : undefined;
  return {
    status: random() < 0.2 ? pick(['ACTIVE', 'ARCHIVED'] as const) : undefined,
    countries: some(COUNTRIES),
    regions: some(REGIONS),
    gridOperators: some(OPERATORS),
    minEnergizedMw: low,
    maxEnergizedMw: random() < 0.3 ? (low ?? 0) + bound(200) : undefined,
  };
}

const scope = <T>(orgId: string, fn: (tx: AppTx) => Promise<T>) => withOrg(db.prisma, { orgId }, fn);
const byPrisma = (orgId: string, page: TPageArgs, filter: TSiteFilter | null) =>
  scope(orgId, async (tx) => (await tx.site.findMany({ where: scopedWhere({ orgId }, siteWhere(filter)), ...pageQuery(page) })).map(toSiteNode));
const bySql = (orgId: string, page: TPageArgs, filter: TSiteFilter | null) => scope(orgId, (tx) => readSitesPage(tx, orgId, page, filter));

it('answers 300 random filters exactly as findMany did, two pages each', async () => {
  let compared = 0;
  for (let i = 0; i < 300; i++) {
    const filter = randomFilter();
    const first = 1 + Math.floor(random() * 60);
    let page: TPageArgs = { first };
    for (let step = 0; step < 2; step++) {
      const [expected, actual] = await Promise.all([byPrisma(own, page, filter), bySql(own, page, filter)]);
      expect(actual).toEqual(expected);
      compared += actual.length;
      const last = expected[first - 1];
      if (!last || expected.length <= first) break;
      page = { first, after: encodeCursor(last.id) };
    }
  }
  // The filters were not all empty-handed.
  expect(compared).toBeGreaterThan(3_000);
});

it("pages nothing after a cursor of another organisation's site, as findMany did", async () => {
  const page = { first: 10, after: encodeCursor(otherSiteId) };
  expect(await bySql(own, page, null)).toEqual([]);
  expect(await byPrisma(own, page, null)).toEqual([]);
});

it('keeps every digit of a bound, as findMany did (a site at 123.456 MW is not at least 123.45600000000002)', async () => {
  const site = await db.prisma.site.findFirstOrThrow({ where: { orgId: own, status: 'ACTIVE', energizedMw: { gt: 1 } } });
  const mw = site.energizedMw.toNumber();
  const filter = { minEnergizedMw: mw * (1 + Number.EPSILON) };
  expect(filter.minEnergizedMw).toBeGreaterThan(mw);
  const page = { first: 100 };
  const nodes = await bySql(own, page, filter);
  expect(nodes.map((node) => node.id)).not.toContain(site.id);
  expect(nodes).toEqual(await byPrisma(own, page, filter));
});
