// The demo's running deal on a fresh database: seeded through the API's services after the base demo, its
// statements computed by the settlement service (earlier months AGREED, the last DISPUTED with its reason),
// every cause of event on record, money that balances, and a second run that changes nothing.
import { type AppPrisma, seedDemo } from '@gridshare/db';
import { type TestDatabase, createTestDatabase } from '@gridshare/db/testing';
import { DEMO_DISPUTE_REASON, type DemoOperationsSummary, demoMonths, seedDemoOperations } from './demo-operations';

jest.setTimeout(180_000);

let db: TestDatabase;
let prisma: AppPrisma;
let first: DemoOperationsSummary;
let seconds: number;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  await seedDemo(prisma);
  const started = performance.now();
  first = await seedDemoOperations(prisma);
  seconds = (performance.now() - started) / 1000;
  // A figure for the report, not a test of time (docs/testing.md).
  process.stdout.write(`demo operations seeded in ${seconds.toFixed(2)} s (${first.readings} readings, ${first.events} events)\n`);
});

afterAll(async () => {
  await db.close();
});

describe('the demo deal', () => {
  it('is ACTIVE between Permian Hashworks and Helix AI Labs with a frozen agreement', async () => {
    const deal = await prisma.deal.findUniqueOrThrow({ where: { id: first.dealId }, include: { host: true, tenant: true, agreement: true } });
    expect(deal.status).toBe('ACTIVE');
    expect(deal.host.name).toBe('Permian Hashworks');
    expect(deal.tenant.name).toBe('Helix AI Labs');
    expect(deal.agreement).not.toBeNull();
    expect(first.months).toEqual(demoMonths(new Date()));
  });

  it('has a reading for every hour of its three months on AI_IT and MINING, and events of every cause but TENANT', async () => {
    const hours = (Date.parse(`${first.months[2]}-01T00:00:00Z`) - Date.parse(`${first.months[0]}-01T00:00:00Z`)) / 3_600_000;
    expect(await prisma.meterReading.count({ where: { dealId: first.dealId, channel: 'AI_IT' } })).toBeGreaterThan(hours);
    expect(await prisma.meterReading.count({ where: { dealId: first.dealId, channel: 'MINING' } })).toBe(first.readings / 2);
    const causes = await prisma.curtailmentEvent.findMany({ where: { dealId: first.dealId }, select: { cause: true } });
    expect(new Set(causes.map((row) => row.cause))).toEqual(new Set(['FACILITY', 'DEMAND_RESPONSE', 'PRICE', 'GRID_EMERGENCY', 'MAINTENANCE_PLANNED']));
  });

  it('has computed statements: AGREED, AGREED, then DISPUTED with the reason, each balancing to the cent', async () => {
    const statements = await prisma.settlementStatement.findMany({ where: { dealId: first.dealId }, orderBy: { month: 'asc' }, include: { lines: true } });
    expect(statements.map((row) => [row.month.toISOString().slice(0, 7), row.status])).toEqual([
      [first.months[0], 'AGREED'],
      [first.months[1], 'AGREED'],
      [first.months[2], 'DISPUTED'],
    ]);
    expect(statements[2]?.disputeReason).toBe(DEMO_DISPUTE_REASON);
    for (const statement of statements) {
      expect(statement.tenantTotalCents).toBe(statement.hostPayoutCents + statement.platformFeeCents);
      expect(statement.lines.reduce((sum, line) => sum + line.amountCents, 0n)).toBe(statement.tenantTotalCents);
      expect(statement.lines.map((line) => line.kind)).toEqual(expect.arrayContaining(['COLOCATION', 'ENERGY_PASS_THROUGH', 'BACKFILL_CREDIT']));
    }
    // The last month's 5-hour outage of the whole hall breaches 99.9%: an SLA credit line.
    expect(statements[2]?.lines.some((line) => line.kind === 'SLA_CREDIT' && line.amountCents < 0n)).toBe(true);
  });

  it('a second run, even months later, sends nothing and changes nothing', async () => {
    const count = () => Promise.all([prisma.meterReading.count({ where: { dealId: first.dealId } }), prisma.curtailmentEvent.count({ where: { dealId: first.dealId } }), prisma.auditLog.count({ where: { entityId: first.dealId } })]);
    const before = await count();
    expect(await seedDemoOperations(prisma)).toEqual({ ...first, readings: 0, events: 0 });
    const later = new Date(Date.parse(`${first.months[2]}-01T00:00:00Z`) + 200 * 86_400_000);
    expect(await seedDemoOperations(prisma, later)).toEqual({ ...first, readings: 0, events: 0 });
    expect(await count()).toEqual(before);
  });
});
