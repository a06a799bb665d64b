// The database as the second wall (issue 14, item 10): connected as the API's runtime role, gridshare_app,
// each write the application already refuses is refused by PostgreSQL too, and what no organisation may read
// stays unreadable, with or without an organisation set.
import type { AppTx } from '@gridshare/db';
import { type OrgFixture, createListedBlock, createProposedDeal, createSite, signUpOrg, type ProposedDeal } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';

let api: TestApi;
let host: OrgFixture;
let tenant: OrgFixture;
let outsider: OrgFixture;
let deal: ProposedDeal;
let foreignDeal: ProposedDeal;

beforeAll(async () => {
  api = await startTestApi();
  host = await signUpOrg(api, 'MINER', 'role-host');
  tenant = await signUpOrg(api, 'TENANT', 'role-tenant');
  outsider = await signUpOrg(api, 'MINER', 'role-outsider');
  deal = await createProposedDeal(api, host, tenant);
  // A deal between two other organisations.
  foreignDeal = await createProposedDeal(api, outsider, await signUpOrg(api, 'TENANT', 'role-other-tenant'));
});
afterAll(() => api.close());

/** Runs `fn` as gridshare_app in one transaction, with `app.current_org` set to `orgId` (or unset). */
function asRuntimeRole<T>(orgId: string | null, fn: (tx: AppTx) => Promise<T>): Promise<T> {
  return api.db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'gridshare_app', true), set_config('app.current_org', ${orgId ?? ''}, true)`;
    return fn(tx);
  });
}

/** The SQLSTATE PostgreSQL refused with (42501: insufficient privilege or a row-level security violation). */
async function refusal(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
    return undefined;
  } catch (error) {
    const text = String((error as { meta?: unknown; message?: string }).message ?? error) + JSON.stringify((error as { meta?: unknown }).meta ?? {});
    return /42501|permission denied|row-level security/.test(text) ? '42501' : text;
  }
}

describe('accounts', () => {
  it('with no organisation set, no User row is readable', async () => {
    const rows = await asRuntimeRole(null, (tx) => tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "User"`);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('an organisation reads its own members only, and never a password hash', async () => {
    const users = await asRuntimeRole(host.orgId, (tx) => tx.$queryRaw<{ email: string }[]>`SELECT "email" FROM "User" WHERE "email" LIKE '%@example.test'`);
    expect(users.map((u) => u.email)).toEqual([host.email]);
    expect(await refusal(asRuntimeRole(host.orgId, (tx) => tx.$queryRaw`SELECT "passwordHash" FROM "User"`))).toBe('42501');
    expect(await refusal(asRuntimeRole(null, (tx) => tx.$queryRaw`SELECT "passwordHash" FROM "User"`))).toBe('42501');
  });
});

describe('revenue scenarios', () => {
  const insert = (tx: AppTx, orgId: string, subject: { dealId?: string; siteId?: string }) =>
    tx.$executeRaw`INSERT INTO "RevenueScenario" ("id", "orgId", "siteId", "dealId", "name", "inputs", "results")
                   VALUES (gen_random_uuid(), ${orgId}::uuid, ${subject.siteId ?? null}::uuid, ${subject.dealId ?? null}::uuid, 'x', '{}', '{}')`;

  it('cannot be saved against another organisation’s deal, even with the caller’s own orgId', async () => {
    expect(await refusal(asRuntimeRole(host.orgId, (tx) => insert(tx, host.orgId, { dealId: foreignDeal.dealId })))).toBe('42501');
  });

  it('cannot be saved against another organisation’s site', async () => {
    expect(await refusal(asRuntimeRole(host.orgId, (tx) => insert(tx, host.orgId, { siteId: foreignDeal.siteId })))).toBe('42501');
  });

  it('can be saved by either party against their deal, and by the owner against its site', async () => {
    await expect(asRuntimeRole(tenant.orgId, (tx) => insert(tx, tenant.orgId, { dealId: deal.dealId }))).resolves.toBe(1);
    await expect(asRuntimeRole(host.orgId, (tx) => insert(tx, host.orgId, { dealId: deal.dealId }))).resolves.toBe(1);
    const site = await createSite(api, host);
    await expect(asRuntimeRole(host.orgId, (tx) => insert(tx, host.orgId, { siteId: site.id }))).resolves.toBe(1);
  });

  it('cannot be moved onto another organisation’s deal', async () => {
    const write = asRuntimeRole(tenant.orgId, (tx) => tx.$executeRaw`UPDATE "RevenueScenario" SET "dealId" = ${foreignDeal.dealId}::uuid WHERE "dealId" = ${deal.dealId}::uuid`);
    expect(await refusal(write)).toBe('42501');
  });
});

describe('deal blocks', () => {
  it('a deal party cannot attach another host’s block to its deal', async () => {
    const { blockId } = await createListedBlock(api, outsider);
    for (const party of [host, tenant]) {
      const write = asRuntimeRole(party.orgId, (tx) => tx.$executeRaw`INSERT INTO "DealBlock" ("dealId", "blockId", "mw") VALUES (${deal.dealId}::uuid, ${blockId}::uuid, 1)`);
      expect(await refusal(write)).toBe('42501');
    }
  });

  it('a deal party cannot repoint or resize a block of its deal', async () => {
    const { blockId } = await createListedBlock(api, host);
    for (const party of [host, tenant]) {
      const write = asRuntimeRole(party.orgId, (tx) => tx.$executeRaw`UPDATE "DealBlock" SET "blockId" = ${blockId}::uuid, "mw" = 999 WHERE "dealId" = ${deal.dealId}::uuid`);
      expect(await refusal(write)).toBe('42501');
    }
  });
});

describe('deals', () => {
  const update = (orgId: string, column: string, value: number | string) =>
    asRuntimeRole(orgId, (tx) => tx.$executeRawUnsafe(`UPDATE "Deal" SET "${column}" = $1 WHERE "id" = $2::uuid`, value, deal.dealId));

  it.each([
    ['platformFeeBps', 0],
    ['priceCentsPerKwMonth', 1],
    ['hostMiningShareBps', 10_000],
    ['termMonths', 1],
    ['curtailFirst', 'AI'],
  ] as const)('neither party can set %s', async (column, value) => {
    for (const party of [host, tenant]) expect(await refusal(update(party.orgId, column, value))).toBe('42501');
  });

  it('neither party can hand the deal to another organisation or delete it', async () => {
    for (const party of [host, tenant]) {
      expect(await refusal(update(party.orgId, 'tenantOrgId', outsider.orgId))).toBe('42501');
      expect(await refusal(update(party.orgId, 'hostOrgId', outsider.orgId))).toBe('42501');
      expect(await refusal(asRuntimeRole(party.orgId, (tx) => tx.$executeRaw`DELETE FROM "Deal" WHERE "id" = ${deal.dealId}::uuid`))).toBe('42501');
    }
    const row = await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } });
    expect(row).toMatchObject({ hostOrgId: host.orgId, tenantOrgId: tenant.orgId, platformFeeBps: 300 });
  });

  it('the columns the application’s moves write stay writable', async () => {
    const moved = asRuntimeRole(tenant.orgId, (tx) => tx.$executeRaw`UPDATE "Deal" SET "status" = "status", "acceptedAt" = "acceptedAt", "updatedAt" = now() WHERE "id" = ${deal.dealId}::uuid`);
    await expect(moved).resolves.toBe(1);
  });

  it('only a host proposes, on its own site, to the tenant of an OPEN request', async () => {
    const insert = (orgId: string, parties: { host: string; tenant: string; siteId: string }) =>
      asRuntimeRole(orgId, (tx) => tx.$executeRaw`
        INSERT INTO "Deal" ("id", "hostOrgId", "tenantOrgId", "requestId", "siteId", "mw", "priceCentsPerKwMonth", "termMonths", "startDate", "platformFeeBps", "updatedAt")
        VALUES (gen_random_uuid(), ${parties.host}::uuid, ${parties.tenant}::uuid, ${deal.requestId}::uuid, ${parties.siteId}::uuid, 1, 1, 120, '2027-01-01', 0, now())`);
    // The tenant naming itself and a host of its choosing.
    expect(await refusal(insert(tenant.orgId, { host: host.orgId, tenant: tenant.orgId, siteId: deal.siteId }))).toBe('42501');
    // A host on another host's site.
    expect(await refusal(insert(host.orgId, { host: host.orgId, tenant: tenant.orgId, siteId: foreignDeal.siteId }))).toBe('42501');
  });
});

describe('the marketplace listing', () => {
  it('never shows who hosts a listing, though its public columns stay readable', async () => {
    expect(await refusal(asRuntimeRole(tenant.orgId, (tx) => tx.$queryRaw`SELECT "hostOrgId" FROM "MarketplaceListing"`))).toBe('42501');
    expect(await refusal(asRuntimeRole(tenant.orgId, (tx) => tx.$queryRaw`SELECT * FROM "MarketplaceListing"`))).toBe('42501');
    const rows = await asRuntimeRole(tenant.orgId, (tx) => tx.$queryRaw<{ blockId: string }[]>`SELECT "blockId", "region", "priceCentsPerKwMonth" FROM "MarketplaceListing" WHERE "siteId" = ${deal.siteId}::uuid`);
    expect(rows.map((row) => row.blockId)).toEqual([deal.blockId]);
  });
});
