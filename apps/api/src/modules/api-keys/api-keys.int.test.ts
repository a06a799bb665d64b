import { sha256 } from '@gridshare/db';
import { type OrgFixture, createApiKey, createSite, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let owner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUpOrg(api, 'PARTNER', 'keys');
  await createSite(api, owner);
});
afterAll(() => api.close());

const SITES = `{ sites { totalCount } }`;

describe('API keys', () => {
  it('shows the secret once, stores only its SHA-256, and lists the prefix', async () => {
    const key = await createApiKey(api, owner, ['SITES_READ', 'SITES_READ', 'ORG_READ']);
    expect(key.secret).toMatch(/^gsk_[0-9A-Za-z]{43}_[0-9A-Za-z]{6}$/);
    const row = await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.keyHash).toBe(sha256(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);
    expect(row.scopes).toEqual(['sites:read', 'org:read']);
    const list = await api.gql<{ apiKeys: { edges: { node: Record<string, unknown> }[] } }>(
      `{ apiKeys { edges { node { id prefix scopes lastUsedAt revokedAt } } } }`,
      {},
      owner,
    );
    const listed = list.data?.apiKeys.edges.find((e) => e.node.id === key.id)?.node;
    expect(listed).toEqual({ id: key.id, prefix: key.secret.slice(0, 12), scopes: ['SITES_READ', 'ORG_READ'], lastUsedAt: null, revokedAt: null });
  });

  it('authenticates with a key, records its last use, and limits it to its scopes', async () => {
    const key = await createApiKey(api, owner, ['SITES_READ']);
    const read = await api.gql<{ sites: { totalCount: number } }>(SITES, {}, { token: key.secret });
    expect(read.data?.sites.totalCount).toBe(1);
    const row = await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt).not.toBeNull();

    const write = await api.gql(`mutation { archiveSite(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, { token: key.secret });
    expect(errorCode(write)).toBe('FORBIDDEN');
    expect(write.errors?.[0]?.message).toMatch(/sites:write/);
    const manage = await api.gql(`{ apiKeys { totalCount } }`, {}, { token: key.secret });
    expect(errorCode(manage)).toBe('FORBIDDEN');
  });

  it('refuses a revoked key at once, and revoking twice is a CONFLICT', async () => {
    const key = await createApiKey(api, owner, ['SITES_READ']);
    const revoke = `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`;
    const revoked = await api.gql<{ revokeApiKey: { revokedAt: string } }>(revoke, { id: key.id }, owner);
    expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();
    const after = await api.gql(SITES, {}, { token: key.secret });
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(revoke, { id: key.id }, owner))).toBe('CONFLICT');
  });

  it.each([
    ['a malformed key', 'gsk_not-a-key'],
    ['a key with a wrong checksum', `gsk_${'A'.repeat(43)}_AAAAAA`],
    ['an unknown bearer scheme', 'hunter2'],
    ['an unknown session token', 'gss_bm90LWEtc2Vzc2lvbg'],
  ])('refuses %s with UNAUTHENTICATED', async (_label, token) => {
    const result = await api.gql(SITES, {}, { token });
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });

  it('refuses anonymous callers', async () => {
    expect(errorCode(await api.gql(SITES))).toBe('UNAUTHENTICATED');
  });

  it('writes an audit row for creation and revocation, never the secret', async () => {
    const key = await createApiKey(api, owner, ['ORG_READ']);
    await api.gql(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: key.id }, owner);
    const rows = await api.db.prisma.auditLog.findMany({ where: { entityId: key.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['api_key.created', 'api_key.revoked']);
    expect(JSON.stringify(rows)).not.toContain(key.secret);
  });
});
