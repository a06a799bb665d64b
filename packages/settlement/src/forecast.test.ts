// Model versus actual: the agreed scenario's forecast of a month through the same engine, and the variance.
import { DEFAULT_REVENUE_INPUT, type TRevenueInput } from '@gridshare/revenue';
import { agreedRevenueInput, agreedTerms, type DealTerms } from './agreement.js';
import { SettlementInputError } from './errors.js';
import { compareWithForecast, forecastMonth, forecastYearInput } from './forecast.js';
import { settleMonth } from './settle.js';
import { amountOf, hourly, issuePaths, monthInput } from './testing/fixtures.js';

// A scenario simple enough to forecast by hand: 50 MW contracted at a flat 75% utilisation, PUE 1.2, on a
// 60 MW site with no reserve (the host has no headroom of its own): AI facility 50 x 0.75 x 1.2 = 45 MW, so
// the 40 MW fleet (always on: no strike, 100% uptime) mines 60 - 45 = 15 MW every hour. Hashprice $50,
// 17.5 J/TH, 2% pool fee: $116.666.../MWh; energy $40/MWh flat.
const SCENARIO: TRevenueInput = {
  ...DEFAULT_REVENUE_INPUT,
  startDate: '2026-01-01',
  site: { interconnectionMw: 60, pue: 1.2, reserve: { kind: 'mw', mw: 0 } },
  aiLoad: { contractedItMw: 50, profile: { kind: 'flat', utilisation: 0.75 } },
  mining: { ...DEFAULT_REVENUE_INPUT.mining, fleetMw: 40, uptimePercent: 100, poolFeePercent: 2, variableOpexUsdPerMwh: 0 },
  market: { hashpriceUsdPerPhDay: 50 },
  // The scenario's own demand-response day is not the forecast's: the forecast has no events.
  energy: { price: { kind: 'flat', usdPerMwh: 40 }, demandResponseEvents: [{ startHour: 3_700, durationHours: 5, paymentUsdPerMwh: 900 }], strike: { kind: 'none' } },
};
const DEAL: DealTerms = {
  mw: 50,
  priceCentsPerKwMonth: 15_000,
  hostMiningShareBps: 5_000,
  platformFeeBps: 300,
  slaTiers: null,
  maintenanceAllowanceHours: 8,
  hashpriceSource: 'INDEX',
};
const AGREED = agreedRevenueInput(SCENARIO, DEAL, { startDate: '2026-01-01', interconnectionMw: 60, pue: 1.2, energyPriceCentsPerMwh: 4_000, miningFleetMw: 40 });
const TERMS = { ...agreedTerms(AGREED, DEAL), tenantDemandResponseShareBps: 5_000 };

describe('forecastMonth', () => {
  const forecast = forecastMonth(AGREED, TERMS, '2026-06', '2026-01-01', null, []);

  it('forecasts June 2026 by hand', () => {
    // colocation $7,500,000.00; no events: 100%, no SLA credit, no demand response.
    expect(amountOf(forecast, 'COLOCATION')).toBe(750_000_000);
    expect(forecast.summary.availability.pct).toBe(100);
    expect(amountOf(forecast, 'SLA_CREDIT')).toBe(0);
    expect(amountOf(forecast, 'DEMAND_RESPONSE_CREDIT')).toBe(0);
    // AI IT 37.5 MW x 720 h = 27,000 MWh x 1.2 x $40 = $1,296,000.00
    expect(forecast.summary.energyMwh.aiIt).toBeCloseTo(27_000, 6);
    expect(amountOf(forecast, 'ENERGY_PASS_THROUGH')).toBe(129_600_000);
    // Mining 15 MW x 720 h = 10,800 MWh x (116.666... - 40) = $828,000.00; 50% = -$414,000.00
    expect(forecast.summary.energyMwh.settledMining).toBeCloseTo(10_800, 6);
    expect(amountOf(forecast, 'BACKFILL_CREDIT')).toBe(-41_400_000);
    // T = 7,500,000 + 1,296,000 - 414,000 = $8,382,000.00; fee 3% x 7,500,000 = $225,000.00
    expect(forecast.tenantTotalCents).toBe(838_200_000);
    expect(forecast.platformFeeCents).toBe(22_500_000);
    expect(forecast.hostPayoutCents).toBe(815_700_000);
  });

  it('applies the MW in force each day, and settles no mining beyond the smaller headroom', () => {
    // 40,000 kW from 16 June: colocation (15 x 50,000 + 15 x 40,000) x $150 / 30 = $6,750,000.00
    const s = forecastMonth(AGREED, TERMS, '2026-06', '2026-01-01', null, [{ effectiveOn: '2026-06-16', kw: 40_000 }]);
    expect(amountOf(s, 'COLOCATION')).toBe(675_000_000);
    // AI IT: 15 d x 24 x 37.5 + 15 d x 24 x (0.75 x 40 = 30) = 13,500 + 10,800 = 24,300 MWh x 1.2 x $40
    expect(amountOf(s, 'ENERGY_PASS_THROUGH')).toBe(116_640_000);
    // From the 16th: reserved 48 MW, headroom 48 - 36 = 12 of the fleet's 15 MW.
    // Settled 15 x 24 x 15 + 15 x 24 x 12 = 5,400 + 4,320 = 9,720 MWh x 76.666... = $745,200; 50% = -$372,600.00
    expect(s.summary.energyMwh.unsettledMining).toBeCloseTo(1_080, 6);
    expect(amountOf(s, 'BACKFILL_CREDIT')).toBe(-37_260_000);
  });

  it('uses the scenario’s flat hashprice as an index figure (the pool fee applies) and only the active days', () => {
    const pool = forecastMonth(AGREED, { ...TERMS, hashpriceSource: 'POOL_STATEMENTS' }, '2026-06', '2026-01-01', null, []);
    expect(pool).toEqual(forecast);
    // Active until 16 June: 15 days, half of everything above.
    const half = forecastMonth(AGREED, TERMS, '2026-06', '2026-01-01', '2026-06-16', []);
    expect(amountOf(half, 'COLOCATION')).toBe(375_000_000);
    expect(amountOf(half, 'BACKFILL_CREDIT')).toBe(-20_700_000);
  });

  it('re-bases hourly series to the year from the month’s 1st, by calendar position', () => {
    const values = Array.from({ length: 8_760 }, (_, h) => (h % 100) / 100);
    const input: TRevenueInput = { ...AGREED, startDate: '2025-07-01', aiLoad: { ...AGREED.aiLoad, profile: { kind: 'series', values } } };
    const rebased = forecastYearInput(input, '2026-03-01');
    expect(rebased.startDate).toBe('2026-03-01');
    expect(rebased.energy.demandResponseEvents).toEqual([]);
    // 1 March 2026 is day 243 of the series from 1 July 2025.
    const profile = rebased.aiLoad.profile;
    expect(profile.kind === 'series' && profile.values[0]).toBe(values[243 * 24]);
  });

  it('names the field of a bad argument', () => {
    expect(issuePaths(() => forecastMonth(AGREED, TERMS, '2026-6', '2026-01-01', null, []))).toEqual(['month']);
    expect(issuePaths(() => forecastMonth({ ...AGREED, mining: { ...AGREED.mining, jPerTh: 0 } }, TERMS, '2026-06', '2026-01-01', null, []))).toEqual(['agreedInput.mining.jPerTh']);
    expect(issuePaths(() => forecastMonth(AGREED, { ...TERMS, pue: 0 }, '2026-06', '2026-01-01', null, []))).toEqual(['terms.pue']);
  });
});

describe('compareWithForecast', () => {
  it('sets the worked month’s actuals beside the forecast, line by line', () => {
    // The worked month (docs/settlement.md) happened in June 2026 under the same terms.
    const isDay = (hour: number) => hour >= 6 && hour < 22;
    const outage = (h: number) => h >= 226 && h < 230;
    const dr = (h: number) => h >= 457 && h < 459;
    const actual = settleMonth(
      monthInput('2026-06', {
        terms: TERMS,
        aiItMwh: hourly('2026-06', ({ h, hour }) => (outage(h) ? 0 : isDay(hour) ? 45 : 25)),
        miningMwh: hourly('2026-06', ({ h, hour }) => (outage(h) || dr(h) ? 0 : isDay(hour) ? 6 : 30)),
        events: [
          { id: 'o', cause: 'FACILITY', channel: 'AI_IT', startsAt: '2026-06-10T10:00:00Z', endsAt: '2026-06-10T14:00:00Z', mwAffected: 50, paymentCentsPerMwh: null, disputed: false },
          { id: 'd', cause: 'DEMAND_RESPONSE', channel: 'MINING', startsAt: '2026-06-20T01:00:00Z', endsAt: '2026-06-20T03:00:00Z', mwAffected: 30, paymentCentsPerMwh: 10_000, disputed: false },
        ],
      }),
    );
    const forecast = forecastMonth(AGREED, TERMS, '2026-06', '2026-01-01', null, []);
    const comparison = compareWithForecast(actual, forecast);
    expect(comparison.lines).toEqual([
      { kind: 'COLOCATION', forecastCents: 750_000_000, actualCents: 750_000_000, varianceCents: 0 },
      // The outage's 10% tier.
      { kind: 'SLA_CREDIT', forecastCents: 0, actualCents: -75_000_000, varianceCents: -75_000_000 },
      // 27,420 MWh actual against 27,000 forecast: 420 x 1.2 x $40 = $20,160.00 more.
      { kind: 'ENERGY_PASS_THROUGH', forecastCents: 129_600_000, actualCents: 131_616_000, varianceCents: 2_016_000 },
      // 9,996 MWh mined against 10,800: 804 x 76.666... = $61,640; half = $30,820.00 less credit.
      { kind: 'BACKFILL_CREDIT', forecastCents: -41_400_000, actualCents: -38_318_000, varianceCents: 3_082_000 },
      { kind: 'DEMAND_RESPONSE_CREDIT', forecastCents: 0, actualCents: -300_000, varianceCents: -300_000 },
    ]);
    expect(comparison.tenantTotal).toEqual({ forecastCents: 838_200_000, actualCents: 767_998_000, varianceCents: -70_202_000 });
    expect(comparison.platformFee).toEqual({ forecastCents: 22_500_000, actualCents: 20_250_000, varianceCents: -2_250_000 });
    expect(comparison.hostPayout).toEqual({ forecastCents: 815_700_000, actualCents: 747_748_000, varianceCents: -67_952_000 });
  });

  it('refuses statements of different months', () => {
    const a = settleMonth(monthInput('2026-06'));
    const b = settleMonth(monthInput('2026-07'));
    expect(() => compareWithForecast(a, b)).toThrow(SettlementInputError);
    expect(() => compareWithForecast(a, b)).toThrow(/forecast.month: the forecast is of 2026-07/);
  });
});
