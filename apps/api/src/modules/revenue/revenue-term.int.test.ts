import { type OrgFixture, createBlock, createProposedDeal, createSite, signUpOrg } from '../../testing/fixtures';
import { type Caller, type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let host: OrgFixture;
let tenant: OrgFixture;
let stranger: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  host = await signUpOrg(api, 'MINER', 'term-host');
  tenant = await signUpOrg(api, 'TENANT', 'term-tenant');
  stranger = await signUpOrg(api, 'MINER', 'term-stranger');
});
afterAll(() => api.close());

const TERM = `query ($input: JSON!, $year: Int, $week: Int) { revenueTermModel(input: $input, year: $year, week: $week) {
  years hours inputs
  yearly { year hours contractedItMw jPerTh averageHashpriceUsdPerPhDay totals { hostEbitdaUsd tenantShareUsd } hostCashFlowUsd tenantEffectiveUsdPerKwMonth }
  totals { hostEbitdaUsd }
  host { npvUsd irrPercent paybackMonth cashFlowsUsd }
  tenant { npvUsd levelisedEffectiveUsdPerKwMonth }
  valuation { basisYear ebitdaUsd atMiningMultiple { lowUsd highUsd } atDataCentreMultiple { lowUsd highUsd } uplift { lowUsd highUsd } }
  loadShape { aiOnly { maxRampMw } withBackfill { maxRampMw } }
  hourly(hours: 24) { fromHour hours aiMw miningMw } } }`;
const DEFAULTS = `query ($siteId: ID, $blockId: ID, $dealId: ID) { revenueDefaults(siteId: $siteId, blockId: $blockId, dealId: $dealId) {
  source input adjustments { field constraint given proposed } } }`;
const GRID = `query ($input: JSON!, $axes: [SensitivityAxisInput!]!) { revenueTermSensitivity(input: $input, axes: $axes) { shape hostNpvUsd tenantNpvUsd } }`;
const TORNADO = `query ($input: JSON!) { revenueTermTornado(input: $input) { baseHostNpvUsd bars { path low high swingUsd } } }`;

interface Term {
  years: number;
  hours: number;
  inputs: { aiLoad: { contractedItMw: number }; site: { interconnectionMw: number } };
  yearly: { year: number; contractedItMw: number; jPerTh: number; totals: { hostEbitdaUsd: number } }[];
  totals: { hostEbitdaUsd: number };
  host: { npvUsd: number; irrPercent: number | null; paybackMonth: number | null; cashFlowsUsd: number[] };
  tenant: { npvUsd: number; levelisedEffectiveUsdPerKwMonth: number };
  valuation: { ebitdaUsd: number; atMiningMultiple: { lowUsd: number; highUsd: number }; atDataCentreMultiple: { lowUsd: number; highUsd: number } };
  hourly: { fromHour: number; hours: number; aiMw: number[] };
}
interface Defaults {
  source: string;
  input: Record<string, unknown>;
  adjustments: { field: string; constraint: string; given: number; proposed: number }[];
}

const code = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.code;
async function ok<T>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<T> {
  const result = await api.gql<T>(query, variables, caller);
  if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
const term = (input: unknown, caller: Caller = host, extra: Record<string, unknown> = {}) =>
  ok<{ revenueTermModel: Term }>(TERM, { input, ...extra }, caller).then((d) => d.revenueTermModel);
const defaults = (ids: Record<string, string>, caller: Caller) => ok<{ revenueDefaults: Defaults }>(DEFAULTS, ids, caller).then((d) => d.revenueDefaults);

describe('revenueTermModel', () => {
  it('models the default ten-year term: years, finance, a valuation range and a window of hours', async () => {
    const t = await term({});
    expect(t.years).toBe(10);
    expect(t.yearly).toHaveLength(10);
    expect(t.hours).toBe(87_648);
    const sum = t.yearly.reduce((s, y) => s + Math.round(y.totals.hostEbitdaUsd * 100), 0);
    expect(Math.round(t.totals.hostEbitdaUsd * 100)).toBe(sum);
    expect(t.host.cashFlowsUsd).toHaveLength(11);
    expect(t.host.irrPercent).toEqual(expect.any(Number));
    expect(t.valuation.atMiningMultiple.lowUsd).toBeCloseTo(t.valuation.ebitdaUsd * 6, 2);
    expect(t.valuation.atDataCentreMultiple.highUsd).toBeCloseTo(t.valuation.ebitdaUsd * 25, 2);
    expect(t.hourly).toMatchObject({ fromHour: 0, hours: 24 });
    // Year 4 starts after three 8,760-hour years.
    expect((await term({}, host, { year: 4, week: 1 })).hourly.fromHour).toBe(3 * 8_760 + 168);
  });

  it('a better J/TH raises EBITDA; a refresh changes J/TH from its year', async () => {
    const base = await term({ term: { hashprice: { kind: 'flat' } } });
    const better = await term({ mining: { jPerTh: 13.5 }, term: { hashprice: { kind: 'flat' } } });
    expect(better.totals.hostEbitdaUsd).toBeGreaterThan(base.totals.hostEbitdaUsd);
    const refreshed = await term({ term: { fleetRefreshes: [{ year: 3, jPerTh: 13.5, capexUsdPerMw: 400_000 }] } });
    expect(refreshed.yearly.map((y) => y.jPerTh).slice(0, 4)).toEqual([17.5, 17.5, 13.5, 13.5]);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, including unknown fields', async () => {
    for (const [input, field] of [
      [{ term: { years: 0 } }, 'input.term.years'],
      [{ finance: { discountRatePercent: 120 } }, 'input.finance.discountRatePercent'],
      [{ term: { hashprice: { kind: 'preset', name: 'moon' } } }, 'input.term.hashprice.name'],
      [{ term: { yeers: 5 } }, 'input.term.yeers'],
      [{ aiLoad: { contractedItMw: 90 } }, 'input.aiLoad.contractedItMw'],
    ] as const) {
      const result = await api.gql(TERM, { input }, host);
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe(field);
    }
  });

  it('sensitivity over two inputs and a tornado', async () => {
    const grid = await ok<{ revenueTermSensitivity: { shape: number[]; hostNpvUsd: number[]; tenantNpvUsd: number[] } }>(
      GRID,
      { input: { term: { years: 3 } }, axes: [{ path: 'market.hashpriceUsdPerPhDay', values: [30, 60] }, { path: 'energy.price.usdPerMwh', values: [40, 80] }] },
      host,
    );
    expect(grid.revenueTermSensitivity.shape).toEqual([2, 2]);
    const [lowHp, , highHp] = grid.revenueTermSensitivity.hostNpvUsd;
    expect(highHp!).toBeGreaterThanOrEqual(lowHp!);
    const bad = await api.gql(GRID, { input: {}, axes: [{ path: 'market.hashpriceUsdPerPhDay', values: [-5] }] }, host);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.field).toBe('axes.0.values');
    const slow = await api.gql(GRID, { input: {}, axes: [{ path: 'mining.minRunHours', values: Array.from({ length: 101 }, (_, i) => i + 1) }] }, host);
    expect(code(slow)).toBe('BAD_USER_INPUT');
    expect(slow.errors?.[0]?.message).toMatch(/each run hour by hour/);
    const tornado = await ok<{ revenueTermTornado: { bars: { path: string; swingUsd: number }[] } }>(TORNADO, { input: { term: { years: 3 } } }, host);
    const swings = tornado.revenueTermTornado.bars.map((b) => b.swingUsd);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
  });
});

describe('revenueDefaults: every entry point opens on a valid scenario', () => {
  it('from a site: its figures, modelled without an error', async () => {
    const site = await createSite(api, host, { energizedMw: 60, pue: 1.4, energyPriceUsdPerMwh: 41, miningMw: 25 });
    const d = await defaults({ siteId: site.id }, host);
    expect(d.adjustments).toEqual([]);
    expect(d.input).toMatchObject({ site: { interconnectionMw: 60, pue: 1.4 }, mining: { fleetMw: 25 }, energy: { price: { kind: 'flat', usdPerMwh: 41 } } });
    const t = await term(d.input);
    expect(t.inputs.aiLoad.contractedItMw).toBeCloseTo((60 * 0.95) / 1.4, 2);
  });

  it('from a block: its MW and price on its site', async () => {
    const site = await createSite(api, host, { energizedMw: 80, pue: 1.2 });
    const block = await createBlock(api, host, site.id, { mw: 45, priceUsdPerKwMonth: 162 });
    const d = await defaults({ blockId: block.id }, host);
    expect(d.input).toMatchObject({ aiLoad: { contractedItMw: 45 }, deal: { colocationUsdPerKwMonth: 162 }, startDate: '2026-06-01' });
    expect((await term(d.input)).yearly[0]!.contractedItMw).toBe(45);
  });

  it('from a deal, for both parties: its MW, price, share and term; a deal over the site less reserve is fitted, not refused', async () => {
    const deal = await createProposedDeal(api, host, tenant, { mw: 40 });
    // The site (120 MW at PUE 1.15) is shrunk so 40 MW x 1.15 = 46 MW no longer fits 95% of it.
    await api.db.prisma.site.update({ where: { id: deal.siteId }, data: { energizedMw: 47 } });
    const d = await defaults({ dealId: deal.dealId }, host);
    expect(d.adjustments).toEqual([expect.objectContaining({ field: 'site.reserve.mw', given: 2.35, proposed: 1 })]);
    expect(d.input).toMatchObject({ aiLoad: { contractedItMw: 40 }, term: { years: 10 }, deal: { colocationUsdPerKwMonth: 155.5, revenueShare: { hostPercent: 40 } } });
    expect((await term(d.input)).yearly[0]!.contractedItMw).toBe(40);
    // The tenant, before acceptance, cannot read the site: the deal's own terms still model.
    const forTenant = await defaults({ dealId: deal.dealId }, tenant);
    expect((await term(forTenant.input, tenant)).yearly[0]!.contractedItMw).toBe(40);
  });

  it('another organisation gets NOT_FOUND for a site, a block or a deal, and a request naming none is BAD_USER_INPUT', async () => {
    const site = await createSite(api, host);
    const block = await createBlock(api, host, site.id);
    const deal = await createProposedDeal(api, host, tenant);
    for (const ids of [{ siteId: site.id }, { blockId: block.id }, { dealId: deal.dealId }]) {
      expect(code(await api.gql(DEFAULTS, ids, stranger))).toBe('NOT_FOUND');
    }
    expect(code(await api.gql(DEFAULTS, {}, host))).toBe('BAD_USER_INPUT');
    expect(code(await api.gql(DEFAULTS, { siteId: site.id, dealId: deal.dealId }, host))).toBe('BAD_USER_INPUT');
  });
});
