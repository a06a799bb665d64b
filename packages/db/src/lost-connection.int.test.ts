// Right after every pooled connection was killed (pg_terminate_backend), reads and tenant transactions
// still succeed: the dead connection's first statement fails, and what cannot have changed anything is
// retried on a fresh one. PostgreSQL only: PGlite runs in-process and has no backends to kill.
import pg from 'pg';
import { withOrg } from './tenancy/with-org';
import { type TestDatabase, createTestDatabase, onPostgres } from './testing';

let db: TestDatabase;
let admin: pg.Client;

(onPostgres ? describe : describe.skip)('a lost connection', () => {
  beforeAll(async () => {
    db = await createTestDatabase({ poolMax: 3 });
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await db.close();
  });

  /** Fills the pool with open connections, then kills them all. */
  async function killPooledConnections(): Promise<void> {
    await Promise.all([1, 2, 3].map(() => db.prisma.organization.count({ where: { name: 'warm-up' } })));
    const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    expect(killed.rowCount).toBeGreaterThan(0);
  }

  it('does not fail the next reads', async () => {
    for (let round = 0; round < 10; round++) {
      await killPooledConnections();
      await expect(db.prisma.user.findFirst({ where: { email: 'nobody@example.test' } })).resolves.toBeNull();
    }
  });

  it('does not fail the next tenant transaction, which then commits once', async () => {
    const org = await db.prisma.organization.create({ data: { name: `Lost connection ${Date.now()}`, kind: 'MINER' } });
    for (let round = 0; round < 5; round++) {
      await killPooledConnections();
      const name = `Renamed ${round}`;
      await withOrg(db.prisma, { orgId: org.id }, (tx) => tx.organization.update({ where: { id: org.id }, data: { name } }));
      expect((await db.prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(name);
    }
  });
});
