// Platform admin: verification, suspension, the dashboard list and stats, over real HTTP. Rows the admin
// acts on are made through the API where one exists; capacity, requests and deals go straight into the
// database (their modules are not what is tested here).
import type { Role } from '@gridshare/db';
import { type OrgFixture, createApiKey, createPlatformOrg, createSite, platformPerson as createPlatformPerson, signUpOrg, unique } from '../../testing/fixtures';
import { type Caller, type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let platformOrgId: string;
let admin: Caller & { userId: string };
let miner: OrgFixture;
let recording = false;
const statements: string[] = [];

const platformPerson = (role: Role) => createPlatformPerson(api, platformOrgId, role);

beforeAll(async () => {
  api = await startTestApi({ onQuery: (sql) => recording && statements.push(sql) });
  platformOrgId = await createPlatformOrg(api);
  admin = await platformPerson('OWNER');
  miner = await signUpOrg(api, 'MINER', 'admin-miner');
});
afterAll(() => api.close());

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function publishBlock(site: { id: string }, orgId: string, mw = 10, availableFrom = '2027-01-01', status: 'PUBLISHED' | 'DRAFT' = 'PUBLISHED') {
  return api.db.prisma.capacityBlock.create({
    data: {
      siteId: site.id,
      orgId,
      kind: 'COLOCATION',
      mw,
      firmMw: mw,
      availableFrom: day(availableFrom),
      priceCentsPerKwMonth: 12_000,
      minTermMonths: 12,
      status,
      publishedAt: status === 'PUBLISHED' ? new Date() : null,
    },
  });
}

/** Block ids the marketplace shows for a site: the view search reads. */
async function listedBlocks(siteId: string): Promise<string[]> {
  const rows = await api.db.prisma.$queryRaw<{ blockId: string }[]>`SELECT "blockId" FROM "MarketplaceListing" WHERE "siteId" = ${siteId}::uuid`;
  return rows.map((row) => row.blockId);
}

const VERIFY_SITE = `mutation ($id: ID!, $decision: VerificationDecision!) {
  verifySite(id: $id, decision: $decision) { id name verification country region gridOperator energizedMw createdAt organization { id name } } }`;
const VERIFY_ORG = `mutation ($id: ID!, $decision: VerificationDecision!) {
  verifyOrganization(id: $id, decision: $decision) { id kind status verification verifiedAt memberCount siteCount } }`;
const SUSPEND = `mutation ($id: ID!, $reason: String!) { suspendOrganization(id: $id, reason: $reason) { id status } }`;
const REINSTATE = `mutation ($id: ID!) { reinstateOrganization(id: $id) { id status } }`;
const STATS = `query ($from: Date!, $to: Date!) { marketplaceStats(from: $from, to: $to) {
  fromMonth toMonth
  listed { totalMw byRegion { region mw } byMonth { month mw } }
  requested { totalMw byRegion { region mw } byMonth { month mw } }
  underDeal { totalMw byRegion { region mw } byMonth { month mw } } } }`;
const QUEUE = `query ($first: Int, $orgsAfter: String, $sitesAfter: String) { verificationQueue {
  organizations(first: $first, after: $orgsAfter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id verification createdAt } } }
  sites(first: $first, after: $sitesAfter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id verification organization { id name } } } } } }`;
const ORGS = `query ($first: Int, $after: String, $filter: AdminOrganizationFilter) {
  adminOrganizations(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind status memberCount siteCount } } } }`;

describe('site verification', () => {
  it('verifying a site puts its published capacity in the marketplace; rejecting takes it out', async () => {
    const site = await createSite(api, miner, { region: 'Texas' });
    const block = await publishBlock(site, miner.orgId);
    await publishBlock(site, miner.orgId, 5, '2027-02-01', 'DRAFT');
    expect(await listedBlocks(site.id)).toEqual([]);

    const verified = await api.gql<{ verifySite: Record<string, unknown> }>(VERIFY_SITE, { id: site.id, decision: 'VERIFIED' }, admin);
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifySite).toMatchObject({ id: site.id, name: site.name, verification: 'VERIFIED', region: 'Texas', organization: { id: miner.orgId } });
    expect(await listedBlocks(site.id)).toEqual([block.id]);
    expect((await api.db.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).verifiedAt).toBeInstanceOf(Date);

    const again = await api.gql(VERIFY_SITE, { id: site.id, decision: 'VERIFIED' }, admin);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/already VERIFIED/);

    const rejected = await api.gql<{ verifySite: { verification: string } }>(VERIFY_SITE, { id: site.id, decision: 'REJECTED' }, admin);
    expect(rejected.data?.verifySite.verification).toBe('REJECTED');
    expect(await listedBlocks(site.id)).toEqual([]);
    expect((await api.db.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).verifiedAt).toBeNull();

    const audit = await api.db.prisma.auditLog.findMany({ where: { entityId: site.id, action: { startsWith: 'admin.' } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => [row.orgId, row.actor, row.action])).toEqual([
      [miner.orgId, `user:${admin.userId}`, 'admin.site_verified'],
      [miner.orgId, `user:${admin.userId}`, 'admin.site_rejected'],
    ]);
  });

  it('verifies and rejects organisations; an unknown id is NOT_FOUND', async () => {
    const tenant = await signUpOrg(api, 'TENANT', 'verify-org');
    const operator = await platformPerson('ADMIN');
    const verified = await api.gql<{ verifyOrganization: Record<string, unknown> }>(VERIFY_ORG, { id: tenant.orgId, decision: 'VERIFIED' }, operator);
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyOrganization).toMatchObject({ id: tenant.orgId, kind: 'TENANT', status: 'ACTIVE', verification: 'VERIFIED', memberCount: 1, siteCount: 0 });
    expect(verified.data?.verifyOrganization.verifiedAt).toEqual(expect.any(String));

    const rejected = await api.gql<{ verifyOrganization: { verification: string; verifiedAt: string | null } }>(
      VERIFY_ORG,
      { id: tenant.orgId, decision: 'REJECTED' },
      operator,
    );
    expect(rejected.data?.verifyOrganization).toMatchObject({ verification: 'REJECTED', verifiedAt: null });

    const audit = await api.db.prisma.auditLog.findMany({ where: { orgId: tenant.orgId, action: { startsWith: 'admin.' } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => [row.actor, row.action, row.changes])).toEqual([
      [`user:${operator.userId}`, 'admin.organization_verified', { verification: 'VERIFIED', previousVerification: 'UNVERIFIED' }],
      [`user:${operator.userId}`, 'admin.organization_rejected', { verification: 'REJECTED', previousVerification: 'VERIFIED' }],
    ]);
    expect(await api.db.prisma.auditLog.count({ where: { orgId: platformOrgId, action: { startsWith: 'admin.' } } })).toBe(0);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorCode(await api.gql(VERIFY_ORG, { id: missing, decision: 'VERIFIED' }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(VERIFY_SITE, { id: missing, decision: 'VERIFIED' }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(SUSPEND, { id: missing, reason: 'none' }, admin))).toBe('NOT_FOUND');
  });
});

describe('suspension', () => {
  it('refuses a suspended organisation at the door, hides its listings, and reinstates it', async () => {
    const host = await signUpOrg(api, 'MINER', 'suspend');
    const key = await createApiKey(api, host, ['SITES_READ']);
    const site = await createSite(api, host);
    const block = await publishBlock(site, host.orgId);
    await api.gql(VERIFY_SITE, { id: site.id, decision: 'VERIFIED' }, admin);
    expect(await listedBlocks(site.id)).toEqual([block.id]);

    const suspended = await api.gql<{ suspendOrganization: { status: string } }>(SUSPEND, { id: host.orgId, reason: '  Fake sites reported  ' }, admin);
    expect(suspended.data?.suspendOrganization.status).toBe('SUSPENDED');
    for (const caller of [host, { token: key.secret }]) {
      const refused = await api.gql(`{ organization { id } }`, {}, caller);
      expect(refused.status).toBe(403);
      expect(errorCode(refused)).toBe('FORBIDDEN');
    }
    expect(await listedBlocks(site.id)).toEqual([]);

    const twice = await api.gql(SUSPEND, { id: host.orgId, reason: 'again' }, admin);
    expect(errorCode(twice)).toBe('CONFLICT');
    expect(twice.errors?.[0]?.message).toMatch(/SUSPENDED/);

    const reinstated = await api.gql<{ reinstateOrganization: { status: string } }>(REINSTATE, { id: host.orgId }, admin);
    expect(reinstated.data?.reinstateOrganization.status).toBe('ACTIVE');
    const back = await api.gql<{ organization: { id: string } }>(`{ organization { id } }`, {}, host);
    expect(back.data?.organization.id).toBe(host.orgId);
    expect(await listedBlocks(site.id)).toEqual([block.id]);

    const active = await api.gql(REINSTATE, { id: host.orgId }, admin);
    expect(errorCode(active)).toBe('CONFLICT');
    expect(active.errors?.[0]?.message).toMatch(/ACTIVE/);

    const audit = await api.db.prisma.auditLog.findMany({ where: { orgId: host.orgId, action: { startsWith: 'admin.organization_' } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => [row.actor, row.action, row.changes])).toEqual([
      [`user:${admin.userId}`, 'admin.organization_suspended', { status: 'SUSPENDED', previousStatus: 'ACTIVE', reason: 'Fake sites reported' }],
      [`user:${admin.userId}`, 'admin.organization_reinstated', { status: 'ACTIVE', previousStatus: 'SUSPENDED' }],
    ]);
  });

  it('never suspends the PLATFORM organisation', async () => {
    const result = await api.gql(SUSPEND, { id: platformOrgId, reason: 'oops' }, admin);
    expect(errorCode(result)).toBe('CONFLICT');
    expect((await api.db.prisma.organization.findUniqueOrThrow({ where: { id: platformOrgId } })).status).toBe('ACTIVE');
  });
});

describe('verification queue', () => {
  type Queue = {
    verificationQueue: {
      organizations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] };
      sites: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; organization: { id: string; name: string } } }[] };
    };
  };

  it('lists organisations and sites awaiting verification, oldest first, page by page', async () => {
    // Dated before anything else in this file, so they head the queue in a known order.
    const orgs = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((label) => signUpOrg(api, 'MINER', `queue-${label}`)));
    const orgDates: [OrgFixture, string, 'UNVERIFIED' | 'PENDING' | 'VERIFIED' | 'REJECTED'][] = [
      [orgs[0]!, '2000-01-03', 'UNVERIFIED'],
      [orgs[1]!, '2000-01-01', 'UNVERIFIED'],
      [orgs[2]!, '2000-01-04', 'PENDING'],
      [orgs[3]!, '1999-01-01', 'VERIFIED'],
      [orgs[4]!, '1999-01-02', 'REJECTED'],
    ];
    for (const [org, createdAt, verification] of orgDates) {
      await api.db.prisma.organization.update({ where: { id: org.orgId }, data: { createdAt: day(createdAt), verification } });
    }
    const host = orgs[0]!;
    const sites = await Promise.all(['s1', 's2', 's3', 's4', 's5'].map((name) => createSite(api, host, { name })));
    const siteDates: [string, 'UNVERIFIED' | 'PENDING' | 'VERIFIED', 'ACTIVE' | 'ARCHIVED'][] = [
      ['2000-02-02', 'PENDING', 'ACTIVE'],
      ['2000-02-01', 'UNVERIFIED', 'ACTIVE'],
      ['2000-02-03', 'UNVERIFIED', 'ACTIVE'],
      ['1999-02-01', 'VERIFIED', 'ACTIVE'],
      ['1999-02-02', 'UNVERIFIED', 'ARCHIVED'],
    ];
    for (const [i, [createdAt, verification, status]] of siteDates.entries()) {
      await api.db.prisma.site.update({ where: { id: sites[i]!.id }, data: { createdAt: day(createdAt), verification, status } });
    }

    const first = await api.gql<Queue>(QUEUE, { first: 2 }, admin);
    expect(first.errors).toBeUndefined();
    const queue = first.data!.verificationQueue;
    expect(queue.organizations.edges.map((e) => e.node.id)).toEqual([orgs[1]!.orgId, orgs[0]!.orgId]);
    expect(queue.sites.edges.map((e) => e.node.id)).toEqual([sites[1]!.id, sites[0]!.id]);
    expect(queue.sites.edges[0]!.node.organization.id).toBe(host.orgId);
    expect(queue.organizations.pageInfo.hasNextPage).toBe(true);
    expect(queue.organizations.totalCount).toBe(await api.db.prisma.organization.count({ where: { verification: { in: ['UNVERIFIED', 'PENDING'] } } }));
    expect(queue.sites.totalCount).toBe(
      await api.db.prisma.site.count({ where: { verification: { in: ['UNVERIFIED', 'PENDING'] }, status: 'ACTIVE' } }),
    );

    const second = await api.gql<Queue>(
      QUEUE,
      { first: 2, orgsAfter: queue.organizations.pageInfo.endCursor, sitesAfter: queue.sites.pageInfo.endCursor },
      admin,
    );
    expect(second.data!.verificationQueue.organizations.edges[0]!.node.id).toBe(orgs[2]!.orgId);
    expect(second.data!.verificationQueue.sites.edges[0]!.node.id).toBe(sites[2]!.id);
    const queuedIds = [...queue.organizations.edges, ...second.data!.verificationQueue.organizations.edges].map((e) => e.node.id);
    expect(queuedIds).not.toContain(orgs[3]!.orgId);
    expect(queuedIds).not.toContain(orgs[4]!.orgId);
  });
});

describe('admin organisation list', () => {
  type Orgs = { adminOrganizations: { totalCount: number; edges: { node: { id: string; name: string; kind: string; status: string; memberCount: number; siteCount: number } }[] } };

  it('filters by kind, status and name (ignoring case), with member and site counts', async () => {
    const tag = unique('Zephyr');
    const host = await signUpOrg(api, 'MINER', 'list-host');
    const tenant = await signUpOrg(api, 'TENANT', 'list-tenant');
    await api.db.prisma.organization.update({ where: { id: host.orgId }, data: { name: `${tag} Hash` } });
    await api.db.prisma.organization.update({ where: { id: tenant.orgId }, data: { name: `${tag} AI`, status: 'SUSPENDED' } });
    await createSite(api, host);
    const archived = await createSite(api, host);
    await api.db.prisma.site.update({ where: { id: archived.id }, data: { status: 'ARCHIVED' } });
    await api.db.prisma.membership.create({ data: { orgId: host.orgId, userId: tenant.userId, role: 'VIEWER' } });

    const all = await api.gql<Orgs>(ORGS, { filter: { search: tag.toLowerCase() } }, admin);
    expect(all.errors).toBeUndefined();
    expect(all.data?.adminOrganizations.totalCount).toBe(2);
    expect(all.data?.adminOrganizations.edges.map((e) => e.node)).toEqual([
      { id: tenant.orgId, name: `${tag} AI`, kind: 'TENANT', status: 'SUSPENDED', memberCount: 1, siteCount: 0 },
      { id: host.orgId, name: `${tag} Hash`, kind: 'MINER', status: 'ACTIVE', memberCount: 2, siteCount: 1 },
    ]);
    const miners = await api.gql<Orgs>(ORGS, { filter: { search: tag.toUpperCase(), kind: 'MINER' } }, admin);
    expect(miners.data?.adminOrganizations.edges.map((e) => e.node.id)).toEqual([host.orgId]);
    const suspended = await api.gql<Orgs>(ORGS, { filter: { search: tag, status: 'SUSPENDED' } }, admin);
    expect(suspended.data?.adminOrganizations.edges.map((e) => e.node.id)).toEqual([tenant.orgId]);
    // LIKE wildcards in the search are plain text.
    const wildcard = await api.gql<Orgs>(ORGS, { filter: { search: `${tag.slice(0, 3)}_%` } }, admin);
    expect(wildcard.data?.adminOrganizations.totalCount).toBe(0);
    const platform = await api.gql<Orgs>(ORGS, { filter: { kind: 'PLATFORM' } }, admin);
    expect(platform.data?.adminOrganizations.edges.map((e) => e.node.id)).toEqual([platformOrgId]);
  });

  it('lists 50 organisations with their counts in a fixed number of SQL queries', async () => {
    const tag = unique('Bulk');
    await api.db.prisma.organization.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ name: `${tag} ${i}`, kind: 'MINER' as const })) });
    const query = async (first: number) => {
      statements.length = 0;
      recording = true;
      const result = await api.gql<Orgs>(ORGS, { first, filter: { search: tag } }, admin);
      recording = false;
      expect(result.errors).toBeUndefined();
      expect(result.data?.adminOrganizations.edges).toHaveLength(first);
      expect(result.data?.adminOrganizations.totalCount).toBe(50);
      return statements.filter((sql) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql)).length;
    };
    const forFifty = await query(50);
    expect(forFifty).toBe(await query(5));
    // Session, page, member counts, site counts (both GROUP BY over the page's ids), total.
    expect(forFifty).toBeLessThanOrEqual(5);
  });
});

const AUDIT = `query ($first: Int, $after: String, $filter: AuditLogFilter) { adminAuditLog(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id organization { id name } actor actorName action entityType entityId changes createdAt } } } }`;
type AuditPage = { adminAuditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; organization: { id: string }; actor: string; actorName: string | null; action: string; entityType: string; entityId: string; changes: Record<string, unknown> | null; createdAt: string } }[] } };

describe('admin audit log', () => {
  it('lists every organisation’s lines newest first, filtered by organisation, action prefix, entity type and days, page by page', async () => {
    const org = await signUpOrg(api, 'MINER', 'audit-read');
    const first = await createSite(api, org);
    const second = await createSite(api, org);
    await api.gql(SUSPEND, { id: org.orgId, reason: 'audit test' }, admin);
    await api.gql(REINSTATE, { id: org.orgId }, admin);

    const mine = await api.gql<AuditPage>(AUDIT, { first: 10, filter: { organizationId: org.orgId } }, admin);
    expect(mine.errors).toBeUndefined();
    const lines = mine.data!.adminAuditLog.edges.map((e) => e.node);
    expect(lines.map((l) => [l.action, l.entityId])).toEqual(
      expect.arrayContaining([
        ['site.created', first.id],
        ['site.created', second.id],
        ['admin.organization_suspended', org.orgId],
        ['admin.organization_reinstated', org.orgId],
      ]),
    );
    expect(lines.every((l) => l.organization.id === org.orgId)).toBe(true);
    const times = lines.map((l) => l.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(lines.find((l) => l.action === 'admin.organization_suspended')).toMatchObject({ actor: `user:${admin.userId}`, changes: expect.objectContaining({ reason: 'audit test' }) });
    expect(mine.data!.adminAuditLog.totalCount).toBe(lines.length);
    // Who acted, in words: the person who created the sites, the admin who suspended.
    const adminUser = await api.db.prisma.user.findUniqueOrThrow({ where: { id: admin.userId } });
    expect(lines.find((l) => l.action === 'site.created')?.actorName).toBe('Person audit-read');
    expect(lines.find((l) => l.action === 'admin.organization_suspended')?.actorName).toBe(adminUser.name);

    const sites = await api.gql<AuditPage>(AUDIT, { filter: { organizationId: org.orgId, action: 'site.', entityType: 'Site' } }, admin);
    expect(sites.data!.adminAuditLog.edges.map((e) => e.node.entityId).sort()).toEqual([first.id, second.id].sort());
    // LIKE wildcards are text: "site_" matches nothing here, not "sites" or "site.".
    expect((await api.gql<AuditPage>(AUDIT, { filter: { organizationId: org.orgId, action: 'site_' } }, admin)).data!.adminAuditLog.totalCount).toBe(0);

    const today = new Date().toISOString().slice(0, 10);
    expect((await api.gql<AuditPage>(AUDIT, { filter: { organizationId: org.orgId, from: today, to: today } }, admin)).data!.adminAuditLog.totalCount).toBe(lines.length);
    expect((await api.gql<AuditPage>(AUDIT, { filter: { organizationId: org.orgId, to: '2000-01-01' } }, admin)).data!.adminAuditLog.totalCount).toBe(0);

    const page1 = await api.gql<AuditPage>(AUDIT, { first: 2, filter: { organizationId: org.orgId } }, admin);
    expect(page1.data!.adminAuditLog.pageInfo.hasNextPage).toBe(true);
    const page2 = await api.gql<AuditPage>(AUDIT, { first: 2, after: page1.data!.adminAuditLog.pageInfo.endCursor, filter: { organizationId: org.orgId } }, admin);
    const ids = [...page1.data!.adminAuditLog.edges, ...page2.data!.adminAuditLog.edges].map((e) => e.node.id);
    expect(ids).toEqual(lines.slice(0, 4).map((l) => l.id));
  });

  it('never shows a secret: API-key creation is logged without the key', async () => {
    const org = await signUpOrg(api, 'PARTNER', 'audit-secret');
    const key = await createApiKey(api, org, ['ORG_READ']);
    const page = await api.gql<AuditPage>(AUDIT, { filter: { organizationId: org.orgId } }, admin);
    expect(page.data!.adminAuditLog.totalCount).toBeGreaterThan(0);
    expect(JSON.stringify(page)).not.toContain(key.secret);
  });
});

describe('marketplace stats', () => {
  it('sums MW listed, requested and under deal by region and by month', async () => {
    // Everything dated 2030-12 … 2031-04; nothing else in this file uses those months.
    const host = await signUpOrg(api, 'MINER', 'stats-host');
    const tenant = await signUpOrg(api, 'TENANT', 'stats-tenant');
    const texas = await createSite(api, host, { region: 'Texas' });
    const ohio = await createSite(api, host, { region: 'Ohio', gridOperator: 'PJM' });
    // Listed: PUBLISHED only, whole months from `from`'s month (so 2031-01-02 counts) to `to`'s month.
    await publishBlock(texas, host.orgId, 10.5, '2031-01-02');
    await publishBlock(texas, host.orgId, 20, '2031-02-01');
    await publishBlock(ohio, host.orgId, 5.25, '2031-01-31');
    await publishBlock(texas, host.orgId, 100, '2031-01-10', 'DRAFT');
    await publishBlock(ohio, host.orgId, 7, '2031-04-01');
    await publishBlock(texas, host.orgId, 3, '2030-12-31');

    const request = (totalMw: number, regions: string[], neededBy: string, status: 'OPEN' | 'DRAFT' | 'WITHDRAWN' = 'OPEN') =>
      api.db.prisma.colocationRequest.create({
        data: {
          orgId: tenant.orgId,
          title: unique('Request'),
          totalMw,
          minContiguousMw: totalMw,
          phases: [{ mw: totalMw, neededBy }],
          neededBy: day(neededBy),
          countries: [],
          regions,
          gridOperators: [],
          termMonths: 60,
          status,
        },
      });
    // Requested: OPEN only; a request naming two regions counts under both, one naming none under "Any".
    const anchor = await request(50, ['Texas', 'Ohio'], '2031-03-01');
    await request(40, [], '2031-01-20');
    await request(12.5, ['Texas'], '2031-03-31');
    await request(99, ['Texas'], '2031-02-01', 'DRAFT');
    await request(77, ['Ohio'], '2031-02-01', 'WITHDRAWN');
    await request(8, ['Ohio'], '2031-04-01');

    const deal = (mw: number, site: { id: string }, startDate: string, status: 'PROPOSED' | 'ACCEPTED' | 'SIGNED' | 'ACTIVE' | 'ENDED' | 'REJECTED') =>
      api.db.prisma.deal.create({
        data: { hostOrgId: host.orgId, tenantOrgId: tenant.orgId, requestId: anchor.id, siteId: site.id, mw, priceCentsPerKwMonth: 12_000, termMonths: 60, startDate: day(startDate), status },
      });
    // Under deal: ACCEPTED, SIGNED, ACTIVE, by the deal's site's region.
    await deal(30, texas, '2031-02-10', 'ACCEPTED');
    await deal(20, ohio, '2031-02-28', 'SIGNED');
    await deal(5, texas, '2031-03-01', 'ACTIVE');
    await deal(100, texas, '2031-02-01', 'PROPOSED');
    await deal(60, ohio, '2031-02-01', 'ENDED');
    await deal(45, ohio, '2031-02-01', 'REJECTED');
    await deal(9, texas, '2031-04-01', 'ACTIVE');

    statements.length = 0;
    recording = true;
    const result = await api.gql<{ marketplaceStats: unknown }>(STATS, { from: '2031-01-15', to: '2031-03-02' }, admin);
    recording = false;
    expect(result.errors).toBeUndefined();
    expect(result.data?.marketplaceStats).toEqual({
      fromMonth: '2031-01',
      toMonth: '2031-03',
      listed: {
        totalMw: 35.75,
        byRegion: [{ region: 'Texas', mw: 30.5 }, { region: 'Ohio', mw: 5.25 }],
        byMonth: [{ month: '2031-01', mw: 15.75 }, { month: '2031-02', mw: 20 }, { month: '2031-03', mw: 0 }],
      },
      requested: {
        totalMw: 102.5,
        byRegion: [{ region: 'Texas', mw: 62.5 }, { region: 'Ohio', mw: 50 }, { region: 'Any', mw: 40 }],
        byMonth: [{ month: '2031-01', mw: 40 }, { month: '2031-02', mw: 0 }, { month: '2031-03', mw: 62.5 }],
      },
      underDeal: {
        totalMw: 55,
        byRegion: [{ region: 'Texas', mw: 35 }, { region: 'Ohio', mw: 20 }],
        byMonth: [{ month: '2031-01', mw: 0 }, { month: '2031-02', mw: 50 }, { month: '2031-03', mw: 5 }],
      },
    });
    // Aggregated in SQL: the session lookup and one GROUP BY per measure, however many rows there are.
    const reads = statements.filter((sql) => /^\s*(SELECT|WITH)\b/i.test(sql));
    expect(reads).toHaveLength(4);
    expect(reads.filter((sql) => /GROUP BY/i.test(sql))).toHaveLength(3);
  });
});

describe('who may administer', () => {
  let site: { id: string };
  let others: [label: string, caller: () => Promise<Caller>, expected: string][];

  beforeAll(async () => {
    site = await createSite(api, miner);
    const keyOwner = await platformPerson('OWNER');
    const everyScope = ['ORG_READ', 'SITES_READ', 'SITES_WRITE', 'CAPACITY_READ', 'CAPACITY_WRITE', 'REQUESTS_READ', 'REQUESTS_WRITE', 'DEALS_READ', 'DEALS_WRITE', 'BILLING_READ'];
    const key = await createApiKey(api, keyOwner, everyScope);
    // A platform admin who also belongs to a miner, acting for the miner (X-Org-Id).
    const twoHats = await platformPerson('ADMIN');
    await api.db.prisma.membership.create({ data: { orgId: miner.orgId, userId: twoHats.userId, role: 'OWNER' } });
    others = [
      ['a miner OWNER', async () => miner, 'FORBIDDEN'],
      ['a platform VIEWER', () => platformPerson('VIEWER'), 'FORBIDDEN'],
      ['a platform MEMBER', () => platformPerson('MEMBER'), 'FORBIDDEN'],
      ['a platform API key with every scope', async () => ({ token: key.secret }), 'FORBIDDEN'],
      ['a platform admin acting for a miner', async () => ({ ...twoHats, orgId: miner.orgId }), 'FORBIDDEN'],
      ['an anonymous caller', async () => ({}), 'UNAUTHENTICATED'],
    ];
  });

  async function snapshot() {
    const p = api.db.prisma;
    return {
      orgs: await p.organization.findMany({ where: { id: { in: [miner.orgId, platformOrgId] } }, orderBy: { id: 'asc' } }),
      site: await p.site.findUnique({ where: { id: site.id } }),
      audit: await p.auditLog.count(),
    };
  }

  const operations: [name: string, query: string, variables: () => Record<string, unknown>][] = [
    ['verificationQueue', QUEUE, () => ({ first: 5 })],
    ['adminOrganizations', ORGS, () => ({ first: 5 })],
    ['marketplaceStats', STATS, () => ({ from: '2027-01-01', to: '2027-12-31' })],
    ['adminAuditLog', AUDIT, () => ({ first: 5 })],
    ['verifyOrganization', VERIFY_ORG, () => ({ id: miner.orgId, decision: 'VERIFIED' })],
    ['verifySite', VERIFY_SITE, () => ({ id: site.id, decision: 'VERIFIED' })],
    ['suspendOrganization', SUSPEND, () => ({ id: miner.orgId, reason: 'no' })],
    ['reinstateOrganization', REINSTATE, () => ({ id: miner.orgId })],
  ];

  it('refuses everyone but platform ADMINs and OWNERs, and changes nothing', async () => {
    for (const [label, makeCaller, expected] of others) {
      const caller = await makeCaller();
      for (const [name, query, variables] of operations) {
        const before = await snapshot();
        const result = await api.gql(query, variables(), caller);
        expect({ label, name, data: result.data ?? null, code: errorCode(result) }).toEqual({ label, name, data: null, code: expected });
        if (expected === 'FORBIDDEN') expect(result.errors?.[0]?.message).toMatch(/Only platform admins can/);
        expect(await snapshot()).toEqual(before);
      }
    }
  });
});

describe('bad input', () => {
  let site: { id: string };
  beforeAll(async () => {
    site = await createSite(api, miner);
  });

  async function rowCounts() {
    const p = api.db.prisma;
    return {
      orgs: await p.organization.findMany({ where: { id: miner.orgId } }),
      site: await p.site.findUnique({ where: { id: site.id } }),
      audit: await p.auditLog.count(),
    };
  }

  const TEN_KB = 'x'.repeat(10 * 1024);
  const cases: [label: string, query: string, variables: () => Record<string, unknown>, field: RegExp][] = [
    ['verifySite: unknown decision', VERIFY_SITE, () => ({ id: site.id, decision: 'MAYBE' }), /decision/],
    ['verifyOrganization: unknown decision', VERIFY_ORG, () => ({ id: miner.orgId, decision: 'PENDING' }), /decision/],
    ['verifySite: id not a UUID', VERIFY_SITE, () => ({ id: 'site-1', decision: 'VERIFIED' }), /^id/],
    ['verifyOrganization: id not a UUID', VERIFY_ORG, () => ({ id: '1 OR 1=1', decision: 'VERIFIED' }), /^id/],
    ['suspendOrganization: id not a UUID', SUSPEND, () => ({ id: 'x', reason: 'fraud' }), /^id/],
    ['reinstateOrganization: id not a UUID', REINSTATE, () => ({ id: 'x' }), /^id/],
    ['suspendOrganization: empty reason', SUSPEND, () => ({ id: miner.orgId, reason: '   ' }), /^reason/],
    ['suspendOrganization: 10 KB reason', SUSPEND, () => ({ id: miner.orgId, reason: TEN_KB }), /^reason/],
    ['marketplaceStats: from after to', STATS, () => ({ from: '2027-06-01', to: '2027-05-31' }), /^from/],
    ['marketplaceStats: 40-month range', STATS, () => ({ from: '2027-01-01', to: '2030-04-30' }), /^to/],
    ['marketplaceStats: not a date', STATS, () => ({ from: '2027-13-45', to: '2028-01-01' }), /from/],
    ['adminOrganizations: page of 101', ORGS, () => ({ first: 101 }), /^first/],
    ['adminOrganizations: 10 KB search', ORGS, () => ({ filter: { search: TEN_KB } }), /^filter\.search/],
    ['adminOrganizations: unknown kind', ORGS, () => ({ filter: { kind: 'ROBOT' } }), /ROBOT/],
    ['adminAuditLog: organisation id not a UUID', AUDIT, () => ({ filter: { organizationId: 'acme' } }), /^filter\.organizationId/],
    ['adminAuditLog: empty action', AUDIT, () => ({ filter: { action: '  ' } }), /^filter\.action/],
    ['adminAuditLog: from after to', AUDIT, () => ({ filter: { from: '2027-02-01', to: '2027-01-31' } }), /^filter\.from/],
    ['adminAuditLog: unknown filter field', AUDIT, () => ({ filter: { orgId: miner.orgId } }), /orgId/],
    ['verificationQueue: page of 0', QUEUE, () => ({ first: 0 }), /^first/],
  ];

  it.each(cases)('%s: BAD_USER_INPUT naming the field, nothing written', async (_label, query, variables, field) => {
    const before = await rowCounts();
    const result = await api.gql(query, variables(), admin);
    expect(result.data ?? null).toBeNull();
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(`${error?.extensions?.field ?? ''} ${error?.message}`).toMatch(field);
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts a range of exactly 36 months', async () => {
    const result = await api.gql<{ marketplaceStats: { listed: { byMonth: { month: string }[] } } }>(
      `{ marketplaceStats(from: "2027-01-31", to: "2029-12-01") { listed { byMonth { month } } } }`,
      {},
      admin,
    );
    expect(result.errors).toBeUndefined();
    const months = result.data!.marketplaceStats.listed.byMonth.map((entry) => entry.month);
    expect([months.length, months[0], months.at(-1)]).toEqual([36, '2027-01', '2029-12']);
  });
});
