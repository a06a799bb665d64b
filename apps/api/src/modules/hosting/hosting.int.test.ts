import { type OrgFixture, createSite, mutate, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let host: OrgFixture;
let fleet: OrgFixture;
let stranger: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  [host, fleet, stranger] = await Promise.all([signUpOrg(api, 'MINER', 'host'), signUpOrg(api, 'MINER', 'fleet'), signUpOrg(api, 'TENANT', 'stranger')]);
});
afterAll(() => api.close());

const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const field = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.field;

const OFFER = 'id status mw pricing { kind rateUsdPerKwh feeUsdPerKwMonth } interruptibility maxCurtailedHoursPerMonth site { id }';
const REQUEST = 'id status fleetMw fleetJPerTh worstJPerTh coolings maxRateUsdPerKwh';
const DEAL = 'id status role counterpartyLabel site { id name } mw terms { contractedKw depositUsd platformFeePct pricing { rateUsdPerKwh } }';
const ECONOMICS = 'marginUsdPerMwh breakEvenHashpriceUsdPerPhDay expectedMonthlyProfitUsd';

function offerInput(siteId: string, overrides: Record<string, unknown> = {}) {
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

function requestInput(overrides: Record<string, unknown> = {}) {
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

async function listedOffer(caller: OrgFixture, overrides: Record<string, unknown> = {}) {
  const site = await createSite(api, caller, { name: `Secret site ${Math.random()}` });
  const offer = await mutate<{ id: string }>(api, caller, 'createHostingOffer', `mutation ($input: CreateHostingOfferInput!) { createHostingOffer(input: $input) { id } }`, { input: offerInput(site.id, overrides) });
  await mutate(api, caller, 'publishHostingOffer', `mutation ($id: ID!) { publishHostingOffer(id: $id) { id } }`, { id: offer.id });
  return { offerId: offer.id, site };
}

async function openRequest(caller: OrgFixture, overrides: Record<string, unknown> = {}) {
  const request = await mutate<{ id: string }>(api, caller, 'createHostingRequest', `mutation ($input: CreateHostingRequestInput!) { createHostingRequest(input: $input) { id } }`, { input: requestInput(overrides) });
  await mutate(api, caller, 'publishHostingRequest', `mutation ($id: ID!) { publishHostingRequest(id: $id) { id } }`, { id: request.id });
  return request.id;
}

const MATCHES = `query ($id: ID!, $market: HostingMarketInput) { hostingMatches(requestId: $id, market: $market) {
  fleetMw matches { rank score offer { id hostLabel region } economics { ${ECONOMICS} } summary criteria { key contribution } }
  excluded { offerId reasons { constraint message } } excludedTotal exclusionCounts { constraint count } } }`;

describe('hosting offers and requests', () => {
  it('creates a DRAFT offer priced per kWh and a request whose fleet is resolved from the ASIC library', async () => {
    const site = await createSite(api, host);
    const offer = await api.gql<{ createHostingOffer: Record<string, unknown> }>(`mutation ($input: CreateHostingOfferInput!) { createHostingOffer(input: $input) { ${OFFER} } }`, { input: offerInput(site.id) }, host);
    expect(offer.errors).toBeUndefined();
    expect(offer.data?.createHostingOffer).toMatchObject({ status: 'DRAFT', mw: 10, pricing: { kind: 'ALL_IN', rateUsdPerKwh: 0.065, feeUsdPerKwMonth: null }, interruptibility: 'INTERRUPTIBLE', maxCurtailedHoursPerMonth: 50, site: { id: site.id } });
    const request = await api.gql<{ createHostingRequest: Record<string, unknown> }>(
      `mutation ($input: CreateHostingRequestInput!) { createHostingRequest(input: $input) { ${REQUEST} } }`,
      { input: requestInput({ fleet: { kind: 'MACHINES', machines: [{ model: 'S21', count: 100 }, { model: 'M63S', count: 10 }] } }) },
      fleet,
    );
    expect(request.errors).toBeUndefined();
    // 100 x 3.5 kW + 10 x 7.215 kW = 422.15 kW; 20,000 + 3,900 TH; hashrate-weighted 422,150 W / 23,900 TH.
    expect(request.data?.createHostingRequest).toMatchObject({ status: 'DRAFT', fleetMw: 0.422, worstJPerTh: 18.5, coolings: ['AIR', 'HYDRO'], maxRateUsdPerKwh: 0.07 });
    expect(request.data?.createHostingRequest.fleetJPerTh).toBeCloseTo(422_150 / 23_900, 3);
  });

  it.each([
    ['an all-in rate with 6 decimals', { pricing: { kind: 'ALL_IN', rateUsdPerKwh: 0.065001 } }, 'input.pricing.rateUsdPerKwh'],
    ['interruptible without pre-emptors', { interruptibility: { kind: 'INTERRUPTIBLE', noticeSeconds: 30, maxCurtailedHoursPerMonth: 10, preemptors: [] } }, 'input.interruptibility.preemptors'],
    ['an uptime below 50 %', { uptimeCommitmentPct: 40 }, 'input.uptimeCommitmentPct'],
    ['more MW than the site has', { mw: 500 }, 'input.mw'],
    ['an AI load with a bad profile', { aiLoad: { contractedItMw: 50, pue: 1.2, profile: { kind: 'flat', utilisation: 2 } } }, 'input.aiLoad.profile.kind'],
  ])('refuses an offer with %s, naming the field and writing nothing', async (_label, overrides, name) => {
    const site = await createSite(api, host);
    const before = await api.db.prisma.hostingOffer.count({ where: { siteId: site.id } });
    const result = await api.gql(`mutation ($input: CreateHostingOfferInput!) { createHostingOffer(input: $input) { id } }`, { input: offerInput(site.id, overrides) }, host);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe(name);
    expect(await api.db.prisma.hostingOffer.count({ where: { siteId: site.id } })).toBe(before);
  });

  it.each([
    // GraphQL refuses an unknown enum value itself, naming the value and its type.
    ['an unknown ASIC model', { fleet: { kind: 'MACHINES', machines: [{ model: 'S9', count: 1 }] } }, '"S9"; Expected type AsicModelId'],
    ['a POWER fleet without J/TH', { fleet: { kind: 'POWER', mw: 5, cooling: 'AIR' } }, 'input.fleet.jPerTh'],
    ['a start in the past', { startDate: '2025-06-01' }, 'input.startDate'],
    ['a negative curtailment tolerance', { curtailmentToleratedHoursPerMonth: -1 }, 'input.curtailmentToleratedHoursPerMonth'],
  ])('refuses a request with %s as BAD_USER_INPUT naming the field, writing nothing', async (_label, overrides, name) => {
    const before = await api.db.prisma.hostingRequest.count({ where: { orgId: fleet.orgId } });
    const result = await api.gql(`mutation ($input: CreateHostingRequestInput!) { createHostingRequest(input: $input) { id } }`, { input: requestInput(overrides) }, fleet);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(String(field(result) ?? result.errors?.[0]?.message)).toContain(name);
    expect(await api.db.prisma.hostingRequest.count({ where: { orgId: fleet.orgId } })).toBe(before);
  });
});

describe('hosting search and matching', () => {
  it('searches listed offers anonymously, cheapest effective rate (highest margin) first, with filters and pages', async () => {
    const region = `Region ${Math.random()}`;
    const siteName = (await listedOffer(host, {})).site.name;
    const cheap = await listedOffer(host, { pricing: { kind: 'ALL_IN', rateUsdPerKwh: 0.05 } });
    const dear = await listedOffer(host, { pricing: { kind: 'ALL_IN', rateUsdPerKwh: 0.06 }, interruptibility: { kind: 'FIRM' } });
    await api.db.prisma.site.updateMany({ where: { id: { in: [cheap.site.id, dear.site.id] } }, data: { region } });
    const query = `query ($filter: HostingOfferSearchInput, $after: String) { searchHostingOffers(filter: $filter, first: 1, after: $after) {
      totalCount edges { cursor node { id hostLabel region pricing { rateUsdPerKwh } economics { ${ECONOMICS} } } } pageInfo { hasNextPage endCursor } } }`;
    const page1 = await api.gql<{ searchHostingOffers: { totalCount: number; edges: { node: { id: string; economics: { marginUsdPerMwh: number } } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      query,
      { filter: { regions: [region], market: { hashpriceUsdPerPhDay: 50, poolFeePercent: 0 } } },
      fleet,
    );
    expect(page1.errors).toBeUndefined();
    const s1 = page1.data!.searchHostingOffers;
    expect(s1.totalCount).toBe(2);
    expect(s1.edges[0]!.node.id).toBe(cheap.offerId);
    // $119.047619 - $50 at 17.5 J/TH and $50/PH/day.
    expect(s1.edges[0]!.node.economics.marginUsdPerMwh).toBeCloseTo(69.047619, 5);
    const page2 = await api.gql<{ searchHostingOffers: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } } }>(query, { filter: { regions: [region], market: { hashpriceUsdPerPhDay: 50, poolFeePercent: 0 } }, after: s1.pageInfo.endCursor }, fleet);
    expect(page2.data!.searchHostingOffers.edges.map((e) => e.node.id)).toEqual([dear.offerId]);
    expect(page2.data!.searchHostingOffers.pageInfo.hasNextPage).toBe(false);
    const firm = await api.gql<{ searchHostingOffers: { edges: { node: { id: string } }[] } }>(query, { filter: { regions: [region], firmOnly: true } }, fleet);
    expect(firm.data!.searchHostingOffers.edges.map((e) => e.node.id)).toEqual([dear.offerId]);
    const byCooling = (coolings: string[]) => api.gql<{ searchHostingOffers: { totalCount: number } }>(query, { filter: { regions: [region], coolings, minMw: 5 } }, fleet);
    expect((await byCooling(['IMMERSION'])).data!.searchHostingOffers.totalCount).toBe(2);
    expect((await byCooling(['HYDRO'])).data!.searchHostingOffers.totalCount).toBe(0);
    // Nothing names the host or its sites.
    const raw = JSON.stringify(page1);
    expect(raw).not.toContain(siteName);
    expect(raw).not.toContain(host.orgId);
    expect(code(await api.gql(query, { after: 'bogus' }, fleet))).toBe('BAD_USER_INPUT');
  });

  it('excludes an offer curtailing 100 h a month from a fleet tolerating 50, with that reason, and ranks the fitting one', async () => {
    const region = `Region ${Math.random()}`;
    const curtails = await listedOffer(host, { interruptibility: { kind: 'INTERRUPTIBLE', noticeSeconds: 10, maxCurtailedHoursPerMonth: 100, preemptors: ['PRICE'] } });
    const fits = await listedOffer(host, { interruptibility: { kind: 'FIRM' }, uptimeCommitmentPct: 100 });
    await api.db.prisma.site.updateMany({ where: { id: { in: [curtails.site.id, fits.site.id] } }, data: { region } });
    const requestId = await openRequest(fleet, { regions: [region], curtailmentToleratedHoursPerMonth: 50, fleet: { kind: 'MACHINES', machines: [{ model: 'S21', count: 100 }] } });
    const result = await api.gql<{ hostingMatches: { fleetMw: number; matches: { offer: { id: string }; economics: Record<string, number>; summary: string }[]; excluded: unknown[]; excludedTotal: number; exclusionCounts: { constraint: string; count: number }[] } }>(
      MATCHES,
      { id: requestId, market: { hashpriceUsdPerPhDay: 50, poolFeePercent: 0 } },
      fleet,
    );
    expect(result.errors).toBeUndefined();
    const m = result.data!.hostingMatches;
    expect(m.fleetMw).toBeCloseTo(0.35, 9);
    expect(m.excluded).toEqual([{ offerId: curtails.offerId, reasons: [{ constraint: 'curtailment', message: 'the offer may curtail 100 h a month; the fleet tolerates 50 h' }] }]);
    expect(m.matches.map((x) => x.offer.id)).toEqual([fits.offerId]);
    expect(m.excludedTotal).toBe(1);
    expect(m.exclusionCounts.filter((c) => c.count > 0)).toEqual([{ constraint: 'curtailment', count: 1 }]);
    // 0.35 MW x 730 h x ($119.047619 - $65) = $13,809.17; break-even $27.30/PH/day.
    expect(m.matches[0]!.economics).toEqual({ marginUsdPerMwh: expect.closeTo(54.047619, 5), breakEvenHashpriceUsdPerPhDay: expect.closeTo(27.3, 9), expectedMonthlyProfitUsd: 13_809.17 });
  });

  it('shows a host the open requests its offers can host, anonymous, with the offer that earns the fleet most', async () => {
    const hostB = await signUpOrg(api, 'MINER', 'host-b');
    const { offerId } = await listedOffer(hostB, { mw: 4 });
    const requestId = await openRequest(fleet, { title: 'Private fleet name' });
    const tooBig = await openRequest(fleet, { fleet: { kind: 'POWER', mw: 5, jPerTh: 17, cooling: 'AIR' } });
    const result = await api.gql<{ hostingRequestsThatFit: { edges: { node: { id: string; fleetLabel: string; bestOfferId: string } }[] } }>(
      `query { hostingRequestsThatFit(first: 100) { edges { node { id fleetLabel fleet fleetMw bestOfferId economics { marginUsdPerMwh } } } } }`,
      {},
      hostB,
    );
    expect(result.errors).toBeUndefined();
    const ids = result.data!.hostingRequestsThatFit.edges.map((e) => e.node.id);
    expect(ids).toContain(requestId);
    expect(ids).not.toContain(tooBig);
    expect(result.data!.hostingRequestsThatFit.edges.find((e) => e.node.id === requestId)!.node.bestOfferId).toBe(offerId);
    expect(JSON.stringify(result)).not.toContain('Private fleet name');
    expect(JSON.stringify(result)).not.toContain(fleet.orgId);
  });
});

describe('hosting deals and their monthly statements', () => {
  it('propose → accept (the site is revealed) → sign → active → a month of readings with 6 h of curtailment beyond the allowance settles to the cent', async () => {
    const { offerId, site } = await listedOffer(host);
    const requestId = await openRequest(fleet);
    const proposed = await api.gql<{ proposeHostingDeal: { id: string; role: string; site: unknown; terms: Record<string, unknown> } }>(
      `mutation ($o: ID!, $r: ID!) { proposeHostingDeal(offerId: $o, requestId: $r) { ${DEAL} } }`,
      { o: offerId, r: requestId },
      host,
    );
    expect(proposed.errors).toBeUndefined();
    const dealId = proposed.data!.proposeHostingDeal.id;
    expect(proposed.data!.proposeHostingDeal).toMatchObject({ role: 'HOST', terms: { contractedKw: 3500, depositUsd: 0, platformFeePct: 3, pricing: { rateUsdPerKwh: 0.065 } } });
    const DEAL_Q = `query ($id: ID!) { hostingDeal(id: $id) { ${DEAL} } }`;
    const before = await api.gql<{ hostingDeal: { role: string; site: unknown; counterpartyLabel: string } }>(DEAL_Q, { id: dealId }, fleet);
    expect(before.data!.hostingDeal).toMatchObject({ role: 'FLEET', site: null });
    expect(before.data!.hostingDeal.counterpartyLabel).toMatch(/^Host #/);
    expect(code(await api.gql(`mutation ($id: ID!) { acceptHostingDeal(id: $id) { id } }`, { id: dealId }, host))).toBe('FORBIDDEN');
    for (const [verb, who] of [['accept', fleet], ['sign', fleet], ['sign', host], ['activate', host]] as const) {
      const moved = await api.gql(`mutation ($id: ID!) { ${verb}HostingDeal(id: $id) { id status } }`, { id: dealId }, who);
      expect(moved.errors).toBeUndefined();
    }
    const after = await api.gql<{ hostingDeal: { status: string; site: { id: string; name: string } } }>(DEAL_Q, { id: dealId }, fleet);
    expect(after.data!.hostingDeal).toMatchObject({ status: 'ACTIVE', site: { id: site.id, name: site.name } });
    expect((await api.db.prisma.hostingOffer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe('CONTRACTED');

    // March 2026 (744 h): 3,500 kWh an hour except 56 h curtailed (the first 56 hours); the offer allows 50.
    const readings = Array.from({ length: 744 }, (_, h) => ({ intervalStart: new Date(Date.UTC(2026, 2, 1, h)).toISOString(), kwh: h < 56 ? 0 : 3_500 }));
    const recorded = await api.gql<{ recordHostingReadings: number }>(`mutation ($d: ID!, $r: [HostingReadingInput!]!) { recordHostingReadings(dealId: $d, readings: $r) }`, { d: dealId, r: readings }, host);
    expect(recorded.data?.recordHostingReadings).toBe(744);
    const outage = await api.gql(`mutation ($i: HostingOutageInput!) { recordHostingOutage(input: $i) { id } }`, { i: { dealId, kind: 'CURTAILMENT', startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-03-03T08:00:00Z' } }, host);
    expect(outage.errors).toBeUndefined();
    const days = Array.from({ length: 31 }, (_, d) => ({ day: new Date(Date.UTC(2026, 2, d + 1)), usdPerPhDay: 50, source: 'test', actor: 'test' }));
    await api.db.prisma.hashpriceIndexDay.createMany({ data: days, skipDuplicates: true });

    const STATEMENT = 'id status meteredKwh tenantTotalUsd platformFeeUsd hostPayoutUsd tenantCarryOutUsd lines { kind amountUsd feeBase }';
    const computed = await api.gql<{ computeHostingStatement: Record<string, unknown> & { id: string } }>(`mutation ($d: ID!) { computeHostingStatement(dealId: $d, month: "2026-03") { ${STATEMENT} } }`, { d: dealId }, host);
    expect(computed.errors).toBeUndefined();
    // Energy: 688 h x 3,500 kWh = 2,408,000 kWh x $0.065 = $156,520.00.
    // Credit: (56 - 50) h x 3.5 MW = 21 MWh x ($116.666667 at $50/PH/day, 17.5 J/TH, 2 % pool fee - $65) = -$1,085.00.
    // Total $155,435.00; fee 3 % = $4,663.05; payout $150,771.95.
    expect(computed.data!.computeHostingStatement).toEqual({
      id: expect.any(String),
      status: 'DRAFT',
      meteredKwh: 2_408_000,
      tenantTotalUsd: 155_435,
      platformFeeUsd: 4_663.05,
      hostPayoutUsd: 150_771.95,
      tenantCarryOutUsd: 0,
      lines: [
        { kind: 'HOSTING_ENERGY', amountUsd: 156_520, feeBase: true },
        { kind: 'CURTAILMENT_CREDIT', amountUsd: -1_085, feeBase: true },
      ],
    });
    const statementId = computed.data!.computeHostingStatement.id;
    expect(code(await api.gql(`mutation ($id: ID!) { agreeHostingStatement(id: $id) { id } }`, { id: statementId }, fleet))).toBe('CONFLICT');
    expect((await api.gql(`mutation ($id: ID!) { issueHostingStatement(id: $id) { status } }`, { id: statementId }, host)).errors).toBeUndefined();
    expect(code(await api.gql(`mutation ($id: ID!) { agreeHostingStatement(id: $id) { id } }`, { id: statementId }, host))).toBe('FORBIDDEN');
    const agreed = await api.gql<{ agreeHostingStatement: { status: string } }>(`mutation ($id: ID!) { agreeHostingStatement(id: $id) { status } }`, { id: statementId }, fleet);
    // Agreed, then invoiced to the fleet and (the local Stripe pays at once) paid: hosting-money.int.test.ts.
    expect(agreed.data?.agreeHostingStatement.status).toBe('PAID');
    // An agreed month's data and statement never change.
    expect(code(await api.gql(`mutation ($d: ID!) { computeHostingStatement(dealId: $d, month: "2026-03") { id } }`, { d: dealId }, host))).toBe('CONFLICT');
    expect(code(await api.gql(`mutation ($d: ID!, $r: [HostingReadingInput!]!) { recordHostingReadings(dealId: $d, readings: $r) }`, { d: dealId, r: readings.slice(0, 1) }, host))).toBe('CONFLICT');
    const listed = await api.gql<{ hostingDeal: { statements: { status: string }[] } }>(`query ($id: ID!) { hostingDeal(id: $id) { statements { status } } }`, { id: dealId }, fleet);
    expect(listed.data!.hostingDeal.statements).toEqual([{ status: 'PAID' }]);

    // Another organisation: NOT_FOUND for the deal, its statement, the offer and the request, and nothing moves.
    for (const [query, variables] of [
      [`query ($id: ID!) { hostingDeal(id: $id) { id } }`, { id: dealId }],
      [`query ($id: ID!) { hostingOffer(id: $id) { id } }`, { id: offerId }],
      [`query ($id: ID!) { hostingRequest(id: $id) { id } }`, { id: requestId }],
      [`query ($id: ID!) { hostingMatches(requestId: $id) { fleetMw } }`, { id: requestId }],
      [`mutation ($id: ID!) { endHostingDeal(id: $id) { id } }`, { id: dealId }],
      [`mutation ($id: ID!) { withdrawHostingOffer(id: $id) { id } }`, { id: offerId }],
      [`mutation ($id: ID!) { withdrawHostingRequest(id: $id) { id } }`, { id: requestId }],
      [`mutation ($id: ID!) { disputeHostingStatement(id: $id, reason: "no") { id } }`, { id: statementId }],
      [`mutation ($d: ID!) { computeHostingStatement(dealId: $d, month: "2026-04") { id } }`, { d: dealId }],
    ] as const) {
      expect(code(await api.gql(query, variables, stranger))).toBe('NOT_FOUND');
    }
    // The fleet cannot read the host's offer either, nor the host the fleet's request.
    expect(code(await api.gql(`query ($id: ID!) { hostingOffer(id: $id) { id } }`, { id: offerId }, fleet))).toBe('NOT_FOUND');
    expect(code(await api.gql(`query ($id: ID!) { hostingRequest(id: $id) { id } }`, { id: requestId }, host))).toBe('NOT_FOUND');
    expect((await api.db.prisma.hostingDeal.findUniqueOrThrow({ where: { id: dealId } })).status).toBe('ACTIVE');
  });

  it('refuses a proposal the offer cannot honour, naming why, and a second fleet accepting a taken offer', async () => {
    const { offerId } = await listedOffer(host, { interruptibility: { kind: 'INTERRUPTIBLE', noticeSeconds: 10, maxCurtailedHoursPerMonth: 100, preemptors: ['GRID'] } });
    const strict = await openRequest(fleet, { curtailmentToleratedHoursPerMonth: 50 });
    const refused = await api.gql(`mutation ($o: ID!, $r: ID!) { proposeHostingDeal(offerId: $o, requestId: $r) { id } }`, { o: offerId, r: strict }, host);
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('the offer may curtail 100 h a month; the fleet tolerates 50 h');

    const fleetB = await signUpOrg(api, 'MINER', 'fleet-b');
    const [r1, r2] = await Promise.all([openRequest(fleet, { curtailmentToleratedHoursPerMonth: 200 }), openRequest(fleetB, { curtailmentToleratedHoursPerMonth: 200 })]);
    const propose = (r: string) => mutate<{ id: string }>(api, host, 'proposeHostingDeal', `mutation ($o: ID!, $r: ID!) { proposeHostingDeal(offerId: $o, requestId: $r) { id } }`, { o: offerId, r });
    const [d1, d2] = [await propose(r1), await propose(r2)];
    const accept = (id: string, who: OrgFixture) => api.gql(`mutation ($id: ID!) { acceptHostingDeal(id: $id) { status } }`, { id }, who);
    const results = await Promise.all([accept(d1.id, fleet), accept(d2.id, fleetB)]);
    expect(results.map(code).sort()).toEqual(['CONFLICT', undefined]);
  });
});
