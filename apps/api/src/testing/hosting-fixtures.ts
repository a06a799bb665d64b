// Mining hosting deals for integration tests: a listed offer, a fleet's open request, a deal taken to
// ACTIVE through the API, a month of the fleet's metered kWh and its statement computed and issued.
import { type OrgFixture, createSite, mutate } from './fixtures';
import { hoursOf, setHashprice } from './settlement-fixtures';
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
 * A month (March 2026 unless told) of the fleet's hourly kWh: `kwh` an hour, nothing in the first
 * `curtailedHours` (recorded as one CURTAILMENT outage) nor in the `downtimeHours` after them (one DOWNTIME
 * outage); the month's hashprice index at `hashprice` $/PH/day.
 */
export async function recordHostingMonth(
  api: TestApi,
  host: OrgFixture,
  dealId: string,
  { month = '2026-03', kwh = 3_500, curtailedHours = 56, downtimeHours = 0, hashprice = 50 } = {},
): Promise<void> {
  const hours = hoursOf(month);
  const readings = hours.map((at, h) => ({ intervalStart: at.toISOString(), kwh: h < curtailedHours + downtimeHours ? 0 : kwh }));
  await mutate(api, host, 'recordHostingReadings', `mutation ($d: ID!, $r: [HostingReadingInput!]!) { recordHostingReadings(dealId: $d, readings: $r) }`, { d: dealId, r: readings });
  const outage = (kind: string, from: number, to: number) =>
    mutate(api, host, 'recordHostingOutage', `mutation ($i: HostingOutageInput!) { recordHostingOutage(input: $i) { id } }`, {
      i: { dealId, kind, startsAt: hours[from]!.toISOString(), endsAt: new Date(hours[0]!.getTime() + to * 3_600_000).toISOString() },
    });
  if (curtailedHours > 0) await outage('CURTAILMENT', 0, curtailedHours);
  if (downtimeHours > 0) await outage('DOWNTIME', curtailedHours, curtailedHours + downtimeHours);
  await setHashprice(api, month, hashprice);
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
