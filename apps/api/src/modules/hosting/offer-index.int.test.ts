// The in-memory hosting offers answer exactly what the SQL answers (search pages, cursors and counts;
// matching candidates) for hundreds of random filters, see every commit before a read (in this process
// and in a second API process), and keep the market's privacy and tenancy rules.
import { Prisma } from '@gridshare/db';
import { type TestDatabase, createTestDatabase, onPostgres } from '@gridshare/db/testing';
import { generateHostingBenchData, generateSearchBenchData } from '../../../bench/search-data';
import { loadConfig } from '../../config';
import type { TPageArgs } from '../../graphql/pagination';
import { CACHE_STATUS_HEADER } from '../../graphql/response-cache';
import { createLogger } from '../../logger';
import { buildServer } from '../../server';
import { type OrgFixture, createSite, mutate, signUpOrg } from '../../testing/fixtures';
import { listHostingOffer, openHostingRequest } from '../../testing/hosting-fixtures';
import { seededRandom } from '../../testing/search-filters';
import { type TestApi, TEST_ENV, startTestApi } from '../../testing/test-api';
import { ZHostingOfferSearch, type THostingOfferSearch } from './hosting.schemas';
import { candidateOffers, countOffers, decodeOfferCursor, encodeOfferCursor, searchOffers, toFoundOffer } from './market.service';
import { toOfferView } from './hosting.mappers';
import type { HostingOfferIndex } from './offer-index';
import { createOfferSync } from './offer-sync';

describe('the index against the SQL', () => {
  let db: TestDatabase;
  let regions: string[];
  let orgIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase({ poolMax: 4 });
    // 2,000 sites, ~1,000 listed offers; some pass-through offers may curtail every hour (no effective rate).
    await generateSearchBenchData(db.prisma, 2_000);
    await generateHostingBenchData(db.prisma);
    await db.prisma.$executeRawUnsafe(`UPDATE "HostingOffer" SET "maxCurtailedHoursPerMonth" = 730 WHERE "pricingKind" = 'PASS_THROUGH' AND "minTermMonths" % 3 = 0`);
    regions = (await db.prisma.$queryRawUnsafe<{ region: string }[]>(`SELECT DISTINCT "region" FROM "Site"`)).map((r) => r.region);
    orgIds = (await db.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT DISTINCT "orgId"::text AS id FROM "HostingOffer" LIMIT 20`)).map((r) => r.id);
  }, 180_000);
  afterAll(() => db.close());

  async function bySql(page: TPageArgs, filter: THostingOfferSearch) {
    const { rows, where } = await searchOffers(db.prisma, page, filter);
    return { rows: rows.map(toFoundOffer), count: await countOffers(db.prisma, where) };
  }
  const byIndex = (index: HostingOfferIndex, page: TPageArgs, filter: THostingOfferSearch) => index.search(page.first, filter, page.after ? decodeOfferCursor(page.after) : null);

  function randomFilter(random: () => number): THostingOfferSearch {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const filter: Record<string, unknown> = {};
    if (random() < 0.5) filter.regions = random() < 0.8 ? [pick(regions)] : [pick(regions), pick(regions)];
    if (random() < 0.15) filter.countries = [pick(['US', 'CA', 'NO', 'SE', 'PY', 'ET'])];
    if (random() < 0.5) filter.minMw = Math.round(random() * 1500) / 10;
    if (random() < 0.5) filter.maxRateUsdPerKwh = 0.04 + Math.round(random() * 600) / 10_000;
    if (random() < 0.3) filter.coolings = random() < 0.7 ? [pick(['AIR', 'IMMERSION', 'HYDRO'])] : ['AIR', 'HYDRO'];
    if (random() < 0.2) filter.firmOnly = true;
    if (random() < 0.2) filter.maxCurtailedHoursPerMonth = Math.floor(random() * 300);
    if (random() < 0.3) filter.availableBy = `202${4 + Math.floor(random() * 3)}-0${1 + Math.floor(random() * 9)}-15`;
    return ZHostingOfferSearch.parse(filter);
  }

  it('answers 300 random searches, first and second pages with their counts, exactly as the SQL does', async () => {
    const index = await createOfferSync(db.prisma).current();
    expect(index.size).toBeGreaterThan(900);
    const random = seededRandom(19);
    let empty = 0;
    let paged = 0;
    for (let i = 0; i < 300; i++) {
      const filter = randomFilter(random);
      const first = 1 + (i % 25);
      const sql = await bySql({ first }, filter);
      expect({ i, filter, ...byIndex(index, { first }, filter) }).toEqual({ i, filter, ...sql });
      if (sql.count === 0) empty += 1;
      const last = sql.rows[first - 1];
      if (sql.rows.length > first && last) {
        paged += 1;
        const after = encodeOfferCursor(last);
        expect({ i, filter, ...byIndex(index, { first, after }, filter) }).toEqual({ i, filter, ...(await bySql({ first, after }, filter)) });
      }
    }
    // Both regimes appear: filters nothing passes, and results long enough to page.
    expect(empty).toBeGreaterThan(5);
    expect(paged).toBeGreaterThan(100);
  }, 180_000);

  it('orders offers without an effective rate last among matching candidates, as the SQL does', async () => {
    const index = await createOfferSync(db.prisma).current();
    const random = seededRandom(7);
    for (let i = 0; i < 100; i++) {
      const request = {
        orgId: orgIds[i % orgIds.length]!,
        regions: random() < 0.6 ? [regions[Math.floor(random() * regions.length)]!] : [],
        fleetMw: new Prisma.Decimal((Math.round(random() * 1200) / 10).toFixed(3)),
        startDate: new Date(Date.UTC(2024 + Math.floor(random() * 3), Math.floor(random() * 12), 1)),
        termMonths: 6 + Math.floor(random() * 40),
      };
      // Only these fields are read by either path.
      const asRequest = request as unknown as Parameters<typeof candidateOffers>[1];
      expect({ i, offers: index.candidates(asRequest) }).toEqual({ i, offers: (await candidateOffers(db.prisma, asRequest)).map(toOfferView) });
    }
  }, 120_000);

  describe('consistency with the database', () => {
    const cheapest = ZHostingOfferSearch.parse({});
    const one = { first: 1 };

    it('sees a write made by any path (plain SQL here, announced to nobody) at the next read', async () => {
      const sync = createOfferSync(db.prisma);
      const before = byIndex(await sync.current(), one, cheapest);
      const target = (await db.prisma.$queryRawUnsafe<{ id: string; siteId: string }[]>(`SELECT "id"::text AS id, "siteId"::text AS "siteId" FROM "HostingOffer" WHERE "pricingKind" = 'ALL_IN' ORDER BY "id" DESC LIMIT 1`))[0]!;
      await db.prisma.$executeRaw`UPDATE "HostingOffer" SET "rateCentsPerMwh" = 1 WHERE "id" = ${target.id}::uuid`;
      const after = byIndex(await sync.current(), one, cheapest);
      expect(after.rows[0]!.id).toBe(target.id);
      expect(after).toEqual(await bySql(one, cheapest));
      // Its site unverified: still listed, no longer shown as verified.
      await db.prisma.site.update({ where: { id: target.siteId }, data: { verification: 'PENDING' } });
      expect(byIndex(await sync.current(), one, cheapest).rows[0]!.view.hostVerified).toBe(false);
      // Its organisation suspended: every offer of it leaves the market.
      const { orgId } = await db.prisma.hostingOffer.findUniqueOrThrow({ where: { id: target.id }, select: { orgId: true } });
      await db.prisma.organization.update({ where: { id: orgId }, data: { status: 'SUSPENDED' } });
      const theirs = new Set((await db.prisma.hostingOffer.findMany({ where: { orgId }, select: { id: true } })).map((o) => o.id));
      const gone = byIndex(await sync.current(), { first: 100 }, cheapest);
      expect(gone.rows.some((row) => theirs.has(row.id))).toBe(false);
      expect(gone).toEqual(await bySql({ first: 100 }, cheapest));
      expect(gone.count).toBe(before.count - (await db.prisma.hostingOffer.count({ where: { orgId, status: 'LISTED' } })));
      await db.prisma.organization.update({ where: { id: orgId }, data: { status: 'ACTIVE' } });
      await db.prisma.site.update({ where: { id: target.siteId }, data: { verification: 'VERIFIED' } });
      await db.prisma.$executeRaw`UPDATE "HostingOffer" SET "rateCentsPerMwh" = 5000 WHERE "id" = ${target.id}::uuid`;
      expect(byIndex(await sync.current(), { first: 100 }, cheapest)).toEqual(await bySql({ first: 100 }, cheapest));
    });

    // Two transactions at once: PostgreSQL only (PGlite's one connection waits for the open one to end).
    (onPostgres ? it : it.skip)('sees a transaction that began before a check and committed after it', async () => {
      const sync = createOfferSync(db.prisma);
      const cheapestNow = byIndex(await sync.current(), one, cheapest).rows[0]!.id;
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let written = () => {};
      const wrote = new Promise<void>((resolve) => (written = resolve));
      const slow = db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "HostingOffer" SET "status" = 'WITHDRAWN' WHERE "id" = ${cheapestNow}::uuid`;
        written();
        await held;
      });
      await wrote;
      // A quicker transaction commits meanwhile, and a check runs while the slow one is still open.
      await db.prisma.$executeRawUnsafe(`UPDATE "HostingOffer" SET "depositMonths" = "depositMonths" + 1 WHERE "id" = (SELECT "id" FROM "HostingOffer" WHERE "id" <> '${cheapestNow}' LIMIT 1)`);
      expect(byIndex(await sync.current(), one, cheapest).rows[0]!.id).toBe(cheapestNow);
      release();
      await slow;
      const after = byIndex(await sync.current(), one, cheapest);
      expect(after.rows[0]!.id).not.toBe(cheapestNow);
      expect(after).toEqual(await bySql(one, cheapest));
    });
  });
});

describe('over HTTP', () => {
  let api: TestApi;
  let host: OrgFixture;
  let fleet: OrgFixture;

  beforeAll(async () => {
    api = await startTestApi();
    [host, fleet] = await Promise.all([signUpOrg(api, 'MINER', 'index-host'), signUpOrg(api, 'MINER', 'index-fleet')]);
  });
  afterAll(() => api.close());

  const region = `Index-${Math.random().toString(36).slice(2, 8)}`;
  const SEARCH = `query ($filter: HostingOfferSearchInput) { searchHostingOffers(first: 10, filter: $filter) { totalCount edges { node { id hostLabel region country } } } }`;

  async function listOffer(caller: OrgFixture, rateUsdPerKwh: number, inRegion = region) {
    const site = await createSite(api, caller, { name: `Secret site ${Math.random()}`, region: inRegion });
    return listHostingOffer(api, caller, site.id, { pricing: { kind: 'ALL_IN', rateUsdPerKwh }, interruptibility: { kind: 'FIRM' }, coolings: ['AIR'] });
  }

  it('shows an offer listed through one API process in the next search of a second process', async () => {
    const config = loadConfig({ ...TEST_ENV, RESPONSE_CACHE_TTL_MS: '0' });
    const { app: second } = await buildServer({ config, db: api.db, logger: createLogger('silent') });
    try {
      const secondUrl = await second.listen({ host: '127.0.0.1', port: 0 });
      const search = async () => {
        const response = await fetch(`${secondUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${fleet.token}` },
          body: JSON.stringify({ query: SEARCH, variables: { filter: { regions: [region] } } }),
        });
        return ((await response.json()) as { data: { searchHostingOffers: { totalCount: number; edges: { node: Record<string, unknown> }[] } } }).data.searchHostingOffers;
      };
      expect(await search()).toEqual({ totalCount: 0, edges: [] });
      const offerId = await listOffer(host, 0.061);
      const found = await search();
      expect(found.totalCount).toBe(1);
      // What any organisation sees: an anonymous handle, the region, never the host or the site's name.
      expect(found.edges[0]!.node).toEqual({ id: offerId, hostLabel: expect.any(String), region, country: 'US' });
      expect(JSON.stringify(found)).not.toContain(host.orgId!);
      await mutate(api, host, 'withdrawHostingOffer', `mutation ($id: ID!) { withdrawHostingOffer(id: $id) { id } }`, { id: offerId });
      expect((await search()).totalCount).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('replays a repeated search to any organisation, and forgets it when an offer is listed', async () => {
    const elsewhere = `${region}-replayed`;
    const body = JSON.stringify({ query: SEARCH, variables: { filter: { regions: [elsewhere] } } });
    const ask = async (caller: OrgFixture) => {
      const response = await api.post(body, { authorization: `Bearer ${caller.token}` });
      return { cache: response.headers.get(CACHE_STATUS_HEADER), answer: (await response.json()) as { data: { searchHostingOffers: { totalCount: number } } } };
    };
    await listOffer(host, 0.06, elsewhere);
    const first = await ask(fleet);
    expect(first).toMatchObject({ cache: 'miss', answer: { data: { searchHostingOffers: { totalCount: 1 } } } });
    expect(await ask(host)).toEqual({ cache: 'hit', answer: first.answer });
    await listOffer(host, 0.062, elsewhere);
    expect(await ask(fleet)).toMatchObject({ cache: 'miss', answer: { data: { searchHostingOffers: { totalCount: 2 } } } });
  });

  it('matches a fleet only with other organisations\' offers, and another organisation\'s request is NOT_FOUND', async () => {
    const own = await listOffer(fleet, 0.05);
    const other = await listOffer(host, 0.055);
    const requestId = await openHostingRequest(api, fleet, { title: 'Index fleet', regions: [region] });
    const MATCHES = `query ($id: ID!) { hostingMatches(requestId: $id) { matches { offer { id } } } }`;
    const mine = await api.gql<{ hostingMatches: { matches: { offer: { id: string } }[] } }>(MATCHES, { id: requestId }, fleet);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.hostingMatches.matches.map((m) => m.offer.id)).toEqual([other]);
    expect(mine.data!.hostingMatches.matches.map((m) => m.offer.id)).not.toContain(own);
    const theirs = await api.gql(MATCHES, { id: requestId }, host);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
