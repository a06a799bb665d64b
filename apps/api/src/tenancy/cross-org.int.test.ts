// Tenants never see each other's data: as org A, every query and mutation on org B's objects answers
// NOT_FOUND and changes nothing; row-level security hides B's rows even from raw SQL in A's scope.
import { withOrg } from '@gridshare/db';
import { type OrgFixture, createApiKey, createSite, signUpOrg } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';

let api: TestApi;
let a: OrgFixture;
let b: OrgFixture;
let bSite: { id: string; name: string };
let bKey: { id: string; secret: string };
let bMembershipId: string;

async function snapshotB() {
  // The system path (not a tenant scope) reads B's rows as they are.
  const prisma = api.db.prisma;
  return {
    site: await prisma.site.findUniqueOrThrow({ where: { id: bSite.id } }),
    key: await prisma.apiKey.findUniqueOrThrow({ where: { id: bKey.id } }),
    memberships: await prisma.membership.findMany({ where: { orgId: b.orgId }, orderBy: { id: 'asc' } }),
    audit: await prisma.auditLog.count({ where: { orgId: b.orgId } }),
  };
}

beforeAll(async () => {
  api = await startTestApi();
  a = await signUpOrg(api, 'MINER', 'a');
  b = await signUpOrg(api, 'MINER', 'b');
  bSite = await createSite(api, b, { name: 'B secret site' });
  bKey = await createApiKey(api, b, ['SITES_READ']);
  const members = await api.gql<{ members: { edges: { node: { id: string } }[] } }>(`{ members { edges { node { id } } } }`, {}, b);
  bMembershipId = members.data!.members.edges[0]!.node.id;
});
afterAll(() => api.close());

const notFound = (result: { errors?: { extensions?: { code?: string } }[] }) => expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

describe('as org A against org B', () => {
  it('cannot read B’s site, and B’s objects never appear in A’s lists', async () => {
    notFound(await api.gql(`query ($id: ID!) { site(id: $id) { id name } }`, { id: bSite.id }, a));
    const sites = await api.gql<{ sites: { totalCount: number; edges: unknown[] } }>(`{ sites(first: 100) { totalCount edges { node { id } } } }`, {}, a);
    expect(sites.data?.sites).toEqual({ totalCount: 0, edges: [] });
    const keys = await api.gql<{ apiKeys: { edges: { node: { id: string } }[] } }>(`{ apiKeys { edges { node { id } } } }`, {}, a);
    expect(keys.data?.apiKeys.edges.map((e) => e.node.id)).not.toContain(bKey.id);
    const members = await api.gql<{ members: { edges: { node: { id: string } }[] } }>(`{ members { edges { node { id } } } }`, {}, a);
    expect(members.data?.members.edges.map((e) => e.node.id)).not.toContain(bMembershipId);
    const org = await api.gql<{ organization: { id: string } }>(`{ organization { id } }`, {}, a);
    expect(org.data?.organization.id).toBe(a.orgId);
  });

  it('gets an empty page from a cursor made of B’s site', async () => {
    const cursor = Buffer.from(`v1:${bSite.id}`).toString('base64url');
    const page = await api.gql<{ sites: { edges: unknown[] } }>(`query ($after: String) { sites(first: 10, after: $after) { edges { node { id } } } }`, { after: cursor }, a);
    expect(page.data?.sites.edges).toEqual([]);
  });

  it('cannot change B’s objects with any mutation, and nothing of B changes', async () => {
    const before = await snapshotB();
    notFound(await api.gql(`mutation ($id: ID!) { updateSite(id: $id, input: { name: "pwned" }) { id } }`, { id: bSite.id }, a));
    notFound(await api.gql(`mutation ($id: ID!) { archiveSite(id: $id) { id } }`, { id: bSite.id }, a));
    notFound(await api.gql(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: bKey.id }, a));
    notFound(await api.gql(`mutation ($id: ID!) { removeMember(id: $id) }`, { id: bMembershipId }, a));
    notFound(
      await api.gql(`mutation ($id: ID!) { changeMemberRole(input: { membershipId: $id, role: VIEWER }) { id } }`, { id: bMembershipId }, a),
    );
    expect(await snapshotB()).toEqual(before);
  });

  it('cannot act in B by claiming it in X-Org-Id', async () => {
    const result = await api.gql(`{ sites { totalCount } }`, {}, { token: a.token, orgId: b.orgId });
    expect(result.status).toBe(403);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot write into B by sending orgId in an input', async () => {
    const result = await api.gql(
      `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      { input: { orgId: b.orgId, name: 'x' } },
      a,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/orgId/);
    expect(await api.db.prisma.site.count({ where: { orgId: b.orgId } })).toBe(1);
  });

  it('B’s API key sees only B', async () => {
    const sites = await api.gql<{ sites: { edges: { node: { id: string } }[] } }>(`{ sites { edges { node { id } } } }`, {}, { token: bKey.secret });
    expect(sites.data?.sites.edges.map((e) => e.node.id)).toEqual([bSite.id]);
  });
});

describe('row-level security (the database’s own wall)', () => {
  it('raw SQL in A’s scope sees none of B’s rows in any tenant table', async () => {
    const tables = ['Organization', 'Membership', 'ApiKey', 'Site', 'AuditLog'];
    const counts = await withOrg(api.db.prisma, { orgId: a.orgId }, async (tx) => {
      const out: Record<string, number> = {};
      for (const table of tables) {
        const column = table === 'Organization' ? 'id' : 'orgId';
        const rows = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1::uuid`, b.orgId);
        out[table] = Number(rows[0]!.n);
      }
      return out;
    });
    expect(counts).toEqual(Object.fromEntries(tables.map((t) => [t, 0])));
    // …while the same tables do hold B's rows.
    expect(await api.db.prisma.site.count({ where: { orgId: b.orgId } })).toBe(1);
  });

  it('refuses to write a row for B from A’s scope, even with raw SQL', async () => {
    await expect(
      withOrg(api.db.prisma, { orgId: a.orgId }, (tx) =>
        tx.$executeRawUnsafe(`UPDATE "Site" SET "name" = 'pwned' WHERE "id" = $1::uuid`, bSite.id),
      ),
    ).resolves.toBe(0);
    await expect(
      withOrg(api.db.prisma, { orgId: a.orgId }, (tx) =>
        tx.auditLog.create({ data: { orgId: b.orgId, actor: 'x', action: 'x', entityType: 'x', entityId: 'x' } }),
      ),
    ).rejects.toThrow();
  });

  it('runs tenant queries as a role that is neither superuser nor BYPASSRLS', async () => {
    const [role] = await withOrg(api.db.prisma, { orgId: a.orgId }, (tx) =>
      tx.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; current_user: string }[]>`
        SELECT rolsuper, rolbypassrls, current_user FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, current_user: 'gridshare_app' });
  });

  it('refuses a bulk read with no where clause (the guard extension)', async () => {
    await expect(api.db.prisma.site.findMany()).rejects.toThrow(/without a where clause/);
    await expect(api.db.prisma.site.deleteMany({ where: {} })).rejects.toThrow(/without a where clause/);
  });
});
