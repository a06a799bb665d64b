// Row-level security behind the hosting API, as the runtime role itself (withOrg: gridshare_app with
// app.current_org): what the application refuses, PostgreSQL refuses too.
import { withOrg } from '@gridshare/db';
import { type OrgFixture, createSite, mutate, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let host: OrgFixture;
let fleet: OrgFixture;
let stranger: OrgFixture;
let siteId: string;
let offerId: string;
let requestId: string;
let dealId: string;

const as = <T>(orgId: string, fn: Parameters<typeof withOrg<T>>[2]) => withOrg(api.db.prisma, { orgId }, fn);

beforeAll(async () => {
  api = await startTestApi();
  [host, fleet, stranger] = await Promise.all([signUpOrg(api, 'MINER', 'rls-host'), signUpOrg(api, 'MINER', 'rls-fleet'), signUpOrg(api, 'MINER', 'rls-stranger')]);
  siteId = (await createSite(api, host)).id;
  offerId = (
    await mutate<{ id: string }>(api, host, 'createHostingOffer', `mutation ($input: CreateHostingOfferInput!) { createHostingOffer(input: $input) { id } }`, {
      input: { siteId, mw: 10, availableFrom: '2026-02-01', pricing: { kind: 'ALL_IN', rateUsdPerKwh: 0.06 }, interruptibility: { kind: 'FIRM' }, uptimeCommitmentPct: 99, coolings: ['AIR'], service: 'FULL_HOSTING', depositMonths: 1, minTermMonths: 6 },
    })
  ).id;
  await mutate(api, host, 'publishHostingOffer', `mutation ($id: ID!) { publishHostingOffer(id: $id) { id } }`, { id: offerId });
  requestId = (
    await mutate<{ id: string }>(api, fleet, 'createHostingRequest', `mutation ($input: CreateHostingRequestInput!) { createHostingRequest(input: $input) { id } }`, {
      input: { title: 'RLS fleet', fleet: { kind: 'POWER', mw: 2, jPerTh: 17.5, cooling: 'AIR' }, maxRateUsdPerKwh: 0.07, uptimeNeededPct: 95, curtailmentToleratedHoursPerMonth: 0, regions: [], startDate: '2026-03-01', termMonths: 12 },
    })
  ).id;
  await mutate(api, fleet, 'publishHostingRequest', `mutation ($id: ID!) { publishHostingRequest(id: $id) { id } }`, { id: requestId });
  dealId = (await mutate<{ id: string }>(api, host, 'proposeHostingDeal', `mutation ($o: ID!, $r: ID!) { proposeHostingDeal(offerId: $o, requestId: $r) { id } }`, { o: offerId, r: requestId })).id;
});
afterAll(() => api.close());

/** Whether PostgreSQL refused the write (privilege, policy or trigger). */
async function refused(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return false;
  } catch {
    return true;
  }
}

describe('hosting tables as the runtime role', () => {
  it('another organisation reads none of the offer, the request, the deal or its data', async () => {
    const seen = await as(stranger.orgId, async (tx) => [
      await tx.hostingOffer.count({ where: { id: offerId } }),
      await tx.hostingRequest.count({ where: { id: requestId } }),
      await tx.hostingDeal.count({ where: { id: dealId } }),
      await tx.site.count({ where: { id: siteId } }),
    ]);
    expect(seen).toEqual([0, 0, 0, 0]);
  });

  it("each party reads the deal but not the other's offer or request, and the fleet not the site until it accepts", async () => {
    expect(await as(fleet.orgId, async (tx) => [await tx.hostingDeal.count({ where: { id: dealId } }), await tx.hostingOffer.count({ where: { id: offerId } }), await tx.site.count({ where: { id: siteId } })])).toEqual([1, 0, 0]);
    expect(await as(host.orgId, async (tx) => [await tx.hostingDeal.count({ where: { id: dealId } }), await tx.hostingRequest.count({ where: { id: requestId } })])).toEqual([1, 0]);
  });

  it("refuses the parties any change of a deal's terms, MW or parties, a fleet proposing, and anyone's statement for a deal not theirs", async () => {
    expect(await refused(() => as(fleet.orgId, (tx) => tx.hostingDeal.update({ where: { id: dealId }, data: { terms: { pricing: { kind: 'ALL_IN', rateCentsPerMwh: 1 } } } })))).toBe(true);
    expect(await refused(() => as(host.orgId, (tx) => tx.hostingDeal.update({ where: { id: dealId }, data: { mw: 100 } })))).toBe(true);
    expect(await refused(() => as(host.orgId, (tx) => tx.hostingDeal.update({ where: { id: dealId }, data: { fleetOrgId: stranger.orgId } })))).toBe(true);
    expect(
      await refused(() =>
        as(fleet.orgId, (tx) =>
          tx.hostingDeal.create({ data: { hostOrgId: fleet.orgId, fleetOrgId: fleet.orgId, offerId, requestId, siteId, mw: 1, startDate: new Date('2026-03-01'), termMonths: 12, terms: {} } }),
        ),
      ),
    ).toBe(true);
    const statement = { dealId, hostOrgId: host.orgId, fleetOrgId: fleet.orgId, month: new Date('2026-03-01'), meteredKwh: 0, tenantTotalCents: 0n, platformFeeCents: 0n, hostPayoutCents: 0n, lines: [], inputs: {}, computedAt: new Date() };
    expect(await refused(() => as(stranger.orgId, (tx) => tx.hostingStatement.create({ data: { ...statement, hostOrgId: stranger.orgId } })))).toBe(true);
    expect(await refused(() => as(fleet.orgId, (tx) => tx.hostingStatement.create({ data: statement })))).toBe(true);
    // The deal is as proposed.
    const deal = await api.db.prisma.hostingDeal.findUniqueOrThrow({ where: { id: dealId } });
    expect([deal.mw.toNumber(), deal.fleetOrgId, deal.status]).toEqual([2, fleet.orgId, 'PROPOSED']);
  });

  it('an agreed statement is refused any change of its amounts, even to the owner role', async () => {
    const created = await api.db.prisma.hostingStatement.create({
      data: { dealId, hostOrgId: host.orgId, fleetOrgId: fleet.orgId, month: new Date('2026-04-01'), status: 'AGREED', meteredKwh: 10, tenantTotalCents: 650n, platformFeeCents: 20n, hostPayoutCents: 630n, lines: [], inputs: {}, computedAt: new Date() },
    });
    expect(await refused(() => api.db.prisma.hostingStatement.update({ where: { id: created.id }, data: { hostPayoutCents: 650n } }))).toBe(true);
    expect((await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: created.id } })).hostPayoutCents).toBe(630n);
  });

  it('lets the fleet move an issued statement but never change its amounts', async () => {
    const issued = await api.db.prisma.hostingStatement.create({
      data: { dealId, hostOrgId: host.orgId, fleetOrgId: fleet.orgId, month: new Date('2026-05-01'), status: 'ISSUED', meteredKwh: 10, tenantTotalCents: 650n, platformFeeCents: 20n, hostPayoutCents: 630n, lines: [], inputs: {}, computedAt: new Date() },
    });
    expect(await refused(() => as(fleet.orgId, (tx) => tx.hostingStatement.update({ where: { id: issued.id }, data: { tenantTotalCents: 1n } })))).toBe(true);
    await as(fleet.orgId, (tx) => tx.hostingStatement.update({ where: { id: issued.id }, data: { status: 'AGREED', agreedAt: new Date() } }));
    expect(await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: issued.id } })).toMatchObject({ status: 'AGREED', tenantTotalCents: 650n });
    // Invoicing and payment are the system's: no party marks a statement invoiced or paid, nor writes a payout.
    for (const party of [fleet, host]) {
      expect(await refused(() => as(party.orgId, (tx) => tx.hostingStatement.update({ where: { id: issued.id }, data: { paidAt: new Date() } })))).toBe(true);
      expect(await refused(() => as(party.orgId, (tx) => tx.hostingStatement.update({ where: { id: issued.id }, data: { stripeInvoiceId: 'in_forged', invoicedAt: new Date() } })))).toBe(true);
    }
    expect(
      await refused(() => as(host.orgId, (tx) => tx.payout.create({ data: { orgId: host.orgId, hostingDealId: dealId, hostingStatementId: issued.id, stripeInvoiceId: 'in_forged', amountCents: 630n } }))),
    ).toBe(true);
    expect(await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: issued.id } })).toMatchObject({ paidAt: null, stripeInvoiceId: null });
  });
});
