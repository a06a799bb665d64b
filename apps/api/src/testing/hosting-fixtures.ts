// Mining hosting deals for integration tests: a listed offer, a fleet's open request, a deal taken to
// ACTIVE through the API, a month of the fleet's metered kWh and its statement computed and issued.
import { type OrgFixture, createSite, mutate } from './fixtures';
import type { TestApi } from './test-api';

export function hostingOfferInput(siteId: string, overrides: Record<string, unknown> = {}) {
  return {
    siteId,
    mw: 10,
    availableFrom: '2026-02-01',
    pricing: { kind: 'ALL_IN', rateUsdPerKwh: 0.065 },
    interruptibility: { kind: 'INTERRUPTIBLE', noticeSeconds: 30, maxCurtailedHoursPerMonth: 50, preemptors: ['GRID'] },
    uptimeCommitmentPct: 99,
    coolings: ['AIR', 'IMMERSION'],
    service: 'FULL_HOSTING',
    depositMonths: 0,
    minTermMonths: 6,
    ...overrides,
  };
}

export function hostingRequestInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Our S21 fleet',
    fleet: { kind: 'MACHINES', machines: [{ model: 'S21', count: 1000 }] },
    maxRateUsdPerKwh: 0.07,
    uptimeNeededPct: 95,
    curtailmentToleratedHoursPerMonth: 60,
    regions: [],
    startDate: '2026-03-01',
    termMonths: 12,
    ...overrides,
  };
}

/** A deal between `host`'s listed offer and `fleet`'s open request, proposed, accepted, signed by both and active. */
export async function activeHostingDeal(api: TestApi, host: OrgFixture, fleet: OrgFixture, offer: Record<string, unknown> = {}, request: Record<string, unknown> = {}): Promise<{ dealId: string; offerId: string; requestId: string }> {
  const site = await createSite(api, host);
  const { id: offerId } = await mutate<{ id: string }>(api, host, 'createHostingOffer', `mutation ($input: CreateHostingOfferInput!) { createHostingOffer(input: $input) { id } }`, { input: hostingOfferInput(site.id, offer) });
  await mutate(api, host, 'publishHostingOffer', `mutation ($id: ID!) { publishHostingOffer(id: $id) { id } }`, { id: offerId });
  const { id: requestId } = await mutate<{ id: string }>(api, fleet, 'createHostingRequest', `mutation ($input: CreateHostingRequestInput!) { createHostingRequest(input: $input) { id } }`, { input: hostingRequestInput(request) });
  await mutate(api, fleet, 'publishHostingRequest', `mutation ($id: ID!) { publishHostingRequest(id: $id) { id } }`, { id: requestId });
  const { id: dealId } = await mutate<{ id: string }>(api, host, 'proposeHostingDeal', `mutation ($o: ID!, $r: ID!) { proposeHostingDeal(offerId: $o, requestId: $r) { id } }`, { o: offerId, r: requestId });
  for (const [verb, who] of [['accept', fleet], ['sign', fleet], ['sign', host], ['activate', host]] as const) {
    await mutate(api, who, `${verb}HostingDeal`, `mutation ($id: ID!) { ${verb}HostingDeal(id: $id) { id } }`, { id: dealId });
  }
  return { dealId, offerId, requestId };
}

/**
 * March 2026 (744 h) of the fleet's hourly kWh: `kwh` an hour, nothing in the first `curtailedHours`
 * (recorded as one CURTAILMENT outage); the month's hashprice index at `hashprice` $/PH/day.
 */
export async function recordHostingMarch(api: TestApi, host: OrgFixture, dealId: string, { kwh = 3_500, curtailedHours = 56, hashprice = 50 } = {}): Promise<void> {
  const readings = Array.from({ length: 744 }, (_, h) => ({ intervalStart: new Date(Date.UTC(2026, 2, 1, h)).toISOString(), kwh: h < curtailedHours ? 0 : kwh }));
  await mutate(api, host, 'recordHostingReadings', `mutation ($d: ID!, $r: [HostingReadingInput!]!) { recordHostingReadings(dealId: $d, readings: $r) }`, { d: dealId, r: readings });
  if (curtailedHours > 0) {
    const endsAt = new Date(Date.UTC(2026, 2, 1, curtailedHours)).toISOString();
    await mutate(api, host, 'recordHostingOutage', `mutation ($i: HostingOutageInput!) { recordHostingOutage(input: $i) { id } }`, { i: { dealId, kind: 'CURTAILMENT', startsAt: '2026-03-01T00:00:00Z', endsAt } });
  }
  const days = Array.from({ length: 31 }, (_, d) => ({ day: new Date(Date.UTC(2026, 2, d + 1)), usdPerPhDay: hashprice, source: 'test', actor: 'test' }));
  // The index is the platform's, one value a day for every deal: the first test to write March sets it.
  await api.db.prisma.hashpriceIndexDay.createMany({ data: days, skipDuplicates: true });
}

export const HOSTING_STATEMENT_FIELDS =
  'id status tenantTotalUsd platformFeeUsd hostPayoutUsd lines { kind description amountUsd feeBase } autoAgreeAt agreedAt agreedBy invoicedAt stripeInvoiceId paidAt payout { amountUsd status }';

export interface HostingStatementView {
  id: string;
  status: string;
  tenantTotalUsd: number;
  platformFeeUsd: number;
  hostPayoutUsd: number;
  lines: { kind: string; description: string; amountUsd: number; feeBase: boolean }[];
  autoAgreeAt: string | null;
  agreedAt: string | null;
  agreedBy: string | null;
  invoicedAt: string | null;
  stripeInvoiceId: string | null;
  paidAt: string | null;
  payout: { amountUsd: number; status: string } | null;
}

/** The month's statement computed and issued by the host. */
export async function issuedHostingStatement(api: TestApi, host: OrgFixture, dealId: string, month = '2026-03'): Promise<HostingStatementView> {
  const draft = await mutate<HostingStatementView>(api, host, 'computeHostingStatement', `mutation ($d: ID!, $m: String!) { computeHostingStatement(dealId: $d, month: $m) { ${HOSTING_STATEMENT_FIELDS} } }`, { d: dealId, m: month });
  return mutate<HostingStatementView>(api, host, 'issueHostingStatement', `mutation ($id: ID!) { issueHostingStatement(id: $id) { ${HOSTING_STATEMENT_FIELDS} } }`, { id: draft.id });
}
