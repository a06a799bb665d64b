// The monthly settlement run on the real Redis (a queue prefix of this file's own), shared by two workers:
// one DRAFT per deal that ran in the month, computed once however many runs and workers; a stale one
// computed again; an issued statement past its dispute window agreed by the system, a colocation one and a
// mining hosting one.
import { randomBytes } from 'node:crypto';
import { DISPUTE_WINDOW_ACTOR, createLogger, loadConfig, monthToSettle } from '@gridshare/api/background';
import {
  ISSUE,
  type OrgFixture,
  type TestApi,
  activeHostingDeal,
  createAgreedDeal,
  ingestHourly,
  issuedHostingStatement,
  mutate,
  recomputeStatement,
  recordHostingMonth,
  setHashprice,
  signUpOrg,
  startTestApi,
} from '@gridshare/api/testing';
import { waitFor } from './wait-for';
import { type RunningWorker, startWorker } from './worker';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const env = { REDIS_URL, QUEUE_PREFIX: `test-settlement-${randomBytes(4).toString('hex')}`, SETTLEMENT_JOBS_EVERY_MS: '1000', SETTLEMENT_CONCURRENCY: '2' };

let api: TestApi;
let workers: RunningWorker[] = [];
let host: OrgFixture;
let tenant: OrgFixture;

beforeAll(async () => {
  api = await startTestApi({ env });
  host = await signUpOrg(api, 'MINER', 'run-host');
  tenant = await signUpOrg(api, 'TENANT', 'run-tenant');
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.close()));
  await api.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the monthly settlement run', () => {
  it('computes one DRAFT per deal that ran in the month, once, across two workers; a stale one again; a lapsed dispute window agrees', async () => {
    const month = monthToSettle(new Date());
    const running = await Promise.all([0, 1, 2, 3].map(() => createAgreedDeal(api, host, tenant)));
    for (const { dealId } of running) await ingestHourly(api, host, dealId, month, () => ({ ai: 40, mining: 12 }));
    await setHashprice(api, month, 50);
    // Not settled: a deal that starts after the month, and one that ended before it.
    const later = await createAgreedDeal(api, host, tenant, { deal: { startDate: '2027-06-01' }, block: { availableFrom: '2027-06-01' } });
    const ended = await createAgreedDeal(api, host, tenant);
    await mutate(api, host, 'endDeal', `mutation ($id: ID!) { endDeal(id: $id) { id } }`, { id: ended.dealId });
    await api.db.prisma.deal.update({ where: { id: ended.dealId }, data: { endedAt: new Date('2026-09-15T00:00:00Z') } });

    // An ISSUED statement of an earlier month whose dispute window has run out.
    const lapsed = running[0]!.dealId;
    await ingestHourly(api, host, lapsed, '2026-09', () => ({ ai: 40, mining: 12 }));
    await setHashprice(api, '2026-09', 50);
    const september = await recomputeStatement(api, host, lapsed, '2026-09');
    await mutate(api, host, 'issueStatement', ISSUE, { id: september.id });
    await api.db.prisma.settlementStatement.update({ where: { id: september.id }, data: { autoAgreeAt: new Date(Date.now() - 1_000) } });
    // And an issued hosting statement whose 7 days have run out (the tenant's organisation is the fleet here).
    const hosting = await activeHostingDeal(api, host, tenant);
    await recordHostingMonth(api, host, hosting.dealId);
    const hostingStatement = await issuedHostingStatement(api, host, hosting.dealId);
    await api.db.prisma.hostingStatement.update({ where: { id: hostingStatement.id }, data: { autoAgreeAt: new Date(Date.now() - 1_000) } });

    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    workers = await Promise.all([1, 2].map(() => startWorker({ config: { ...config, REDIS_URL }, db: api.db, logger: createLogger('silent') })));

    const ids = running.map((deal) => deal.dealId);
    const statementsOf = () => api.db.prisma.settlementStatement.findMany({ where: { dealId: { in: [...ids, later.dealId, ended.dealId] }, month: new Date(`${month}-01T00:00:00Z`) } });
    const computed = await waitFor(
      'four DRAFTs',
      async () => {
      const rows = await statementsOf();
        return rows.length === 4 && rows.every((row) => row.tenantTotalCents > 0n) && rows;
      },
      30_000,
    );
    expect(computed.map((row) => row.dealId).sort()).toEqual([...ids].sort());
    expect(computed.every((row) => row.status === 'DRAFT')).toBe(true);

    // Several more runs, from both workers: nothing is computed again.
    await sleep(3_000);
    const after = await statementsOf();
    expect(after.map((row) => [row.id, row.computedAt.getTime()]).sort()).toEqual(computed.map((row) => [row.id, row.computedAt.getTime()]).sort());

    // A corrected reading makes one DRAFT stale: that one, and only that one, is computed again.
    const corrected = ids[1]!;
    await ingestHourly(api, host, corrected, month, (_at, h) => (h === 5 ? { ai: 41, mining: null } : { ai: null, mining: null }));
    const recomputed = await waitFor('the stale DRAFT recomputed', async () => {
      const rows = await statementsOf();
      const row = rows.find((r) => r.dealId === corrected)!;
      return !row.stale && row.computedAt > computed.find((r) => r.dealId === corrected)!.computedAt && rows;
    }, 30_000);
    for (const row of recomputed.filter((r) => r.dealId !== corrected)) {
      expect(row.computedAt).toEqual(computed.find((r) => r.id === row.id)!.computedAt);
    }

    const agreed = await waitFor('the lapsed statement agreed', async () => {
      const row = await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: september.id } });
      return row.status !== 'ISSUED' && row;
    }, 30_000);
    expect(agreed).toMatchObject({ status: 'AGREED', agreedBy: DISPUTE_WINDOW_ACTOR });
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: september.id, action: 'statement.agree' } });
    expect(audit).toMatchObject({ actor: DISPUTE_WINDOW_ACTOR, orgId: tenant.orgId, changes: expect.objectContaining({ automatic: true }) });
    const hostingAgreed = await waitFor('the lapsed hosting statement agreed', async () => {
      const row = await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: hostingStatement.id } });
      return row.status !== 'ISSUED' && row;
    }, 30_000);
    expect(hostingAgreed).toMatchObject({ status: 'AGREED', agreedBy: DISPUTE_WINDOW_ACTOR });
  });
});
