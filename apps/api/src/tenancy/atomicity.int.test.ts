// A mutation and its audit row commit together or not at all: when the audit insert fails, the change it
// describes is rolled back and the client gets a bare INTERNAL_SERVER_ERROR (no SQL, no stack).
import { type OrgFixture, createSite, signUpOrg, siteInput } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';

let api: TestApi;
let miner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  miner = await signUpOrg(api, 'MINER', 'atomic');
  // A fault on purpose: the audit log refuses rows about sites named "Doomed …".
  await api.db.prisma.$executeRawUnsafe(`
    CREATE FUNCTION refuse_doomed_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW."changes"::text LIKE '%Doomed%' THEN RAISE EXCEPTION 'injected audit failure'; END IF;
      RETURN NEW;
    END $$`);
  await api.db.prisma.$executeRawUnsafe(
    `CREATE TRIGGER refuse_doomed_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION refuse_doomed_audit()`,
  );
});
afterAll(() => api.close());

it('rolls back a created site when its audit row cannot be written', async () => {
  const before = await api.db.prisma.site.count({ where: { orgId: miner.orgId } });
  const result = await api.gql(`mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`, { input: siteInput({ name: 'Doomed campus' }) }, miner);
  expect(result.errors?.[0]).toEqual({ message: 'Internal server error', path: ['createSite'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(await api.db.prisma.site.count({ where: { orgId: miner.orgId } })).toBe(before);
});

it('rolls back an update and the readiness assessment it stored, together', async () => {
  const site = await createSite(api, miner, { name: 'Steady campus' });
  const assessments = await api.db.prisma.readinessAssessment.count({ where: { siteId: site.id } });
  const result = await api.gql(`mutation ($id: ID!) { updateSite(id: $id, input: { name: "Doomed rename", energizedMw: 90 }) { id } }`, { id: site.id }, miner);
  expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  const row = await api.db.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
  expect({ name: row.name, energizedMw: row.energizedMw.toNumber() }).toEqual({ name: 'Steady campus', energizedMw: 120 });
  expect(await api.db.prisma.readinessAssessment.count({ where: { siteId: site.id } })).toBe(assessments);
});
