// PostgreSQL backends killed under the API (pg_terminate_backend, as a failover or an admin would):
// nothing half-written survives and the API recovers by itself, with no restart.
// PostgreSQL only: PGlite runs in-process and has no backends to kill (CI always sets DATABASE_URL).
import pg from 'pg';
import { onPostgres } from '@gridshare/db/testing';
import { type OrgFixture, signUpOrg, siteInput } from './testing/fixtures';
import { type TestApi, startTestApi } from './testing/test-api';

let api: TestApi;
let miner: OrgFixture;
let admin: pg.Client;

const CREATE_SITE = `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id name } }`;

(onPostgres ? describe : describe.skip)('PostgreSQL backends killed under the API', () => {
  beforeAll(async () => {
    api = await startTestApi({ poolMax: 4 });
    miner = await signUpOrg(api, 'MINER', 'faults');
    admin = new pg.Client({ connectionString: api.db.url });
    await admin.connect();
    // Holds a transaction open on purpose: the audit insert of a site named "Slow …" sleeps, after the site
    // row and its readiness assessment are written, so the kill lands in the middle of the transaction.
    await admin.query(`
      CREATE FUNCTION slow_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."changes"::text LIKE '%Slow %' THEN PERFORM pg_sleep(10); END IF;
        RETURN NEW;
      END $$`);
    await admin.query(`CREATE TRIGGER slow_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION slow_audit()`);
  });
  afterAll(async () => {
    await admin.end();
    await api.close();
  });

  /** Every backend of this database but the admin's: the API's whole pool. */
  async function killApiBackends(): Promise<number> {
    const result = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return result.rowCount ?? 0;
  }

  async function waitForSleepingInsert(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { rowCount } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`);
      if (rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the slow insert never started');
  }

  async function rowsNamed(name: string) {
    const sites = await api.db.prisma.site.findMany({ where: { name }, select: { id: true } });
    const ids = sites.map((site) => site.id);
    return {
      sites: sites.length,
      assessments: await api.db.prisma.readinessAssessment.count({ where: { siteId: { in: ids } } }),
      audits: await api.db.prisma.auditLog.count({ where: { entityId: { in: ids } } }),
    };
  }

  it('answers the next requests after every pooled connection was killed between requests', async () => {
    await Promise.all(Array.from({ length: 4 }, () => api.gql('{ sites(first: 5) { totalCount } }', {}, miner)));
    expect(await killApiBackends()).toBeGreaterThan(0);
    for (let i = 0; i < 6; i++) {
      const result = await api.gql<{ sites: { totalCount: number } }>('{ sites(first: 5) { totalCount } }', {}, miner);
      expect([result.status, result.errors]).toEqual([200, undefined]);
    }
  });

  it('leaves no site, assessment or audit row of a write whose connection died mid-transaction, then writes again', async () => {
    const stamp = Date.now();
    const name = `Slow ${stamp}`;
    const pending = api.gql(CREATE_SITE, { input: siteInput({ name }) }, miner);
    await waitForSleepingInsert();
    expect(await killApiBackends()).toBeGreaterThan(0);
    const result = await pending;
    expect(result.errors).toEqual([{ message: 'Internal server error', path: ['createSite'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(await rowsNamed(name)).toEqual({ sites: 0, assessments: 0, audits: 0 });

    // Recovered by itself: the same write, now fast, commits whole.
    const again = await api.gql<{ createSite: { id: string } }>(CREATE_SITE, { input: siteInput({ name: `Recovered ${stamp}` }) }, miner);
    expect(again.errors).toBeUndefined();
    expect(await rowsNamed(`Recovered ${stamp}`)).toEqual({ sites: 1, assessments: 1, audits: 1 });
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
  });

  it('keeps concurrent writes whole while backends are killed among them', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Burst ${Date.now()}-${i}`);
    const writes = names.map((name, i) => new Promise((resolve) => setTimeout(resolve, i * 3)).then(() => api.gql(CREATE_SITE, { input: siteInput({ name }) }, miner)));
    await new Promise((resolve) => setTimeout(resolve, 12));
    await killApiBackends();
    const results = await Promise.all(writes);
    for (const [i, result] of results.entries()) {
      const rows = await rowsNamed(names[i]!);
      // Each write either committed whole or left nothing, and its answer says which.
      expect(rows).toEqual(result.errors ? { sites: 0, assessments: 0, audits: 0 } : { sites: 1, assessments: 1, audits: 1 });
      if (result.errors) expect(result.errors[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    }
    const after = await api.gql('{ sites(first: 1) { totalCount } }', {}, miner);
    expect(after.errors).toBeUndefined();
  });
});
