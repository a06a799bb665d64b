// What a caller gets when every pooled connection is held past its wait, and that nothing it asked for ran.
// PostgreSQL only: PGlite has one connection and no pool.
import { isDatabaseBusy } from './pool-busy';
import { withOrg } from './tenancy/with-org';
import { type TestDatabase, createTestDatabase, onPostgres } from './testing';

/** Holds one pooled connection in an open transaction until `release` is called. */
async function holdConnection(db: TestDatabase): Promise<{ release: () => Promise<void> }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = () => {};
  const held = new Promise<void>((resolve) => (holding = resolve));
  const transaction = db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1`;
      holding();
      await released;
    },
    { timeout: 60_000 },
  );
  await held;
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
}

(onPostgres ? describe : describe.skip)('a pool with every connection held', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ poolMax: 1, connectionTimeoutMs: 500 });
  });
  afterAll(() => db.close());

  it("fails a transaction past its maxWait as busy (Prisma's P2028), before its work began: nothing is written", async () => {
    const org = await db.prisma.organization.create({ data: { name: 'Busy pool', kind: 'MINER' } });
    const holder = await holdConnection(db);
    let ran = false;
    const attempt = withOrg(
      db.prisma,
      { orgId: org.id },
      async (tx) => {
        ran = true;
        return tx.organization.update({ where: { id: org.id }, data: { name: 'Written while busy' } });
      },
      { maxWait: 200 },
    );
    const error: unknown = await attempt.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'P2028', message: expect.stringContaining('Unable to start a transaction in the given time') });
    expect(isDatabaseBusy(error)).toBe(true);
    await holder.release();

    // The transaction Prisma was still waiting for is rolled back when it arrives; the same call now succeeds.
    await withOrg(db.prisma, { orgId: org.id }, (tx) => tx.organization.findUniqueOrThrow({ where: { id: org.id } }));
    expect(ran).toBe(false);
    expect((await db.prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe('Busy pool');
  });

  it("fails a statement outside a transaction as busy once the pool's connectionTimeoutMs passes, then serves it", async () => {
    const holder = await holdConnection(db);
    const error: unknown = await db.prisma.organization.count({ where: { name: 'Busy pool' } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: 'timeout exceeded when trying to connect' });
    expect(isDatabaseBusy(error)).toBe(true);
    await holder.release();
    await expect(db.prisma.organization.count({ where: { name: 'Busy pool' } })).resolves.toBe(1);
  });

  it('still answers the readiness ping, on a connection of its own', async () => {
    const holder = await holdConnection(db);
    try {
      await expect(db.ping()).resolves.toBe(true);
    } finally {
      await holder.release();
    }
  });
});
