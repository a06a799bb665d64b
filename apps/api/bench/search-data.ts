// Bench data for the capacity search: 100,000 verified sites over 1,000 hosts with 1-3 published blocks
// each, generated inside PostgreSQL in a few statements (not the demo seed). Values are spread
// deterministically (hashes of the row number), so every run searches the same market.
import type { AppPrisma } from '@gridshare/db';

export const BENCH_SITES = Number(process.env.BENCH_SITES ?? 100_000);

// country, region, grid operator, latitude, longitude
const REGIONS = [
  ['US', 'Texas', 'ERCOT', 31.5, -99.5],
  ['US', 'Pennsylvania', 'PJM', 40.5, -77.5],
  ['US', 'Virginia', 'PJM', 37.5, -78.5],
  ['US', 'Iowa', 'MISO', 42.0, -93.5],
  ['US', 'Oklahoma', 'SPP', 35.5, -97.5],
  ['CA', 'Québec', 'HYDRO_QUEBEC', 47.0, -72.0],
  ['NO', 'Vestland', 'NORDPOOL', 60.8, 6.5],
  ['SE', 'Norrbotten', 'NORDPOOL', 66.0, 21.0],
  ['PY', 'Alto Paraná', 'ANDE', -25.5, -54.7],
  ['ET', 'Oromia', 'EEP', 8.5, 39.5],
] as const;

/** A deterministic number in [0, 1) from the row number and a salt. */
const rand = (salt: string) => `(('x' || substr(md5(g::text || '${salt}'), 1, 8))::bit(32)::bigint & 2147483647)::float8 / 2147483648`;

export async function generateSearchBenchData(prisma: AppPrisma, sites = BENCH_SITES): Promise<{ sites: number; blocks: number }> {
  const HOSTS = Math.max(1, Math.round(sites / 100));
  const regions = REGIONS.map(([c, r, g, lat, lon]) => `('${c}', '${r.replace(/'/g, "''")}', '${g}', ${lat}, ${lon})`).join(', ');
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Organization" ("id", "name", "kind", "status", "verification", "updatedAt")
    SELECT md5('bench-host-' || g)::uuid, 'Bench host ' || g, 'MINER', 'ACTIVE', 'VERIFIED', now()
      FROM generate_series(1, ${HOSTS}) g`);
  await prisma.$executeRawUnsafe(`
    WITH regions(country, region, grid, lat, lon) AS (VALUES ${regions}),
         numbered AS (SELECT row_number() OVER () - 1 AS i, * FROM regions)
    INSERT INTO "Site" ("id", "orgId", "name", "country", "region", "gridOperator", "latitude", "longitude",
      "energizedMw", "interconnectionStatus", "coolingType", "redundancy", "maxRackDensityKw", "pue",
      "energyPriceCentsPerMwh", "renewableSharePct", "latencyToHubMs", "darkFiber", "liveDate",
      "verification", "readinessScore", "updatedAt")
    SELECT md5('bench-site-' || g)::uuid, md5('bench-host-' || (g % ${HOSTS} + 1))::uuid, 'Bench site ' || g,
      n.country, n.region, n.grid, n.lat + (${rand('lat')} - 0.5) * 4, n.lon + (${rand('lon')} - 0.5) * 4,
      round((20 + ${rand('mw')} * 580)::numeric, 1), 'ENERGIZED',
      (ARRAY['AIR','WATER','IMMERSION','DIRECT_TO_CHIP'])[1 + floor(${rand('cool')} * 4)::int]::"CoolingType",
      (ARRAY['N','N_PLUS_1','TWO_N'])[1 + floor(${rand('red')} * 3)::int]::"Redundancy",
      15 + floor(${rand('kw')} * 136)::int, round((1.05 + ${rand('pue')} * 0.5)::numeric, 3),
      2500 + floor(${rand('price')} * 4500)::int, floor(${rand('ren')} * 101)::int,
      round((2 + ${rand('lat-ms')} * 58)::numeric, 1), ${rand('fiber')} < 0.6,
      date '2024-01-01' + floor(${rand('live')} * 1000)::int, 'VERIFIED', round((${rand('ready')} * 100)::numeric, 2), now()
      FROM generate_series(1, ${sites}) g
      JOIN numbered n ON n.i = g % ${REGIONS.length}`);
  // Blocks 1-3 per site, each a share of the site's MW, starting on or after the site's live date. The
  // listing triggers are off for the bulk insert and the listing is rebuilt once after it.
  await prisma.$executeRawUnsafe('ALTER TABLE "CapacityBlock" DISABLE TRIGGER USER');
  await prisma.$executeRawUnsafe(`
    INSERT INTO "CapacityBlock" ("id", "orgId", "siteId", "kind", "mw", "firmMw", "interruptibleMw", "availableFrom",
      "priceCentsPerKwMonth", "minTermMonths", "status", "publishedAt", "updatedAt")
    SELECT md5(s."id"::text || '-' || k)::uuid, s."orgId", s."id",
      (ARRAY['POWERED_SHELL','COLOCATION','BUILD_TO_SUIT','MINING_HOSTING'])[1 + (s.g + k) % 4]::"CapacityKind",
      round(s."energizedMw" / 3, 1), round(s."energizedMw" / 3 * 0.8, 1), round(s."energizedMw" / 3, 1) - round(s."energizedMw" / 3 * 0.8, 1),
      s."liveDate" + k * 90, 9000 + ((s.g::bigint * 7919 + k * 104729) % 13000)::int, 12 * (1 + (s.g + k) % 10), 'PUBLISHED', now(), now()
      FROM (SELECT *, ('x' || substr(md5("id"::text), 1, 6))::bit(24)::int AS g FROM "Site" WHERE "name" LIKE 'Bench site %') s
      CROSS JOIN generate_series(0, 2) k
     WHERE k <= s.g % 3`);
  await prisma.$executeRawUnsafe('ALTER TABLE "CapacityBlock" ENABLE TRIGGER USER');
  await prisma.$queryRawUnsafe('SELECT rebuild_marketplace_listing()');
  // VACUUM as autovacuum would after a bulk load: statistics for the planner, and the visibility map that
  // lets index-only scans (runMatching's exclusion counts) skip the heap.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Organization", "Site", "CapacityBlock", "MarketplaceListing"');
  const [counts] = await prisma.$queryRawUnsafe<{ sites: bigint; blocks: bigint }[]>(
    `SELECT (SELECT count(*) FROM "Site") AS sites, (SELECT count(*) FROM "CapacityBlock") AS blocks`,
  );
  return { sites: Number(counts!.sites), blocks: Number(counts!.blocks) };
}

/**
 * One LISTED hosting offer on every second bench site (50,000 at the default size): all-in or pass-through,
 * firm or interruptible, over the same deterministic spread as the sites. Call after generateSearchBenchData.
 */
export async function generateHostingBenchData(prisma: AppPrisma): Promise<number> {
  await prisma.$executeRawUnsafe(`
    INSERT INTO "HostingOffer" ("id", "orgId", "siteId", "mw", "availableFrom", "pricingKind", "rateCentsPerMwh", "feeCentsPerKwMonth",
      "interruptibility", "noticeSeconds", "maxCurtailedHoursPerMonth", "preemptors", "uptimeCommitmentPct", "maxJPerTh", "coolings",
      "service", "depositMonths", "minTermMonths", "status", "listedAt", "updatedAt")
    -- Offers go on sites with an even g, so spreads use g / 2 where parity would correlate with them.
    SELECT md5(s."id"::text || '-hosting')::uuid, s."orgId", s."id", round(s."energizedMw" / 4, 1), s."liveDate",
      CASE WHEN s.g % 5 = 0 THEN 'PASS_THROUGH' ELSE 'ALL_IN' END::"HostingPricingKind",
      CASE WHEN s.g % 5 = 0 THEN NULL ELSE 4500 + s.g % 4500 END,
      CASE WHEN s.g % 5 = 0 THEN 500 + s.g % 700 ELSE NULL END,
      CASE WHEN s.g % 3 = 0 THEN 'INTERRUPTIBLE' ELSE 'FIRM' END::"HostingInterruptibility",
      CASE WHEN s.g % 3 = 0 THEN 10 + s.g % 600 ELSE 0 END, CASE WHEN s.g % 3 = 0 THEN 10 + s.g % 300 ELSE 0 END,
      CASE WHEN s.g % 3 = 0 THEN ARRAY['GRID']::"HostingPreemptor"[] ELSE ARRAY[]::"HostingPreemptor"[] END,
      95 + s.g % 6, CASE WHEN s.g % 4 = 0 THEN 16 + s.g % 6 ELSE NULL END,
      CASE (s.g / 2) % 4 WHEN 0 THEN ARRAY['AIR'] WHEN 1 THEN ARRAY['AIR','IMMERSION'] WHEN 2 THEN ARRAY['HYDRO'] ELSE ARRAY['IMMERSION'] END::"HostingCooling"[],
      CASE WHEN s.g % 7 = 0 THEN 'RACK_SPACE' ELSE 'FULL_HOSTING' END::"HostingService", s.g % 4, 6 + s.g % 30, 'LISTED', now(), now()
      FROM (SELECT *, ('x' || substr(md5("id"::text), 1, 6))::bit(24)::int AS g FROM "Site" WHERE "name" LIKE 'Bench site %') s
     WHERE s.g % 2 = 0`);
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "HostingOffer"');
  const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "HostingOffer" WHERE "status" = 'LISTED'`);
  return Number(row!.n);
}
