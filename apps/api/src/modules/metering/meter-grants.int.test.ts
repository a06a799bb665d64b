// Metering grants: the host's ADMIN or OWNER lets a partner organisation record one deal's data; both
// parties and the partner see the grant (with names), nobody else; revoking ends the partner's access.
import { type OrgFixture, createApiKey, signUpOrg } from '../../testing/fixtures';
import { type MeteredDeal, createMeteredDeal, grantMeterAccess } from '../../testing/meter-fixtures';
import { type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let deal: MeteredDeal;
let partner: OrgFixture;
let other: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  deal = await createMeteredDeal(api);
  partner = await signUpOrg(api, 'PARTNER', 'grant-partner');
  other = await signUpOrg(api, 'MINER', 'grant-other');
});
afterAll(() => api.close());

const GRANT = `mutation ($input: GrantMeterAccessInput!) { grantMeterAccess(input: $input) { id dealId active host { id name } partner { id name } revokedAt } }`;
const REVOKE = `mutation ($id: ID!) { revokeMeterAccess(id: $id) { id active revokedAt } }`;
const LIST = `query ($filter: MeterGrantFilter) { meterGrants(filter: $filter) { totalCount edges { node { id dealId active host { name } partner { name } } } } }`;
type GrantList = { meterGrants: { totalCount: number; edges: { node: { id: string; dealId: string; active: boolean; host: { name: string }; partner: { name: string } } }[] } };

const grantRows = () => api.db.prisma.meterGrant.findMany({ where: { dealId: deal.dealId }, orderBy: { createdAt: 'asc' } });
const audits = (action: string) => api.db.prisma.auditLog.count({ where: { orgId: deal.host.orgId, action } });
const names = async (orgIds: string[]) =>
  Object.fromEntries((await api.db.prisma.organization.findMany({ where: { id: { in: orgIds } } })).map((org) => [org.id, org.name]));

describe('metering grants', () => {
  it('the host grants, everyone concerned lists it with names, the host revokes and may grant again', async () => {
    const orgNames = await names([deal.host.orgId, partner.orgId]);
    const granted = await api.gql<{ grantMeterAccess: Record<string, unknown> }>(GRANT, { input: { dealId: deal.dealId, partnerOrganizationId: partner.orgId } }, deal.host);
    expect(granted.data?.grantMeterAccess).toEqual({
      id: expect.any(String),
      dealId: deal.dealId,
      active: true,
      host: { id: deal.host.orgId, name: orgNames[deal.host.orgId] },
      partner: { id: partner.orgId, name: orgNames[partner.orgId] },
      revokedAt: null,
    });
    expect(await audits('meter.grant_created')).toBe(1);
    const id = granted.data!.grantMeterAccess.id as string;
    for (const viewer of [deal.host, deal.tenant, partner]) {
      const list = await api.gql<GrantList>(LIST, { filter: { dealId: deal.dealId } }, viewer);
      expect(list.data?.meterGrants).toEqual({
        totalCount: 1,
        edges: [{ node: { id, dealId: deal.dealId, active: true, host: { name: orgNames[deal.host.orgId] }, partner: { name: orgNames[partner.orgId] } } }],
      });
    }
    expect((await api.gql<GrantList>(LIST, {}, other)).data?.meterGrants).toEqual({ totalCount: 0, edges: [] });

    expect(errorCode(await api.gql(GRANT, { input: { dealId: deal.dealId, partnerOrganizationId: partner.orgId } }, deal.host))).toBe('CONFLICT');
    const revoked = await api.gql<{ revokeMeterAccess: { active: boolean; revokedAt: string } }>(REVOKE, { id }, deal.host);
    expect(revoked.data?.revokeMeterAccess).toEqual({ id, active: false, revokedAt: expect.any(String) });
    expect(errorCode(await api.gql(REVOKE, { id }, deal.host))).toBe('CONFLICT');
    expect((await api.gql<GrantList>(LIST, { filter: { dealId: deal.dealId, activeOnly: true } }, partner)).data?.meterGrants.totalCount).toBe(0);

    const again = await grantMeterAccess(api, deal.host, deal.dealId, partner.orgId);
    expect(again.id).toBe(id);
    expect((await grantRows()).map((row) => row.revokedAt)).toEqual([null]);
    expect(await audits('meter.grant_revoked')).toBe(1);
    await api.gql(REVOKE, { id }, deal.host);
  });

  it.each([
    ['the deal’s tenant as partner', () => deal.tenant.orgId],
    ['the host itself', () => deal.host.orgId],
    ['an organisation that does not exist', () => '00000000-0000-4000-8000-000000000000'],
  ])('refuses %s (BAD_USER_INPUT on input.partnerOrganizationId), writing nothing', async (_label, partnerOf) => {
    const before = await grantRows();
    const result = await api.gql(GRANT, { input: { dealId: deal.dealId, partnerOrganizationId: partnerOf() } }, deal.host);
    expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.partnerOrganizationId' }));
    expect(await grantRows()).toEqual(before);
  });

  it('only the host’s people with ADMIN grant or revoke: tenant FORBIDDEN, API keys FORBIDDEN, others NOT_FOUND', async () => {
    const before = await grantRows();
    const input = { dealId: deal.dealId, partnerOrganizationId: other.orgId };
    expect(errorCode(await api.gql(GRANT, { input }, deal.tenant))).toBe('FORBIDDEN');
    const key = await createApiKey(api, deal.host, ['METER_WRITE', 'DEALS_WRITE']);
    expect(errorCode(await api.gql(GRANT, { input }, { token: key.secret }))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(GRANT, { input: { ...input, partnerOrganizationId: partner.orgId } }, other))).toBe('NOT_FOUND');
    const grant = await grantMeterAccess(api, deal.host, deal.dealId, other.orgId);
    expect(errorCode(await api.gql(REVOKE, { id: grant.id }, deal.tenant))).toBe('FORBIDDEN');
    // The partner sees its grant, but it is not a party: the deal is NOT_FOUND to it.
    expect(errorCode(await api.gql(REVOKE, { id: grant.id }, other))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REVOKE, { id: grant.id }, partner))).toBe('NOT_FOUND');
    expect((await grantRows()).length).toBe(before.length + 1);
  });
});
