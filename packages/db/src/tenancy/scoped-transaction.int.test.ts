// A tenant transaction is scoped before its first statement (on PostgreSQL by the adapter, in the round trip
// that begins it), the scope ends with it, and a scope that is not an organisation id is refused.
import { randomUUID } from 'node:crypto';
import { type TestDatabase, createTestDatabase, onPostgres } from '../testing';
import { APP_ROLE, withOrg } from './with-org';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ poolMax: 1 });
});
afterAll(() => db.close());

type Scope = { role: string; org: string | null }[];
const scopeNow = `SELECT current_user::text AS role, NULLIF(current_setting('app.current_org', true), '') AS org`;

it('runs the callback as the app role with the organisation set, and leaves the connection unscoped', async () => {
  const orgId = randomUUID();
  const inside = await withOrg(db.prisma, { orgId }, (tx) => tx.$queryRawUnsafe<Scope>(scopeNow));
  expect(inside).toEqual([{ role: APP_ROLE, org: orgId }]);
  // One pooled connection: the next statement runs on the same one, outside any scope.
  const after = await db.prisma.$queryRawUnsafe<Scope>(scopeNow);
  expect(after[0]?.role).not.toBe(APP_ROLE);
  expect(after[0]?.org).toBeNull();
});

// The adapter writes the organisation into the statement that begins the transaction (PostgreSQL only;
// PGlite sends it as a parameter).
(onPostgres ? it : it.skip)('refuses a scope that is not an organisation id, running nothing', async () => {
  let ran = false;
  await expect(
    withOrg(db.prisma, { orgId: "x', true), set_config('role', 'postgres" }, async () => {
      ran = true;
    }),
  ).rejects.toThrow();
  expect(ran).toBe(false);
});
