// Signing an agreed scenario over real HTTP: each party signs one scenario (or the deal's own terms), a
// different signature clears the other's, the deal is SIGNED when both match and its agreement is frozen
// from then on, whatever anyone saves later.
import {
  type OrgFixture,
  createListedBlock,
  createRequest,
  dealInput,
  mutate,
  proposeDeal,
  signUpOrg,
} from '../../testing/fixtures';
import { WORKED_DEAL, WORKED_SCENARIO, saveDealScenario, signDeal } from '../../testing/settlement-fixtures';
import { type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let host: OrgFixture;
let tenant: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  host = await signUpOrg(api, 'MINER', 'sign-host');
  tenant = await signUpOrg(api, 'TENANT', 'sign-tenant');
});
afterAll(() => api.close());


const DEAL = `query ($id: ID!) { deal(id: $id) { status hostSignedAt tenantSignedAt hostSignedScenario tenantSignedScenario
  slaTiers { minAvailabilityPct creditPct } maintenanceAllowanceHours hashpriceSource disputeWindowDays
  agreement { scenarioId scenario { id name } agreedAt inputs terms { priceUsdPerKwMonth contractedMw pue energyMarginPct jPerTh poolFeePct
    variableOpexUsdPerMwh tenantBackfillSharePct tenantDemandResponseSharePct platformFeePct slaTiers { minAvailabilityPct creditPct }
    availabilityCommitmentPct maintenanceAllowanceHours hashpriceSource disputeWindowDays } } } }`;

interface DealView {
  status: string;
  hostSignedAt: string | null;
  tenantSignedAt: string | null;
  hostSignedScenario: string | null;
  tenantSignedScenario: string | null;
  agreement: null | {
    scenarioId: string | null;
    scenario: { id: string; name: string } | null;
    inputs: { market: { hashpriceUsdPerPhDay: number }; site: { pue: number }; deal: { colocationUsdPerKwMonth: number } };
    terms: Record<string, unknown>;
  };
  [field: string]: unknown;
}

const readDeal = async (id: string, caller: OrgFixture) => (await api.gql<{ deal: DealView }>(DEAL, { id }, caller)).data!.deal;

/** An ACCEPTED deal (50 MW, $150/kW-month, host 50% of backfill, 3% fee) with `overrides`. */
async function acceptedDeal(overrides: Record<string, unknown> = {}): Promise<string> {
  const request = await createRequest(api, tenant, { open: true });
  const listed = await createListedBlock(api, host, { mw: 60, firmMw: 50 });
  const deal = await proposeDeal(api, host, dealInput(request.id, [listed.blockId], { ...WORKED_DEAL, ...overrides }));
  await mutate(api, tenant, 'acceptDeal', `mutation ($id: ID!) { acceptDeal(id: $id) { id } }`, { id: deal.id });
  return deal.id;
}

describe('signing an agreed scenario', () => {
  it('a different scenario clears the other party’s signature; the same one makes the deal SIGNED and freezes it', async () => {
    const dealId = await acceptedDeal();
    const hostScenario = await saveDealScenario(api, host, dealId, WORKED_SCENARIO, 'host view');
    // The tenant's own view: another PUE and fleet, and terms of its own that the deal's overwrite.
    const tenantInputs = { ...WORKED_SCENARIO, site: { interconnectionMw: 100, pue: 1.25 }, mining: { jPerTh: 15, poolFeePercent: 1.5, variableOpexUsdPerMwh: 1 }, deal: { colocationUsdPerKwMonth: 90, platformFeePercent: 9, revenueShare: { hostPercent: 90, tenantPercent: 10 }, energyPassThrough: { kind: 'margin', marginPercent: 4 } } };
    const tenantScenario = await saveDealScenario(api, tenant, dealId, tenantInputs, 'tenant view');

    await signDeal(api, host, dealId, hostScenario.id);
    expect(await readDeal(dealId, tenant)).toMatchObject({ status: 'ACCEPTED', hostSignedScenario: hostScenario.id, tenantSignedScenario: null, agreement: null });

    // The tenant signs its own: the host's signature is cleared; the host must sign again.
    await signDeal(api, tenant, dealId, tenantScenario.id);
    expect(await readDeal(dealId, host)).toMatchObject({ status: 'ACCEPTED', hostSignedAt: null, hostSignedScenario: null, tenantSignedScenario: tenantScenario.id, agreement: null });
    const cleared = await api.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: dealId, action: 'deal.sign', actor: `user:${tenant.userId}` } });
    expect(cleared.changes).toMatchObject({ side: 'TENANT', scenario: tenantScenario.id, clearedSignatureOf: 'HOST', clearedScenario: hostScenario.id });

    // The host comes round: SIGNED, on the tenant's scenario, with the deal's own price, MW, shares and fee.
    const signed = await signDeal(api, host, dealId, tenantScenario.id);
    expect(signed.status).toBe('SIGNED');
    const deal = await readDeal(dealId, tenant);
    expect(deal).toMatchObject({ status: 'SIGNED', hostSignedScenario: tenantScenario.id, tenantSignedScenario: tenantScenario.id });
    expect(deal.agreement).toMatchObject({ scenarioId: tenantScenario.id, scenario: { id: tenantScenario.id, name: 'tenant view' } });
    expect(deal.agreement?.terms).toEqual({
      priceUsdPerKwMonth: 150,
      contractedMw: 50,
      pue: 1.25,
      energyMarginPct: 4,
      jPerTh: 15,
      poolFeePct: 1.5,
      variableOpexUsdPerMwh: 1,
      tenantBackfillSharePct: 50,
      tenantDemandResponseSharePct: 50,
      platformFeePct: 3,
      slaTiers: [
        { minAvailabilityPct: 99.9, creditPct: 0 },
        { minAvailabilityPct: 99.5, creditPct: 5 },
        { minAvailabilityPct: 99, creditPct: 10 },
        { minAvailabilityPct: 0, creditPct: 25 },
      ],
      availabilityCommitmentPct: 99.9,
      maintenanceAllowanceHours: 8,
      hashpriceSource: 'INDEX',
      disputeWindowDays: 7,
    });
    expect(deal.agreement?.inputs.deal.colocationUsdPerKwMonth).toBe(150);
    const events = await api.db.prisma.webhookDelivery.count({ where: { eventType: 'deal.signed' } });
    expect(events).toBe(0); // nobody subscribed; the event itself is covered in webhooks.int.test.ts

    // Signed is signed: a further signature is a CONFLICT, and nothing changes.
    const again = await api.gql(`mutation ($id: ID!, $s: ID) { signDeal(id: $id, scenarioId: $s) { id } }`, { id: dealId, s: hostScenario.id }, tenant);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('without a scenario both sign the deal’s own terms (DEFAULT) on the site’s figures, with the proposed settlement terms', async () => {
    const tiers = [
      { minAvailabilityPct: 99.99, creditPct: 0 },
      { minAvailabilityPct: 99, creditPct: 7.5 },
      { minAvailabilityPct: 0, creditPct: 30 },
    ];
    const dealId = await acceptedDeal({ slaTiers: tiers, maintenanceAllowanceHours: 12, hashpriceSource: 'POOL_STATEMENTS', disputeWindowDays: 10 });
    expect(await readDeal(dealId, tenant)).toMatchObject({ slaTiers: tiers, maintenanceAllowanceHours: 12, hashpriceSource: 'POOL_STATEMENTS', disputeWindowDays: 10 });
    await signDeal(api, tenant, dealId);
    expect(await readDeal(dealId, host)).toMatchObject({ tenantSignedScenario: 'DEFAULT', hostSignedScenario: null });
    await signDeal(api, host, dealId);
    const deal = await readDeal(dealId, host);
    expect(deal).toMatchObject({ status: 'SIGNED', hostSignedScenario: 'DEFAULT', tenantSignedScenario: 'DEFAULT' });
    // The site of fixtures.siteInput: PUE 1.15, energy $38.50/MWh; the fleet's defaults: 17.5 J/TH, 2% pool fee.
    expect(deal.agreement).toMatchObject({
      scenarioId: null,
      scenario: null,
      terms: { pue: 1.15, jPerTh: 17.5, poolFeePct: 2, contractedMw: 50, slaTiers: tiers, availabilityCommitmentPct: 99.99, maintenanceAllowanceHours: 12, hashpriceSource: 'POOL_STATEMENTS', disputeWindowDays: 10 },
    });
    const row = await api.db.prisma.dealAgreement.findUniqueOrThrow({ where: { dealId } });
    expect(row).toMatchObject({ scenarioId: null, hostOrgId: host.orgId, tenantOrgId: tenant.orgId });
  });

  it('refuses a scenario it cannot find or agree, and a bad proposal of terms, writing nothing', async () => {
    const dealId = await acceptedDeal();
    const otherDeal = await acceptedDeal();
    const foreign = await saveDealScenario(api, host, otherDeal, WORKED_SCENARIO);
    // Saved with 20 MW of IT it fits a 40 MW interconnection; with the deal's 50 MW written over it, it does not.
    const tooSmall = await saveDealScenario(api, host, dealId, { ...WORKED_SCENARIO, site: { interconnectionMw: 40, pue: 1.2 }, aiLoad: { contractedItMw: 20 } });
    const before = { deal: await api.db.prisma.deal.findUniqueOrThrow({ where: { id: dealId } }), audit: await api.db.prisma.auditLog.count() };
    const sign = (scenarioId: unknown) => api.gql(`mutation ($id: ID!, $s: ID) { signDeal(id: $id, scenarioId: $s) { id } }`, { id: dealId, s: scenarioId }, host);
    expect(errorCode(await sign(foreign.id))).toBe('NOT_FOUND');
    expect(errorCode(await sign('5b0f2a1e-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect((await sign('scenario-1')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scenarioId' });
    const unfit = await sign(tooSmall.id);
    expect(unfit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scenarioId' });
    expect(await api.db.prisma.deal.findUniqueOrThrow({ where: { id: dealId } })).toEqual(before.deal);
    expect(await api.db.prisma.auditLog.count()).toBe(before.audit);

    const request = await createRequest(api, tenant, { open: true });
    const listed = await createListedBlock(api, host, { mw: 60, firmMw: 50 });
    const propose = (overrides: Record<string, unknown>) =>
      api.gql(`mutation ($input: ProposeDealInput!) { proposeDeal(input: $input) { id } }`, { input: dealInput(request.id, [listed.blockId], { ...WORKED_DEAL, ...overrides }) }, host);
    const deals = await api.db.prisma.deal.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ slaTiers: [{ minAvailabilityPct: 99.9, creditPct: 5 }, { minAvailabilityPct: 0, creditPct: 25 }] }, 'input.slaTiers.0.creditPct'],
      [{ slaTiers: [{ minAvailabilityPct: 99.9, creditPct: 0 }, { minAvailabilityPct: 99.95, creditPct: 5 }, { minAvailabilityPct: 0, creditPct: 25 }] }, 'input.slaTiers.1.minAvailabilityPct'],
      [{ slaTiers: [{ minAvailabilityPct: 99.9, creditPct: 0 }, { minAvailabilityPct: 50, creditPct: 5 }] }, 'input.slaTiers.1.minAvailabilityPct'],
      [{ maintenanceAllowanceHours: 745 }, 'input.maintenanceAllowanceHours'],
      [{ disputeWindowDays: 0 }, 'input.disputeWindowDays'],
    ];
    for (const [overrides, field] of cases) expect((await propose(overrides)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await propose({ hashpriceSource: 'WHATEVER' })).errors?.[0]?.message).toMatch(/hashpriceSource|HashpriceSource/);
    expect(await api.db.prisma.deal.count()).toBe(deals);
  });

  it('the agreement never changes: later scenarios are analysis only, and the database refuses any update', async () => {
    const dealId = await acceptedDeal();
    const scenario = await saveDealScenario(api, host, dealId, WORKED_SCENARIO);
    await signDeal(api, host, dealId, scenario.id);
    await signDeal(api, tenant, dealId, scenario.id);
    const frozen = await api.db.prisma.dealAgreement.findUniqueOrThrow({ where: { dealId } });
    // Either party saves an absurd scenario afterwards: the agreement is what it was.
    await saveDealScenario(api, host, dealId, { ...WORKED_SCENARIO, market: { hashpriceUsdPerPhDay: 10_000 } });
    await saveDealScenario(api, tenant, dealId, { ...WORKED_SCENARIO, market: { hashpriceUsdPerPhDay: 10_000 } });
    expect(await api.db.prisma.dealAgreement.findUniqueOrThrow({ where: { dealId } })).toEqual(frozen);
    expect((await readDeal(dealId, host)).agreement?.scenarioId).toBe(scenario.id);
    // Not even the owner connection can change it.
    await expect(api.db.prisma.$executeRaw`UPDATE "DealAgreement" SET "terms" = jsonb_set("terms", '{platformFeeBps}', '0') WHERE "dealId" = ${dealId}::uuid`).rejects.toThrow(
      /cannot change/,
    );
    await expect(api.db.prisma.$executeRaw`SELECT freeze_deal_agreement(${dealId}::uuid, NULL, '{}'::jsonb, '{}'::jsonb)`).rejects.toThrow();
    expect(await api.db.prisma.dealAgreement.findUniqueOrThrow({ where: { dealId } })).toEqual(frozen);
  });
});
