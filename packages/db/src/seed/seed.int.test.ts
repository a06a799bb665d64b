// The demo seed on a throw-away in-memory database: a realistic spread of sites, blocks and requests that
// agree with their sites, a second run that changes nothing, and demo credentials that work.
import { type AppPrisma, type Database, createDatabase } from '../client';
import { sha256, verifyPassword } from '../credentials';
import { applyMigrations } from '../migrate/migrate';
import {
  DEMO_API_KEY_SCOPES,
  DEMO_API_KEY_SECRET,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  PLATFORM_ORG_ID,
  SEED_TABLES,
  type SeedSummary,
  type SeedTable,
  hasDemoData,
  seedDemo,
} from './seed';

jest.setTimeout(120_000);

const GRID_OPERATORS = ['ERCOT', 'PJM', 'MISO', 'SPP', 'HYDRO_QUEBEC', 'NORDPOOL', 'ANDE', 'EEP', 'LANDSNET'];
const US_REGIONS = ['Texas', 'Pennsylvania', 'Ohio', 'Virginia', 'Oklahoma', 'Kansas'];
const COUNTRIES = ['US', 'CA', 'NO', 'SE', 'FI', 'IS', 'PY', 'ET'];
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The client refuses a bulk read without a where; these select every row.
const EVERY_SITE = { status: { in: ['ACTIVE' as const, 'ARCHIVED' as const] } };
const EVERY_BLOCK = { mw: { gte: 0 } };
const EVERY_REQUEST = { totalMw: { gte: 0 } };
const EVERY_USER = { email: { contains: '@' } };

let db: Database;
let prisma: AppPrisma;
let first: SeedSummary;

async function rowCounts(): Promise<Record<SeedTable, number>> {
  return {
    organizations: await prisma.organization.count(),
    users: await prisma.user.count(),
    memberships: await prisma.membership.count(),
    apiKeys: await prisma.apiKey.count(),
    sites: await prisma.site.count(),
    capacityBlocks: await prisma.capacityBlock.count(),
    colocationRequests: await prisma.colocationRequest.count(),
    hashpriceIndexDays: await prisma.hashpriceIndexDay.count(),
    hostingOffers: await prisma.hostingOffer.count(),
    hostingRequests: await prisma.hostingRequest.count(),
  };
}

const sitesById = () => prisma.site.findMany({ where: EVERY_SITE, orderBy: { id: 'asc' } });
const passwordHashes = () =>
  prisma.user.findMany({ where: EVERY_USER, select: { id: true, passwordHash: true }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  db = createDatabase({ dataDir: 'memory://' });
  prisma = db.prisma;
  await applyMigrations(db.migrationTarget());
  expect(await hasDemoData(prisma)).toBe(false);
  first = await seedDemo(prisma);
});

afterAll(async () => {
  await db?.close();
});

describe('seedDemo', () => {
  it('writes every demo row it reports, and hasDemoData sees them', async () => {
    expect(await hasDemoData(prisma)).toBe(true);
    expect(await rowCounts()).toEqual(first.counts);
    for (const table of SEED_TABLES) expect(first.changes[table]).toEqual({ created: first.counts[table], updated: 0 });
    const platform = await prisma.organization.findUniqueOrThrow({ where: { id: PLATFORM_ORG_ID } });
    expect(platform.kind).toBe('PLATFORM');
  });

  it('uses deterministic version-5-style ids', async () => {
    const sites = await sitesById();
    for (const site of sites) expect(site.id).toMatch(UUID_V5);
    expect(PLATFORM_ORG_ID).toMatch(UUID_V5);
  });

  it('lists at least 40 sites across every grid region', async () => {
    const sites = await sitesById();
    expect(sites.length).toBeGreaterThanOrEqual(40);
    const present = (values: string[]) => [...new Set(values)].sort();
    expect(present(sites.map((site) => site.gridOperator))).toEqual(expect.arrayContaining(GRID_OPERATORS));
    expect(present(sites.map((site) => site.region))).toEqual(expect.arrayContaining([...US_REGIONS, 'Québec']));
    expect(present(sites.map((site) => site.country))).toEqual(expect.arrayContaining(COUNTRIES));
    const minerIds = new Set(
      (await prisma.organization.findMany({ where: { kind: 'MINER' }, select: { id: true } })).map((org) => org.id),
    );
    for (const site of sites) expect(minerIds.has(site.orgId)).toBe(true);
  });

  it('spreads sites from mining-only to AI-ready within realistic ranges', async () => {
    const sites = await sitesById();
    const energized = sites.map((site) => site.energizedMw.toNumber());
    expect(Math.min(...energized)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...energized)).toBeLessThanOrEqual(600);
    const densities = sites.map((site) => site.maxRackDensityKw);
    expect(Math.min(...densities)).toBe(15);
    expect(Math.max(...densities)).toBe(150);
    expect(new Set(sites.map((site) => site.coolingType))).toEqual(new Set(['AIR', 'IMMERSION', 'WATER', 'DIRECT_TO_CHIP']));
    expect(new Set(sites.map((site) => site.redundancy))).toEqual(new Set(['N', 'N_PLUS_1', 'TWO_N']));
    for (const site of sites) {
      expect(site.miningMw.toNumber()).toBeLessThanOrEqual(site.energizedMw.toNumber());
      expect(site.pue.toNumber()).toBeGreaterThanOrEqual(1.05);
      expect(site.pue.toNumber()).toBeLessThanOrEqual(1.6);
      expect(site.energyPriceCentsPerMwh).toBeGreaterThanOrEqual(2500);
      expect(site.energyPriceCentsPerMwh).toBeLessThanOrEqual(7000);
      expect(site.latencyToHubMs?.toNumber()).toBeGreaterThanOrEqual(2);
      expect(site.latencyToHubMs?.toNumber()).toBeLessThanOrEqual(60);
      expect(site.carriers.length).toBeLessThanOrEqual(4);
      expect(site.liveDate?.getUTCFullYear()).toBeGreaterThanOrEqual(2024);
      expect(site.liveDate?.getUTCFullYear()).toBeLessThanOrEqual(2028);
      expect(site.substationOnSite).toBe((site.substationMva?.toNumber() ?? 0) > 0);
    }
  });

  it('includes the AI-ready flagship', async () => {
    const flagship = await prisma.site.findFirstOrThrow({ where: { name: 'Milam Ridge Campus' } });
    expect(flagship).toMatchObject({
      substationOnSite: true,
      darkFiber: true,
      waterAvailable: true,
      redundancy: 'N_PLUS_1',
      maxRackDensityKw: 132,
      coolingType: 'DIRECT_TO_CHIP',
    });
    expect(flagship.energizedMw.toNumber()).toBe(200);
  });

  it('keeps every capacity block within its site', async () => {
    const sites = new Map((await sitesById()).map((site) => [site.id, site]));
    const blocks = await prisma.capacityBlock.findMany({ where: EVERY_BLOCK });
    const soldPerSite = new Map<string, number>();
    for (const block of blocks) {
      const site = sites.get(block.siteId);
      if (!site) throw new Error(`block ${block.id} has no site`);
      const capacity = site.energizedMw.toNumber() + site.underConstructionMw.toNumber();
      expect(block.mw.toNumber()).toBeLessThanOrEqual(capacity);
      expect(block.firmMw.toNumber() + block.interruptibleMw.toNumber()).toBe(block.mw.toNumber());
      expect(block.orgId).toBe(site.orgId);
      expect(block.priceCentsPerKwMonth).toBeGreaterThanOrEqual(9000);
      expect(block.priceCentsPerKwMonth).toBeLessThanOrEqual(22000);
      expect(block.minTermMonths).toBeGreaterThanOrEqual(12);
      expect(block.minTermMonths).toBeLessThanOrEqual(144);
      soldPerSite.set(site.id, (soldPerSite.get(site.id) ?? 0) + block.mw.toNumber());
    }
    for (const [id, sold] of soldPerSite) {
      const site = sites.get(id);
      expect(sold).toBeLessThanOrEqual((site?.energizedMw.toNumber() ?? 0) + (site?.underConstructionMw.toNumber() ?? 0));
    }
    // About half of the sites offer capacity, mostly published.
    expect(soldPerSite.size).toBeGreaterThanOrEqual(Math.floor(sites.size * 0.4));
    expect(blocks.filter((block) => block.status === 'PUBLISHED').length).toBeGreaterThan(blocks.length / 2);
  });

  it('gives every request phases that sum to its total, from tenants', async () => {
    const requests = await prisma.colocationRequest.findMany({ where: EVERY_REQUEST, include: { org: true } });
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const request of requests) {
      const phases = request.phases as Array<{ mw: number; neededBy: string }>;
      expect(phases.reduce((sum, phase) => sum + phase.mw, 0)).toBe(request.totalMw.toNumber());
      expect(request.neededBy.toISOString().slice(0, 10)).toBe(phases[0]?.neededBy);
      expect(request.minContiguousMw.toNumber()).toBeLessThanOrEqual(request.totalMw.toNumber());
      expect(request.org.kind).toBe('TENANT');
    }
  });

  it('lets the demo logins sign in with the demo password', async () => {
    for (const login of DEMO_LOGINS) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: login.email },
        include: { memberships: { include: { org: true } } },
      });
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
      const roles = user.memberships.map((membership) => [membership.role, membership.org.name, membership.org.kind]);
      expect(roles).toContainEqual([login.role, login.orgName, login.orgKind]);
    }
    const kinds = DEMO_LOGINS.map((login) => login.orgKind);
    expect(kinds).toEqual(expect.arrayContaining(['MINER', 'TENANT', 'PARTNER', 'PLATFORM']));
    expect(DEMO_LOGINS.map((login) => login.role)).toContain('VIEWER');
  });

  it('stores only the hash of the partner demo API key', async () => {
    const key = await prisma.apiKey.findUniqueOrThrow({
      where: { keyHash: sha256(DEMO_API_KEY_SECRET) },
      include: { org: true },
    });
    expect(key.org.kind).toBe('PARTNER');
    expect(key.scopes).toEqual(DEMO_API_KEY_SCOPES);
    expect(key.revokedAt).toBeNull();
    expect(DEMO_API_KEY_SECRET.startsWith(key.prefix)).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const countsBefore = await rowCounts();
    const sitesBefore = await sitesById();
    const hashesBefore = await passwordHashes();

    const second = await seedDemo(prisma);

    expect(await rowCounts()).toEqual(countsBefore);
    expect(await sitesById()).toEqual(sitesBefore);
    expect(await passwordHashes()).toEqual(hashesBefore);
    for (const table of SEED_TABLES) expect(second.changes[table]).toEqual({ created: 0, updated: 0 });
  });

  it('ships the demo hashprice index from 2025-12-01 through 2026-12-31, and keeps a day someone uploaded since', async () => {
    const days = await prisma.hashpriceIndexDay.findMany({ where: { day: { gte: new Date('2009-01-03') } }, orderBy: { day: 'asc' } });
    expect(days).toHaveLength(396);
    expect([days[0]!.day.toISOString(), days.at(-1)!.day.toISOString()]).toEqual(['2025-12-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z']);
    expect(days.every((day) => day.updatedByOrgId === PLATFORM_ORG_ID)).toBe(true);
    const uploaded = days[10]!.day;
    await prisma.hashpriceIndexDay.update({ where: { day: uploaded }, data: { usdPerPhDay: 47.5, source: 'A real index' } });
    await prisma.hashpriceIndexDay.delete({ where: { day: days[11]!.day } });

    const again = await seedDemo(prisma);

    expect(again.changes.hashpriceIndexDays).toEqual({ created: 1, updated: 0 });
    expect(await prisma.hashpriceIndexDay.findUniqueOrThrow({ where: { day: uploaded } })).toMatchObject({ source: 'A real index' });
    expect((await prisma.hashpriceIndexDay.findUniqueOrThrow({ where: { day: uploaded } })).usdPerPhDay.toNumber()).toBe(47.5);
  });

  it('puts drifted demo rows back without touching the others', async () => {
    const site = await prisma.site.findFirstOrThrow({ where: { name: 'Pecos Flats' } });
    await prisma.site.update({ where: { id: site.id }, data: { name: 'Renamed in the portal', status: 'ARCHIVED' } });

    const again = await seedDemo(prisma);

    expect(again.changes.sites).toEqual({ created: 0, updated: 1 });
    const restored = await prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    expect(restored).toMatchObject({ name: 'Pecos Flats', status: 'ACTIVE' });
  });
});

describe('the demo hosting market', () => {
  it('stores each fleet as packages/hosting resolves it, and every offer on its own organisation\'s site', async () => {
    const { resolveFleet } = await import('@gridshare/hosting');
    for (const request of await prisma.hostingRequest.findMany({ where: { fleetMw: { gte: 0 } } })) {
      const fleet = resolveFleet(request.fleet as never);
      expect(request.fleetMw.toNumber()).toBeCloseTo(fleet.mw, 3);
      expect(request.fleetJPerTh.toNumber()).toBeCloseTo(fleet.jPerTh, 3);
    }
    const offers = await prisma.hostingOffer.findMany({ where: { mw: { gte: 0 } }, include: { site: true } });
    for (const offer of offers) {
      expect(offer.site.orgId).toBe(offer.orgId);
      expect(offer.mw.toNumber()).toBeLessThanOrEqual(offer.site.energizedMw.toNumber());
    }
    // One offer is an AI campus's idle power. (Counted here: PGlite's adapter refuses `has` on an enum array.)
    expect(offers.filter((o) => o.preemptors.includes('AI_LOAD') && o.aiLoad !== null)).toHaveLength(1);
  });
});
