// Membership by consent (issue 14, item 2): nobody is added to an organisation without accepting an
// invitation while signed in as the invited address; the token is shown once to the inviter and stored as a
// hash; invitations expire and can be revoked; the reply never says whether the address has an account;
// anyone may leave an organisation except its last OWNER.
import { sha256 } from '@gridshare/db';
import { type OrgFixture, signUpOrg } from '../../testing/fixtures';
import { type Caller, type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let owner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signUpOrg(api, 'MINER', 'inviter');
});
afterAll(() => api.close());


const INVITE = `mutation ($email: String!, $role: Role!) {
  inviteMember(input: { email: $email, role: $role }) { token invitation { id email role status expiresAt } }
}`;
const ACCEPT = `mutation ($token: String!) { acceptInvitation(token: $token) { role organization { id name } } }`;
const PREVIEW = `query ($token: String!) { receivedInvitation(token: $token) { role organization { id name } expiresAt } }`;
const REVOKE = `mutation ($id: ID!) { revokeInvitation(id: $id) { id status } }`;
const LEAVE = `mutation { leaveOrganization }`;
const MEMBERS = `{ members { edges { node { id role user { email } } } } }`;

interface Invited {
  token: string;
  invitation: { id: string; email: string; role: string; status: string; expiresAt: string };
}

async function invite(by: Caller, email: string, role = 'MEMBER'): Promise<Invited> {
  const result = await api.gql<{ inviteMember: Invited }>(INVITE, { email, role }, by);
  if (!result.data?.inviteMember) throw new Error(JSON.stringify(result.errors));
  return result.data.inviteMember;
}

const memberEmails = async (caller: Caller) =>
  (await api.gql<{ members: { edges: { node: { user: { email: string } } }[] } }>(MEMBERS, {}, caller)).data!.members.edges.map((e) => e.node.user.email);

describe('forced membership is gone', () => {
  it('an ADMIN can no longer add an existing account by email', async () => {
    const victim = await signUpOrg(api, 'TENANT', 'victim');
    const forced = await api.gql(`mutation ($e: String!) { addMember(input: { email: $e, role: VIEWER }) { id user { name } } }`, { e: victim.email }, owner);
    expect(forced.data ?? null).toBeNull();
    expect(await memberEmails(owner)).not.toContain(victim.email);
    expect(await api.db.prisma.membership.count({ where: { userId: victim.userId } })).toBe(1);
  });
});

describe('invitations', () => {
  it('answers an address with an account exactly as one without, naming nobody', async () => {
    const known = await signUpOrg(api, 'TENANT', 'known');
    const a = await invite(owner, known.email);
    const b = await invite(owner, 'nobody-here@example.test');
    const shape = (i: Invited) => ({ ...i, token: i.token.replace(/[\w-]{20,}$/, 'T'), invitation: { ...i.invitation, id: 'I', email: 'E', expiresAt: 'X' } });
    expect(shape(a)).toEqual(shape(b));
    expect(a.invitation).toMatchObject({ email: known.email, role: 'MEMBER', status: 'PENDING' });
    expect(JSON.stringify(a)).not.toMatch(/Person known/);
    expect(await memberEmails(owner)).not.toContain(known.email);
  });

  it('shows the token once and stores only its hash', async () => {
    const person = await signUpOrg(api, 'TENANT', 'hashed');
    const { token, invitation } = await invite(owner, person.email);
    expect(token).toMatch(/^gsi_[\w-]{43}$/);
    const row = await api.db.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await api.gql<{ invitations: { edges: { node: Record<string, unknown> }[] } }>(
      `{ invitations(first: 50) { edges { node { id email role status createdAt expiresAt } } } }`,
      {},
      owner,
    );
    expect(JSON.stringify(listed.data)).not.toContain(token);
    expect(listed.data!.invitations.edges.map((e) => e.node.id)).toContain(invitation.id);
  });

  it('lets the signed-in invitee see and accept it, and nobody else', async () => {
    const person = await signUpOrg(api, 'TENANT', 'invitee');
    const stranger = await signUpOrg(api, 'TENANT', 'stranger');
    const { token } = await invite(owner, person.email, 'VIEWER');

    expect(errorCode(await api.gql(ACCEPT, { token }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(ACCEPT, { token }, stranger))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(PREVIEW, { token }, stranger))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ACCEPT, { token: 'gsi_' + 'x'.repeat(43) }, person))).toBe('NOT_FOUND');

    const preview = await api.gql<{ receivedInvitation: { role: string; organization: { id: string } } }>(PREVIEW, { token }, person);
    expect(preview.data?.receivedInvitation).toMatchObject({ role: 'VIEWER', organization: { id: owner.orgId } });

    const accepted = await api.gql<{ acceptInvitation: { role: string; organization: { id: string } } }>(ACCEPT, { token }, person);
    expect(accepted.data?.acceptInvitation).toMatchObject({ role: 'VIEWER', organization: { id: owner.orgId } });
    const asPerson = { token: person.token, orgId: owner.orgId };
    expect((await api.gql<{ organization: { id: string } }>(`{ organization { id } }`, {}, asPerson)).data?.organization.id).toBe(owner.orgId);
    // Once used, the token is spent.
    expect(errorCode(await api.gql(ACCEPT, { token }, person))).toBe('CONFLICT');
    const audit = await api.db.prisma.auditLog.findMany({ where: { orgId: owner.orgId, action: 'invitation.accepted' } });
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses an expired or revoked invitation', async () => {
    const person = await signUpOrg(api, 'TENANT', 'late');
    const expired = await invite(owner, person.email);
    await api.db.prisma.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await api.gql(ACCEPT, { token: expired.token }, person);
    expect(errorCode(late)).toBe('CONFLICT');
    expect(late.errors?.[0]?.message).toMatch(/expired/);

    const revoked = await invite(owner, person.email);
    const revokedAnswer = await api.gql<{ revokeInvitation: { status: string } }>(REVOKE, { id: revoked.invitation.id }, owner);
    expect(revokedAnswer.data?.revokeInvitation.status).toBe('REVOKED');
    expect(errorCode(await api.gql(ACCEPT, { token: revoked.token }, person))).toBe('CONFLICT');
    expect(await memberEmails(owner)).not.toContain(person.email);
  });

  it('is for ADMINs and OWNERs; only an OWNER invites an OWNER; other organisations see nothing', async () => {
    const member = await signUpOrg(api, 'TENANT', 'plain-member');
    const { token } = await invite(owner, member.email, 'MEMBER');
    await api.gql(ACCEPT, { token }, member);
    const asMember = { token: member.token, orgId: owner.orgId };
    expect(errorCode(await api.gql(INVITE, { email: 'x@example.test', role: 'VIEWER' }, asMember))).toBe('FORBIDDEN');

    const admin = await signUpOrg(api, 'TENANT', 'admin');
    const adminInvite = await invite(owner, admin.email, 'ADMIN');
    await api.gql(ACCEPT, { token: adminInvite.token }, admin);
    const asAdmin = { token: admin.token, orgId: owner.orgId };
    expect(errorCode(await api.gql(INVITE, { email: 'boss@example.test', role: 'OWNER' }, asAdmin))).toBe('FORBIDDEN');

    const outsider = await signUpOrg(api, 'MINER', 'outsider');
    const mine = await invite(owner, 'someone@example.test');
    expect(errorCode(await api.gql(REVOKE, { id: mine.invitation.id }, outsider))).toBe('NOT_FOUND');
  });
});

describe('leaving an organisation', () => {
  it('lets a VIEWER leave on its own', async () => {
    const viewer = await signUpOrg(api, 'TENANT', 'leaver');
    const { token } = await invite(owner, viewer.email, 'VIEWER');
    await api.gql(ACCEPT, { token }, viewer);
    const asViewer = { token: viewer.token, orgId: owner.orgId };
    const left = await api.gql<{ leaveOrganization: string }>(LEAVE, {}, asViewer);
    expect(left.data?.leaveOrganization).toBe(owner.orgId);
    expect(await memberEmails(owner)).not.toContain(viewer.email);
    expect(errorCode(await api.gql(`{ organization { id } }`, {}, asViewer))).toBe('FORBIDDEN');
  });

  it('keeps the last OWNER, and lets an OWNER leave once another remains', async () => {
    const solo = await signUpOrg(api, 'MINER', 'solo');
    expect(errorCode(await api.gql(LEAVE, {}, solo))).toBe('CONFLICT');
    const second = await signUpOrg(api, 'MINER', 'co-owner');
    const { token } = await invite(solo, second.email, 'OWNER');
    await api.gql(ACCEPT, { token }, second);
    expect((await api.gql<{ leaveOrganization: string }>(LEAVE, {}, solo)).data?.leaveOrganization).toBe(solo.orgId);
    expect(errorCode(await api.gql(LEAVE, {}, { token: second.token, orgId: solo.orgId }))).toBe('CONFLICT');
  });
});
