import { type OrgFixture, PASSWORD, createSite, joinOrg, signUpOrg, siteInput } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let owner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUpOrg(api, 'MINER', 'orgs');
});
afterAll(() => api.close());

const CHANGE = `mutation ($id: ID!, $role: Role!) { changeMemberRole(input: { membershipId: $id, role: $role }) { id role } }`;
const REMOVE = `mutation ($id: ID!) { removeMember(id: $id) }`;

const addMember = (person: OrgFixture, role: 'VIEWER' | 'MEMBER' | 'ADMIN' | 'OWNER') => joinOrg(api, owner, person, role);

describe('organisations and members', () => {
  it('signs in, reports who is calling, and signs out', async () => {
    const signIn = await api.gql<{ signIn: { token: string; organization: { id: string } } }>(
      `mutation ($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { token organization { id } } }`,
      { e: owner.email.toUpperCase(), p: PASSWORD },
    );
    const token = signIn.data!.signIn.token;
    expect(signIn.data?.signIn.organization.id).toBe(owner.orgId);
    const me = await api.gql<{ me: { user: { email: string }; role: string; organization: { id: string } } }>(
      `{ me { user { email } role organization { id } } }`,
      {},
      { token },
    );
    expect(me.data?.me).toEqual({ user: { email: owner.email }, role: 'OWNER', organization: { id: owner.orgId } });
    expect((await api.gql(`mutation { signOut }`, {}, { token })).data).toEqual({ signOut: true });
    expect(errorCode(await api.gql(`{ me { role } }`, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const wrong = await api.gql(`mutation ($e: String!) { signIn(input: { email: $e, password: "wrong-password" }) { token } }`, { e: owner.email });
    const unknown = await api.gql(`mutation { signIn(input: { email: "nobody@example.test", password: "wrong-password" }) { token } }`);
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('makes no second account with the same email', async () => {
    const users = await api.db.prisma.user.count({ where: { email: owner.email } });
    const again = await api.gql(
      `mutation ($e: String!) { signUp(input: { email: $e, password: "long-enough-pw", name: "x", organizationName: "Dup Org", organizationKind: TENANT }) { message } }`,
      { e: owner.email },
    );
    expect(errorCode(again)).toBeUndefined();
    expect(await api.db.prisma.user.count({ where: { email: owner.email } })).toBe(users);
  });

  it('takes in a member who accepted an invitation, who then acts in the organisation with their role', async () => {
    const viewer = await signUpOrg(api, 'TENANT', 'viewer');
    await addMember(viewer, 'VIEWER');
    await createSite(api, owner);
    const asViewer = { token: viewer.token, orgId: owner.orgId };
    const read = await api.gql<{ sites: { totalCount: number } }>(`{ sites { totalCount } }`, {}, asViewer);
    expect(read.data?.sites.totalCount).toBeGreaterThanOrEqual(1);
    const write = await api.gql(`mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`, { input: siteInput() }, asViewer);
    expect(errorCode(write)).toBe('FORBIDDEN');
    expect(write.errors?.[0]?.message).toMatch(/VIEWER/);
    const me = await api.gql<{ me: { memberships: { organization: { id: string }; role: string }[] } }>(
      `{ me { memberships { role organization { id } } } }`,
      {},
      asViewer,
    );
    expect(me.data?.me.memberships).toEqual(
      expect.arrayContaining([
        { role: 'OWNER', organization: { id: viewer.orgId } },
        { role: 'VIEWER', organization: { id: owner.orgId } },
      ]),
    );
  });

  it('lets roles do only what they may', async () => {
    const member = await signUpOrg(api, 'MINER', 'member');
    const id = await addMember(member, 'MEMBER');
    const asMember = { token: member.token, orgId: owner.orgId };
    expect(errorCode(await api.gql(`{ apiKeys { totalCount } }`, {}, asMember))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(CHANGE, { id, role: 'ADMIN' }, asMember))).toBe('FORBIDDEN');
    await createSite(api, asMember);

    const admin = await signUpOrg(api, 'MINER', 'admin');
    await addMember(admin, 'ADMIN');
    const asAdmin = { token: admin.token, orgId: owner.orgId };
    expect((await api.gql<{ changeMemberRole: { role: string } }>(CHANGE, { id, role: 'VIEWER' }, asAdmin)).data?.changeMemberRole.role).toBe('VIEWER');
    expect(errorCode(await api.gql(CHANGE, { id, role: 'OWNER' }, asAdmin))).toBe('FORBIDDEN');
  });

  it('never removes or demotes the last OWNER', async () => {
    const solo = await signUpOrg(api, 'MINER', 'solo');
    const members = await api.gql<{ members: { edges: { node: { id: string } }[] } }>(`{ members { edges { node { id } } } }`, {}, solo);
    const ownId = members.data!.members.edges[0]!.node.id;
    expect(errorCode(await api.gql(REMOVE, { id: ownId }, solo))).toBe('CONFLICT');
    expect(errorCode(await api.gql(CHANGE, { id: ownId, role: 'ADMIN' }, solo))).toBe('CONFLICT');

    const second = await signUpOrg(api, 'MINER', 'second');
    const secondId = await joinOrg(api, solo, second, 'OWNER');
    expect((await api.gql(REMOVE, { id: secondId }, solo)).data).toEqual({ removeMember: secondId });
  });

  it('creates another organisation the caller owns and can switch to', async () => {
    const created = await api.gql<{ createOrganization: { id: string; kind: string } }>(
      `mutation { createOrganization(input: { name: "Second Venture", kind: TENANT }) { id kind } }`,
      {},
      owner,
    );
    const orgId = created.data!.createOrganization.id;
    const org = await api.gql<{ organization: { id: string; name: string } }>(`{ organization { id name } }`, {}, { token: owner.token, orgId });
    expect(org.data?.organization).toEqual({ id: orgId, name: 'Second Venture' });
    const audit = await api.db.prisma.auditLog.findMany({ where: { orgId, action: 'organization.created' } });
    expect(audit).toHaveLength(1);
  });
});
