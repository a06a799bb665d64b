// An organisation's admins read its own audit log: their lines only, never another organisation's; members
// below ADMIN are refused.
import { createSite, joinOrg, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const LOG = `{ organizationAuditLog(first: 50) { totalCount edges { node { action entityType entityId organization { id } } } } }`;
type Log = { organizationAuditLog: { totalCount: number; edges: { node: { action: string; entityId: string; organization: { id: string } } }[] } };

it('shows an admin its own organisation’s lines and nothing of another’s; a member is FORBIDDEN', async () => {
  const owner = await signUpOrg(api, 'MINER', 'audited');
  const other = await signUpOrg(api, 'MINER', 'other');
  const site = await createSite(api, owner);
  const foreign = await createSite(api, other);
  const log = await api.gql<Log>(LOG, {}, owner);
  expect(log.errors).toBeUndefined();
  const lines = log.data!.organizationAuditLog.edges.map((e) => e.node);
  expect(lines.some((l) => l.action === 'site.created' && l.entityId === site.id)).toBe(true);
  expect(lines.every((l) => l.organization.id === owner.orgId)).toBe(true);
  expect(JSON.stringify(log)).not.toContain(foreign.id);
  expect(log.data!.organizationAuditLog.totalCount).toBe(lines.length);

  const member = await signUpOrg(api, 'TENANT', 'plain-member');
  await joinOrg(api, owner, member, 'MEMBER');
  const refused = await api.gql(LOG, {}, { token: member.token, orgId: owner.orgId });
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
