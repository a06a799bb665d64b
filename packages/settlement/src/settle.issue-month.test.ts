// Issue #13's hand-computed month: a 50 MW deal, 31 days of hourly readings with an inference shape, a
// mining fleet on the idle reserved power, one 4-hour FACILITY outage, one DEMAND_RESPONSE event, a flat
// energy price and a hashprice that changes every day. Every line and total to the cent.
import { settleMonth } from './settle.js';
import { NOTE_TERMS, amountOf, hourly, monthInput } from './testing/fixtures.js';
import type { SettlementTerms } from './types.js';

// December 2025: 31 days, H = 744; the 1st is a Monday, so the weekends are the 6th-7th, 13th-14th,
// 20th-21st and 27th-28th: 8 weekend days (day numbers summing to 6+7+13+14+20+21+27+28 = 136) and
// 23 weekdays (day numbers summing to 496 - 136 = 360, as 1 + ... + 31 = 496).
const MONTH = '2025-12';
const isDay = (hour: number) => hour >= 6 && hour < 22; // 16 day hours, 8 night hours (UTC)

// Terms: 50 MW at $150/kW-month, PUE 1.2, 17.5 J/TH, pool fee 2%, variable opex $2/MWh, tenant's share of
// the backfill and of demand response 30%, platform fee 3%, the house SLA table, hashprice from the index.
const TERMS: SettlementTerms = {
  ...NOTE_TERMS,
  variableOpexCentsPerMwh: 200,
  tenantBackfillShareBps: 3_000,
  tenantDemandResponseShareBps: 3_000,
};

// Reserved facility power = 50 MW x 1.2 = 60 MW.
// AI_IT (inference): weekdays 45 MW by day, 25 MW at night; weekends 35 MW by day, 20 MW at night.
// Headroom = 60 - AI x 1.2: weekday day 6, weekday night 30, weekend day 18, weekend night 36 MW.
// MINING: the fleet fills the headroom, and on weekday days runs 8 MW: 2 MW beyond the headroom, on the
// host's own power, which is not settled.
// FACILITY outage: Wednesday 10 December 10:00-14:00, all 50 MW: AI and mining read 0.
// DEMAND_RESPONSE: Wednesday 17 December 01:00-03:00 on mining, 30 MW at $150/MWh: mining reads 0.
const outage = (day: number, hour: number) => day === 9 && hour >= 10 && hour < 14;
const curtailed = (day: number, hour: number) => day === 16 && hour >= 1 && hour < 3;
const aiItMwh = hourly(MONTH, ({ day, hour, weekend }) =>
  outage(day, hour) ? 0 : weekend ? (isDay(hour) ? 35 : 20) : isDay(hour) ? 45 : 25,
);
const miningMwh = hourly(MONTH, ({ day, hour, weekend }) =>
  outage(day, hour) || curtailed(day, hour) ? 0 : weekend ? (isDay(hour) ? 18 : 36) : isDay(hour) ? 8 : 30,
);
// Hashprice on day d (1-based) = $42 + $0.6 d: $42.60 on the 1st ... $60.60 on the 31st.
// Revenue per MWh = (1,000 / 17.5) x hp / 24 x 0.98 = hp x 7/3 = $98 + $1.4 d.
const hashprice = Array.from({ length: 31 }, (_, i) => 42 + 0.6 * (i + 1));

const statement = settleMonth(
  monthInput(MONTH, {
    terms: TERMS,
    aiItMwh,
    miningMwh,
    hashpriceUsdPerPhDay: hashprice,
    events: [
      {
        id: 'facility-outage',
        cause: 'FACILITY',
        channel: 'AI_IT',
        startsAt: '2025-12-10T10:00:00Z',
        endsAt: '2025-12-10T14:00:00Z',
        mwAffected: 50,
        paymentCentsPerMwh: null,
        disputed: false,
      },
      {
        id: 'grid-dr',
        cause: 'DEMAND_RESPONSE',
        channel: 'MINING',
        startsAt: '2025-12-17T01:00:00Z',
        endsAt: '2025-12-17T03:00:00Z',
        mwAffected: 30,
        paymentCentsPerMwh: 15_000,
        disputed: false,
      },
    ],
  }),
);

describe("issue #13's month, by hand", () => {
  it('colocation: 50,000 kW x $150 x 31/31 days = $7,500,000.00', () => {
    expect(amountOf(statement, 'COLOCATION')).toBe(750_000_000);
  });

  it('SLA: availability 1 - 4/744 = 99.462% is in the 99.0-99.5% tier: 10% of $7,500,000 = -$750,000.00', () => {
    expect(statement.summary.availability.unavailableHours).toBe(4);
    expect(statement.summary.availability.pct).toBeCloseTo(100 * (1 - 4 / 744), 12);
    expect(statement.summary.availability.creditPct).toBe(10);
    expect(amountOf(statement, 'SLA_CREDIT')).toBe(-75_000_000);
  });

  it('energy pass-through: 26,740 MWh x 1.2 x $40 = $1,283,520.00', () => {
    // AI MWh: weekday 16 x 45 + 8 x 25 = 920; weekend 16 x 35 + 8 x 20 = 720;
    // 23 x 920 + 8 x 720 = 21,160 + 5,760 = 26,920, less the outage's 4 x 45 = 180: 26,740.
    expect(statement.summary.energyMwh.aiIt).toBe(26_740);
    expect(amountOf(statement, 'ENERGY_PASS_THROUGH')).toBe(128_352_000);
  });

  it('backfill: 30% of a $963,362.40 positive net = -$289,008.72', () => {
    // Settled mining per day: weekday 16 x 6 + 8 x 30 = 336; weekend 16 x 18 + 8 x 36 = 576 MWh.
    // Σ m = 23 x 336 + 8 x 576 = 7,728 + 4,608 = 12,336, less 4 x 6 = 24 (outage, day 10) and 2 x 30 = 60
    // (demand response, day 17): 12,252 MWh.
    expect(statement.summary.energyMwh.settledMining).toBe(12_252);
    // Beyond the headroom: 2 MW x 16 h x 23 weekdays = 736, less 4 x 2 in the outage: 728 MWh, not settled.
    expect(statement.summary.energyMwh.unsettledMining).toBe(728);
    // Σ m_d x d = 336 x 360 + 576 x 136 - 24 x 10 - 60 x 17 = 120,960 + 78,336 - 240 - 1,020 = 198,036.
    // gross = Σ m_d x (98 + 1.4 d) = 98 x 12,252 + 1.4 x 198,036 = 1,200,696 + 277,250.40 = $1,477,946.40
    expect(statement.summary.backfill.grossRevenueCents).toBe(147_794_640);
    // energy = 12,252 x $40 = $490,080.00; variable opex = 12,252 x $2 = $24,504.00
    expect(statement.summary.backfill.energyCostCents).toBe(49_008_000);
    expect(statement.summary.backfill.variableOpexCents).toBe(2_450_400);
    // net = 1,477,946.40 - 490,080 - 24,504 = $963,362.40; every hour earns (margin $56 + $1.4 d > 0).
    expect(statement.summary.backfill.positiveNetCents).toBe(96_336_240);
    expect(statement.summary.backfill.lossHoursNetCents).toBe(0);
    // credit = -30% x 963,362.40 = -$289,008.72
    expect(amountOf(statement, 'BACKFILL_CREDIT')).toBe(-28_900_872);
  });

  it('demand response: 30 MW of headroom x 2 h = 60 MWh x $150 = $9,000; 30% = -$2,700.00', () => {
    expect(statement.summary.energyMwh.curtailedForDemandResponse).toBe(60);
    expect(statement.summary.backfill.demandResponseIncomeCents).toBe(900_000);
    expect(amountOf(statement, 'DEMAND_RESPONSE_CREDIT')).toBe(-270_000);
  });

  it('totals: T = $7,741,811.28 = payout $7,539,311.28 + fee $202,500.00', () => {
    // T = 7,500,000 - 750,000 + 1,283,520 - 289,008.72 - 2,700 = $7,741,811.28
    expect(statement.tenantTotalCents).toBe(774_181_128);
    // fee = 3% x (7,500,000 - 750,000) = $202,500.00
    expect(statement.platformFeeCents).toBe(20_250_000);
    expect(statement.hostPayoutCents).toBe(753_931_128);
    expect(statement.tenantCarryOutCents).toBe(0);
    expect(statement.feeCarryOutCents).toBe(0);
  });

  it('reports the events, no gaps and no missing hashprice day', () => {
    // byCause: the outage is 50 / 50 MW x 4 h = 4 equivalent hours.
    expect(statement.summary.availability.byCause).toEqual({ FACILITY: 4 });
    expect(statement.summary.gaps).toEqual([]);
    expect(statement.summary.missingHashpriceDays).toEqual([]);
  });
});
