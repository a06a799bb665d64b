// Row-level security behind the metering API, as the runtime role itself (gridshare_app with
// app.current_org, the way withOrg runs every tenant query): another organisation neither reads nor writes
// a deal's readings, revisions, grants, events or pool statements; the tenant reads but cannot write
// readings; a metering partner gets what meter_deal_context() gives it, never the Deal row.
import { withOrg } from '@gridshare/db';
import { type OrgFixture, signUpOrg } from '../../testing/fixtures';
import { type MeteredDeal, RECORD_READINGS, createMeteredDeal, grantMeterAccess, readingsFrom } from '../../testing/meter-fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let deal: MeteredDeal;
let other: OrgFixture;
let partner: OrgFixture;

const TABLES = ['MeterReading', 'MeterReadingRevision', 'MeterGrant', 'CurtailmentEvent', 'PoolStatementDay'] as const;

beforeAll(async () => {
  api = await startTestApi();
  deal = await createMeteredDeal(api);
  other = await signUpOrg(api, 'MINER', 'rls-other');
  partner = await signUpOrg(api, 'PARTNER', 'rls-partner');
  await api.db.prisma.deal.update({ where: { id: deal.dealId }, data: { hashpriceSource: 'POOL_STATEMENTS' } });
  await grantMeterAccess(api, deal.host, deal.dealId, partner.orgId);
  const readings = readingsFrom('AI_IT', '2026-07-01T00:00:00Z', 4, 30_000);
  for (const kw of [30_000, 31_000]) {
    const result = await api.gql(RECORD_READINGS, { input: { dealId: deal.dealId, readings: readings.map((reading) => ({ ...reading, kw })) } }, deal.host);
    expect(result.errors).toBeUndefined();
  }
  const event = await api.gql(
    `mutation ($input: RecordCurtailmentEventInput!) { recordCurtailmentEvent(input: $input) { id } }`,
    { input: { dealId: deal.dealId, cause: 'FACILITY', channel: 'AI_IT', startsAt: '2026-07-02T00:00:00Z', endsAt: '2026-07-02T01:00:00Z', mwAffected: 10 } },
    deal.host,
  );
  expect(event.errors).toBeUndefined();
  const pool = await api.gql(
    `mutation ($input: RecordPoolStatementsInput!) { recordPoolStatements(input: $input) { inserted } }`,
    { input: { dealId: deal.dealId, csv: '2026-07-01,1000000,45000' } },
    deal.host,
  );
  expect(pool.errors).toBeUndefined();
});
afterAll(() => api.close());

const as = <T>(orgId: string, fn: Parameters<typeof withOrg<T>>[2]) => withOrg(api.db.prisma, { orgId }, fn);
const countAs = (orgId: string, table: string) =>
  as(orgId, async (tx) => Number((await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "dealId" = $1::uuid`, deal.dealId))[0]!.n));
const ingestAs = (orgId: string) =>
  as(orgId, (tx) =>
    tx.$queryRawUnsafe(
      `SELECT * FROM ingest_meter_readings($1::uuid, ARRAY['AI_IT']::"MeterChannel"[], ARRAY['2026-07-05T00:00:00Z']::timestamptz[], ARRAY[15]::smallint[], ARRAY[1]::numeric[], 'x')`,
      deal.dealId,
    ),
  );
const insertReadingAs = (orgId: string) =>
  as(orgId, (tx) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "MeterReading" ("dealId", "channel", "intervalStart", "intervalMinutes", "kwh", "recordedByOrgId") VALUES ($1::uuid, 'AI_IT', '2026-07-05T00:00:00Z', 15, 1, $2::uuid)`,
      deal.dealId,
      orgId,
    ),
  );

describe('another organisation, as the runtime role', () => {
  it('sees none of the deal’s rows in any metering table (the system path sees them)', async () => {
    for (const table of TABLES) {
      expect([table, await countAs(other.orgId, table)]).toEqual([table, 0]);
      expect(Number((await api.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "dealId" = $1::uuid`, deal.dealId))[0]!.n)).toBeGreaterThan(0);
    }
    expect(await as(other.orgId, (tx) => tx.$queryRawUnsafe(`SELECT * FROM meter_deal_context($1::uuid)`, deal.dealId))).toEqual([]);
  });

  it('writes nothing: readings, grants, events, pool statements, nor through the functions', async () => {
    const before = await Promise.all(TABLES.map((table) => api.db.prisma.$queryRawUnsafe(`SELECT * FROM "${table}" WHERE "dealId" = $1::uuid ORDER BY 1, 2, 3`, deal.dealId)));
    const parties = [deal.dealId, deal.host.orgId, deal.tenant.orgId, other.orgId];
    const refusals: [string, unknown[], RegExp][] = [
      [`UPDATE "MeterReading" SET "kwh" = 0 WHERE "dealId" = $1::uuid`, [deal.dealId], /permission denied/],
      [`DELETE FROM "MeterReading" WHERE "dealId" = $1::uuid`, [deal.dealId], /permission denied/],
      [`SELECT mark_statements_stale($1::uuid)`, [deal.dealId], /not a deal of this organisation/],
      [`INSERT INTO "MeterGrant" ("id", "dealId", "hostOrgId", "tenantOrgId", "partnerOrgId", "createdBy") VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, $4::uuid, 'x')`, parties, /row-level security/],
      [
        `INSERT INTO "CurtailmentEvent" ("id", "dealId", "hostOrgId", "tenantOrgId", "cause", "channel", "startsAt", "endsAt", "mwAffected", "recordedByOrgId", "actor")
         VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, 'FACILITY', 'AI_IT', '2026-07-03T00:00:00Z', '2026-07-03T01:00:00Z', 40, $4::uuid, 'x')`,
        parties,
        /row-level security/,
      ],
      [
        `INSERT INTO "PoolStatementDay" ("dealId", "day", "hostOrgId", "tenantOrgId", "hashrateThs", "earningsCents", "recordedByOrgId", "actor", "updatedAt")
         VALUES ($1::uuid, '2026-07-04', $2::uuid, $3::uuid, 1, 1, $4::uuid, 'x', now())`,
        parties,
        /row-level security/,
      ],
    ];
    await expect(insertReadingAs(other.orgId)).rejects.toThrow(/permission denied/);
    await expect(ingestAs(other.orgId)).rejects.toThrow(/cannot be written by this organisation/);
    for (const [sql, params, refusal] of refusals) await expect(as(other.orgId, (tx) => tx.$executeRawUnsafe(sql, ...params))).rejects.toThrow(refusal);
    expect(await as(other.orgId, (tx) => tx.$executeRawUnsafe(`UPDATE "CurtailmentEvent" SET "withdrawnAt" = now() WHERE "dealId" = $1::uuid`, deal.dealId))).toBe(0);
    expect(await as(other.orgId, (tx) => tx.$executeRawUnsafe(`UPDATE "MeterGrant" SET "revokedAt" = now() WHERE "dealId" = $1::uuid`, deal.dealId))).toBe(0);
    expect(await as(other.orgId, (tx) => tx.$executeRawUnsafe(`UPDATE "PoolStatementDay" SET "earningsCents" = 0 WHERE "dealId" = $1::uuid`, deal.dealId))).toBe(0);
    const after = await Promise.all(TABLES.map((table) => api.db.prisma.$queryRawUnsafe(`SELECT * FROM "${table}" WHERE "dealId" = $1::uuid ORDER BY 1, 2, 3`, deal.dealId)));
    expect(after).toEqual(before);
  });

  it('cannot reach a month’s partition directly: row-level security is on the parent, and the months grant nothing', async () => {
    for (const orgId of [other.orgId, deal.tenant.orgId, deal.host.orgId]) {
      await expect(as(orgId, (tx) => tx.$queryRawUnsafe(`SELECT count(*) FROM "MeterReading_2026_07"`))).rejects.toThrow(/permission denied/);
      await expect(as(orgId, (tx) => tx.$executeRawUnsafe(`DELETE FROM "MeterReading_2026_07"`))).rejects.toThrow(/permission denied/);
    }
  });
});

describe('the parties and the partner, as the runtime role', () => {
  it('the tenant reads every reading and revision but cannot write a reading, directly or through the function', async () => {
    expect(await countAs(deal.tenant.orgId, 'MeterReading')).toBe(4);
    expect(await countAs(deal.tenant.orgId, 'MeterReadingRevision')).toBe(4);
    await expect(insertReadingAs(deal.tenant.orgId)).rejects.toThrow(/permission denied/);
    await expect(ingestAs(deal.tenant.orgId)).rejects.toThrow(/cannot be written by this organisation/);
    await expect(insertReadingAs(deal.host.orgId)).rejects.toThrow(/permission denied/);
  });

  it('a metering partner reads readings and events through its grant, never the Deal row nor the pool statements', async () => {
    expect(await countAs(partner.orgId, 'MeterReading')).toBe(4);
    expect(await countAs(partner.orgId, 'CurtailmentEvent')).toBe(1);
    expect(await countAs(partner.orgId, 'PoolStatementDay')).toBe(0);
    expect(await as(partner.orgId, (tx) => tx.deal.count({ where: { id: deal.dealId } }))).toBe(0);
    const [context] = await as(partner.orgId, (tx) => tx.$queryRawUnsafe<{ role: string }[]>(`SELECT "role" FROM meter_deal_context($1::uuid)`, deal.dealId));
    expect(context?.role).toBe('PARTNER');
  });
});
