// The agreement frozen at signing: the deal's terms written over the signed scenario (or the deal's
// default), and the settlement terms derived from them.
import { DEFAULT_REVENUE_INPUT, simulateRevenue, type TRevenueInput } from '@gridshare/revenue';
import { agreedRevenueInput, agreedTerms, type DealDefaults, type DealTerms } from './agreement.js';
import { DEFAULT_SLA_TIERS, availabilityCommitmentPct } from './availability.js';
import { settleMonth } from './settle.js';
import { hourly, issuePaths, monthInput } from './testing/fixtures.js';

const DEAL: DealTerms = {
  mw: 50,
  priceCentsPerKwMonth: 15_000,
  hostMiningShareBps: 7_000,
  platformFeeBps: 300,
  slaTiers: null,
  maintenanceAllowanceHours: 8,
  hashpriceSource: 'INDEX',
};
const SITE: DealDefaults = { startDate: '2026-03-01', interconnectionMw: 80, pue: 1.25, energyPriceCentsPerMwh: 4_500, miningFleetMw: 30 };

describe('DEFAULT_SLA_TIERS and the commitment', () => {
  it('is the house table: ≥ 99.9 none, ≥ 99.5 5%, ≥ 99.0 10%, else 25%; the commitment is 99.9%', () => {
    expect(DEFAULT_SLA_TIERS).toEqual([
      { minAvailabilityPct: 99.9, creditPct: 0 },
      { minAvailabilityPct: 99.5, creditPct: 5 },
      { minAvailabilityPct: 99.0, creditPct: 10 },
      { minAvailabilityPct: 0, creditPct: 25 },
    ]);
    expect(availabilityCommitmentPct(DEFAULT_SLA_TIERS)).toBe(99.9);
    expect(availabilityCommitmentPct([{ minAvailabilityPct: 99.99, creditPct: 0 }, { minAvailabilityPct: 0, creditPct: 10 }])).toBe(99.99);
  });
});

describe('agreedRevenueInput', () => {
  it('builds the deal’s default from DEFAULT_REVENUE_INPUT and the deal’s and site’s figures', () => {
    const input = agreedRevenueInput(null, DEAL, SITE);
    expect(input.startDate).toBe('2026-03-01');
    expect(input.site).toEqual({ interconnectionMw: 80, pue: 1.25, reserve: { kind: 'percent', percent: 5 } });
    expect(input.aiLoad).toEqual({ ...DEFAULT_REVENUE_INPUT.aiLoad, contractedItMw: 50 });
    expect(input.mining).toEqual({ ...DEFAULT_REVENUE_INPUT.mining, fleetMw: 30 });
    expect(input.energy.price).toEqual({ kind: 'flat', usdPerMwh: 45 });
    expect(input.deal).toEqual({
      colocationUsdPerKwMonth: 150,
      energyPassThrough: { kind: 'at-cost' },
      revenueShare: { hostPercent: 70, tenantPercent: 30 },
      platformFeePercent: 3,
    });
    expect(() => simulateRevenue(input)).not.toThrow();
  });

  it('shrinks the default 5% reserve when the deal’s facility load needs the room', () => {
    // 50 MW x 1.25 = 62.5 MW on a 64 MW site: 5% (3.2 MW) would leave 60.8; the reserve becomes 1.5 MW.
    const input = agreedRevenueInput(null, DEAL, { ...SITE, interconnectionMw: 64 });
    expect(input.site.reserve).toEqual({ kind: 'mw', mw: 1.5 });
    // A deal larger than the site is refused, naming the deal's MW.
    expect(issuePaths(() => agreedRevenueInput(null, DEAL, { ...SITE, interconnectionMw: 60 }))).toEqual(['deal.mw']);
  });

  it('writes the deal’s price, MW, shares and fee over a signed scenario and keeps the rest', () => {
    const scenario: TRevenueInput = {
      ...DEFAULT_REVENUE_INPUT,
      aiLoad: { ...DEFAULT_REVENUE_INPUT.aiLoad, contractedItMw: 10 },
      deal: { ...DEFAULT_REVENUE_INPUT.deal, colocationUsdPerKwMonth: 1, revenueShare: { hostPercent: 1, tenantPercent: 99 }, platformFeePercent: 50 },
    };
    const input = agreedRevenueInput(scenario, DEAL, SITE);
    expect(input.aiLoad.contractedItMw).toBe(50);
    expect(input.deal.colocationUsdPerKwMonth).toBe(150);
    expect(input.deal.revenueShare).toEqual({ hostPercent: 70, tenantPercent: 30 });
    expect(input.deal.platformFeePercent).toBe(3);
    expect(input.startDate).toBe(scenario.startDate);
    expect(input.mining).toEqual(scenario.mining);
    expect(input.site).toEqual(scenario.site);
  });

  it('names the field of a bad deal term or a bad scenario', () => {
    expect(issuePaths(() => agreedRevenueInput(null, { ...DEAL, hostMiningShareBps: 12_000 }, SITE))).toEqual(['deal.hostMiningShareBps']);
    expect(issuePaths(() => agreedRevenueInput(null, DEAL, { ...SITE, pue: 0.5 }))).toEqual(['defaults.pue']);
    const broken = { ...DEFAULT_REVENUE_INPUT, mining: { ...DEFAULT_REVENUE_INPUT.mining, jPerTh: 0 } };
    expect(issuePaths(() => agreedRevenueInput(broken, DEAL, SITE))).toEqual(['scenario.mining.jPerTh']);
  });
});

describe('agreedTerms', () => {
  const input = agreedRevenueInput(
    {
      ...DEFAULT_REVENUE_INPUT,
      site: { ...DEFAULT_REVENUE_INPUT.site, pue: 1.2 },
      mining: { ...DEFAULT_REVENUE_INPUT.mining, jPerTh: 16.5, poolFeePercent: 1.5, variableOpexUsdPerMwh: 2.25 },
      deal: { ...DEFAULT_REVENUE_INPUT.deal, energyPassThrough: { kind: 'margin', marginPercent: 4.5 } },
    },
    DEAL,
    SITE,
  );

  it('takes the deal’s terms, and PUE, fleet, pool fee, opex and margin from the agreed input', () => {
    expect(agreedTerms(input, DEAL)).toEqual({
      priceCentsPerKwMonth: 15_000,
      contractedKw: 50_000,
      pue: 1.2,
      energyMarginBps: 450,
      jPerTh: 16.5,
      poolFeeBps: 150,
      variableOpexCentsPerMwh: 225,
      tenantBackfillShareBps: 3_000,
      // No DR share agreed: the tenant's share of the backfill.
      tenantDemandResponseShareBps: 3_000,
      platformFeeBps: 300,
      slaTiers: DEFAULT_SLA_TIERS,
      maintenanceAllowanceHours: 8,
      hashpriceSource: 'INDEX',
    });
  });

  it('takes a deal’s own SLA table, DR share, hashprice source, and MW to the kW', () => {
    const tiers = [{ minAvailabilityPct: 99.99, creditPct: 0 }, { minAvailabilityPct: 0, creditPct: 20 }];
    const deal = { ...DEAL, mw: 12.345, slaTiers: tiers, tenantDemandResponseShareBps: 5_000, hashpriceSource: 'POOL_STATEMENTS' as const };
    const terms = agreedTerms(agreedRevenueInput(null, deal, SITE), deal);
    expect(terms.slaTiers).toEqual(tiers);
    expect(terms.tenantDemandResponseShareBps).toBe(5_000);
    expect(terms.hashpriceSource).toBe('POOL_STATEMENTS');
    expect(terms.contractedKw).toBe(12_345);
  });

  it('moves no money for what a scenario says about the market: a saved hashprice or energy price changes no term', () => {
    const absurd = { ...input, market: { hashpriceUsdPerPhDay: 10_000 }, energy: { ...input.energy, price: { kind: 'flat' as const, usdPerMwh: 9_999 } } };
    const terms = agreedTerms(absurd, DEAL);
    expect(terms).toEqual(agreedTerms(input, DEAL));
    // And the statement reads only the terms and the month's data: the same statement either way.
    const month = monthInput('2026-06', { aiItMwh: hourly('2026-06', () => 45), miningMwh: hourly('2026-06', () => 6) });
    expect(settleMonth({ ...month, terms })).toEqual(settleMonth({ ...month, terms: agreedTerms(input, DEAL) }));
  });

  it('names the field of a bad agreed input', () => {
    expect(issuePaths(() => agreedTerms({ ...input, mining: { ...input.mining, jPerTh: 0 } }, DEAL))).toEqual(['agreedInput.mining.jPerTh']);
    expect(issuePaths(() => agreedTerms(input, { ...DEAL, platformFeeBps: -1 }))).toEqual(['deal.platformFeeBps']);
  });
});
