// `npm run bench -w @gridshare/worker`: the monthly settlement run and one deal-month end to end, on a
// scratch PostgreSQL database (migrated, demo-seeded, then 1,000 ACTIVE deals with their agreements and a
// month of hourly AI_IT and MINING readings each: 1.44 million readings) and Redis. Prints figures and
// PASS/MISS against the goals of issue #13; never asserts.
//  1. The monthly run: two worker processes (`npm run worker`, SETTLEMENT_CONCURRENCY each) share the jobs
//     the run queues; timed from queueing the run until the 1,000th DRAFT is stored. Goal ≤ 60 s.
//  2. One deal-month from the database: computeDraft (the aggregates, the engine and its forecast, the
//     write), forced, one deal at a time. Goal ≤ 200 ms.
import { randomBytes } from 'node:crypto';
import { computeDraft, loadSettlementDeal, monthToSettle } from '@gridshare/api/background';
import { type AppPrisma, type Prisma, applyMigrations, createDatabase, seedDemo } from '@gridshare/db';
import { adminQuery, withDatabaseName } from '@gridshare/db/testing';
import { agreedRevenueInput, agreedTerms } from '@gridshare/settlement';
import { Queue } from 'bullmq';
import { Processes } from './processes';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DEALS = Number(process.env.BENCH_DEALS ?? 1_000);
const WORKERS = 2;
const CONCURRENCY = 4;
const RUN_GOAL_S = 60;
const DEAL_MONTH_GOAL_MS = 200;
const DEAL_MONTH_RUNS = 30;
const tag = randomBytes(4).toString('hex');
const dbName = `gs_settlement_bench_${tag}`;
const dbUrl = withDatabaseName(ADMIN_URL, dbName);
const QUEUE_PREFIX = `settlement-bench-${tag}`;
const processes = new Processes({ DATABASE_URL: dbUrl, REDIS_URL, QUEUE_PREFIX, NODE_ENV: 'development', SEED_DEMO: 'false' });

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** 1,000 ACTIVE deals of the demo's first host and tenant, each signed on the default scenario, with a month of readings. */
async function seed(prisma: AppPrisma, month: string): Promise<void> {
  const host = await prisma.organization.findFirstOrThrow({ where: { kind: 'MINER' }, orderBy: { name: 'asc' } });
  const site = await prisma.site.findFirstOrThrow({ where: { orgId: host.id }, orderBy: { name: 'asc' } });
  const request = await prisma.colocationRequest.findFirstOrThrow({ orderBy: { title: 'asc' } });
  const startDate = new Date(`${month}-01T00:00:00Z`);
  startDate.setUTCMonth(startDate.getUTCMonth() - 2);
  const terms = { mw: 50, priceCentsPerKwMonth: 15_000, hostMiningShareBps: 5_000, platformFeeBps: 300, slaTiers: null, maintenanceAllowanceHours: 8, hashpriceSource: 'INDEX' as const };
  const inputs = agreedRevenueInput(null, terms, { startDate: startDate.toISOString().slice(0, 10), interconnectionMw: 100, pue: 1.2, energyPriceCentsPerMwh: 4_000, miningFleetMw: 40 });
  const agreed = { ...agreedTerms(inputs, terms), disputeWindowDays: 7 };
  const dealIds = Array.from({ length: DEALS }, () => crypto.randomUUID());
  await prisma.deal.createMany({
    data: dealIds.map((id) => ({
      id,
      hostOrgId: host.id,
      tenantOrgId: request.orgId,
      requestId: request.id,
      siteId: site.id,
      status: 'ACTIVE' as const,
      mw: 50,
      priceCentsPerKwMonth: 15_000,
      termMonths: 120,
      startDate,
      hostSignedAt: startDate,
      tenantSignedAt: startDate,
      hostSignedScenario: 'DEFAULT',
      tenantSignedScenario: 'DEFAULT',
      activatedAt: startDate,
    })),
  });
  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
  await prisma.dealAgreement.createMany({ data: dealIds.map((dealId) => ({ dealId, hostOrgId: host.id, tenantOrgId: request.orgId, inputs: json(inputs), terms: json(agreed) })) });
  await prisma.$executeRaw`SELECT ensure_meter_partition(${`${month}-01`}::date)`;
  // An inference day: 45 MW from 06:00 to 22:00 UTC, 25 MW at night, ±1 MW noise; the fleet fills what is
  // left of the 60 MW reserved (50 MW x PUE 1.2), less a little.
  await prisma.$executeRaw`
    INSERT INTO "MeterReading" ("dealId", "channel", "intervalStart", "intervalMinutes", "kwh", "recordedByOrgId")
    SELECT d.id, c.channel::"MeterChannel", h.at, 60,
           round((CASE WHEN c.channel = 'AI_IT' THEN ai.mw * 1000 ELSE greatest(0, 60 - ai.mw * 1.2 - 0.5) * 1000 END)::numeric, 3), ${host.id}::uuid
      FROM unnest(${dealIds}::uuid[]) AS d(id)
     CROSS JOIN generate_series(${`${month}-01T00:00:00Z`}::timestamptz, (${`${month}-01T00:00:00Z`}::timestamptz + interval '1 month' - interval '1 hour'), interval '1 hour') AS h(at)
     CROSS JOIN LATERAL (SELECT (CASE WHEN extract(hour FROM h.at AT TIME ZONE 'UTC') BETWEEN 6 AND 21 THEN 45 ELSE 25 END) + (random() * 2 - 1) AS mw) ai
     CROSS JOIN (VALUES ('AI_IT'), ('MINING')) AS c(channel)`;
  await prisma.$executeRaw`
    INSERT INTO "HashpriceIndexDay" ("day", "usdPerPhDay", "source", "actor", "updatedAt")
    SELECT d::date, 44 + random() * 10, 'bench', 'bench', now()
      FROM generate_series(${`${month}-01`}::date, (${`${month}-01`}::date + interval '1 month' - interval '1 day'), interval '1 day') AS d
    ON CONFLICT ("day") DO NOTHING`;
  await prisma.$executeRawUnsafe('ANALYZE');
}

/** Started before the deals exist: the run each one's job scheduler queues at start finds nothing to do. */
async function startWorkers(): Promise<void> {
  const env = { LOG_LEVEL: 'info', SETTLEMENT_CONCURRENCY: String(CONCURRENCY), SETTLEMENT_JOBS_EVERY_MS: String(3_600_000), DATABASE_POOL_MAX: '10' };
  await Promise.all(Array.from({ length: WORKERS }, (_, i) => processes.start(`worker ${i + 1}`, 'apps/worker/src/main.ts', env, /worker started/)));
}

/** Queues the monthly run and waits for the last DRAFT. */
async function monthlyRun(prisma: AppPrisma, month: string): Promise<number> {
  const started = Date.now();
  const maintenance = new Queue('maintenance', { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
  await maintenance.add('settlement-monthly-run', {}, { jobId: `bench-${tag}` });
  await maintenance.close();
  const monthStart = new Date(`${month}-01T00:00:00Z`);
  for (;;) {
    const done = await prisma.settlementStatement.count({ where: { month: monthStart, NOT: { summary: { equals: {} } } } });
    if (done >= DEALS) return Date.now() - started;
    if (Date.now() - started > 10 * RUN_GOAL_S * 1000) throw new Error(`only ${done} of ${DEALS} statements after ${seconds(Date.now() - started)} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function dealMonth(prisma: AppPrisma, month: string): Promise<number[]> {
  const ids = await prisma.deal.findMany({ where: { agreement: { isNot: null } }, select: { id: true }, take: DEAL_MONTH_RUNS + 5 });
  const times: number[] = [];
  for (const [index, { id }] of ids.entries()) {
    const started = performance.now();
    const deal = await loadSettlementDeal(prisma, id);
    if (!deal) throw new Error(`deal ${id} has no agreement`);
    await computeDraft(prisma, deal, month, { force: true });
    // The first few warm the code and the connections.
    if (index >= 5) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const month = monthToSettle(new Date());
  console.log(`# Settlement bench (apps/worker/scripts/settlement-bench.ts)\nscratch database ${dbName}, queue prefix ${QUEUE_PREFIX}, month ${month}`);
  await adminQuery(ADMIN_URL, `CREATE DATABASE "${dbName}"`);
  const db = createDatabase({ url: dbUrl, poolMax: 4 });
  try {
    await applyMigrations(db.migrationTarget());
    await seedDemo(db.prisma);
    await startWorkers();
    const seeding = Date.now();
    await seed(db.prisma, month);
    const readings = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "MeterReading"`;
    console.log(`seeded ${DEALS} ACTIVE deals and ${Number(readings[0]?.n).toLocaleString('en-US')} hourly readings in ${seconds(Date.now() - seeding)} s`);

    const runMs = await monthlyRun(db.prisma, month);
    console.log(`\n## 1. The monthly run: ${DEALS} deal-months, ${WORKERS} worker processes x concurrency ${CONCURRENCY}`);
    console.log(`${seconds(runMs)} s (${((DEALS / runMs) * 1000).toFixed(0)} statements/s); goal ≤ ${RUN_GOAL_S} s: ${runMs <= RUN_GOAL_S * 1000 ? 'PASS' : 'MISS'}`);
    await processes.stopAll();

    const times = await dealMonth(db.prisma, month);
    const median = percentile(times, 0.5);
    console.log(`\n## 2. One deal-month end to end from the database (aggregates, engine, forecast, write), ${times.length} runs`);
    console.log(`median ${median.toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms; goal ≤ ${DEAL_MONTH_GOAL_MS} ms: ${median <= DEAL_MONTH_GOAL_MS ? 'PASS' : 'MISS'}`);
  } catch (error) {
    for (const [name, output] of processes.outputs) console.log(`\n--- ${name} (last output)\n${output}`);
    throw error;
  } finally {
    await processes.stopAll();
    await db.close();
    for (const name of ['webhook-deliveries', 'settlement', 'maintenance']) {
      const queue = new Queue(name, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
    }
    await adminQuery(ADMIN_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
