// The edges of the arithmetic, each with its figures by hand. June 2026 (30 days, H = 720) unless said;
// the note's terms: 50 MW (reserved facility 60 MW) at $150/kW-month, PUE 1.2, $40/MWh, 17.5 J/TH, pool fee
// 2% (revenue $116.666.../MWh at $50), shares 50%, fee 3%, the house SLA table, 8 h maintenance allowance.
import { settleMonth } from './settle.js';
import { NOTE_TERMS, amountOf, hourly, monthInput } from './testing/fixtures.js';
import { reproduce } from './testing/reproduce.js';
import type { CurtailmentCause, MeterChannel, SettlementEvent, SettlementMonthInput, SettlementStatementOut } from './types.js';

const MONTH = '2026-06';
const COLOCATION = 750_000_000; // 50,000 kW x $150

function event(cause: CurtailmentCause, channel: MeterChannel, startsAt: string, endsAt: string, mwAffected: number, extra: Partial<SettlementEvent> = {}): SettlementEvent {
  return { id: `${cause}-${startsAt}`, cause, channel, startsAt, endsAt, mwAffected, paymentCentsPerMwh: cause === 'DEMAND_RESPONSE' ? 10_000 : null, disputed: false, ...extra };
}

function settle(overrides: Partial<SettlementMonthInput> = {}, month = MONTH): SettlementStatementOut {
  const s = settleMonth(monthInput(month, overrides));
  for (const l of s.lines) expect(reproduce(l)).toBe(l.amountCents);
  expect(s.tenantTotalCents).toBe(s.hostPayoutCents + s.platformFeeCents);
  return s;
}

describe('SLA tiers at their edges (720 h: 99.9% = 0.72 h, 99.5% = 3.6 h, 99.0% = 7.2 h unavailable)', () => {
  const outage = (mw: number, hours: number) =>
    settle({ events: [event('FACILITY', 'AI_IT', '2026-06-10T00:00:00Z', `2026-06-10T${String(hours).padStart(2, '0')}:00:00Z`, mw)] });

  it.each([
    // [MW down, hours, unavailable = MW / 50 x hours, credit %]
    [36, 1, 0.72, 0], // 99.9% exactly: no credit
    [37, 1, 0.74, 5], // 99.897%
    [45, 4, 3.6, 5], // 99.5% exactly
    [46, 4, 3.68, 10], // 99.489%
    [45, 8, 7.2, 10], // 99.0% exactly
    [46, 8, 7.36, 25], // 98.978%
  ])('%d MW down for %d h: %d h unavailable, %d%% credit', (mw, hours, unavailable, creditPct) => {
    const s = outage(mw, hours);
    expect(s.summary.availability.unavailableHours).toBeCloseTo(unavailable, 12);
    expect(s.summary.availability.creditPct).toBe(creditPct);
    expect(amountOf(s, 'SLA_CREDIT')).toBe(0 - (COLOCATION * creditPct) / 100);
    // The fee is on colocation + SLA credit: 3% x (750,000,000 - credit).
    expect(s.platformFeeCents).toBe(Math.round(0.03 * (COLOCATION - (COLOCATION * creditPct) / 100)));
  });

  it('uses a deal’s own table: commitment 99.99%, 2% then 50%', () => {
    const terms = { ...NOTE_TERMS, slaTiers: [{ minAvailabilityPct: 99.99, creditPct: 0 }, { minAvailabilityPct: 99, creditPct: 2 }, { minAvailabilityPct: 0, creditPct: 50 }] };
    // 1 h of 36 MW: 0.72 h, 99.9%: below 99.99 -> 2% of $7,500,000 = -$150,000.00
    const s = settle({ terms, events: [event('FACILITY', 'AI_IT', '2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z', 36)] });
    expect(s.summary.availability.commitmentPct).toBe(99.99);
    expect(amountOf(s, 'SLA_CREDIT')).toBe(-15_000_000);
  });

  it('counts only FACILITY (and maintenance beyond the allowance): grid emergencies, the tenant, price and demand response never', () => {
    const causes: CurtailmentCause[] = ['GRID_EMERGENCY', 'TENANT', 'PRICE', 'DEMAND_RESPONSE'];
    const s = settle({ events: causes.map((c, i) => event(c, 'AI_IT', `2026-06-1${i}T00:00:00Z`, `2026-06-1${i}T10:00:00Z`, 50)) });
    expect(s.summary.availability.pct).toBe(100);
    expect(amountOf(s, 'SLA_CREDIT')).toBe(0);
    // Still reported, each 50/50 MW x 10 h.
    expect(s.summary.availability.byCause).toEqual({ GRID_EMERGENCY: 10, TENANT: 10, PRICE: 10, DEMAND_RESPONSE: 10 });
    // FACILITY on the MINING channel is the host's own fleet: not the tenant's availability.
    expect(settle({ events: [event('FACILITY', 'MINING', '2026-06-10T00:00:00Z', '2026-06-11T00:00:00Z', 50)] }).summary.availability.pct).toBe(100);
  });

  it('caps overlapping outages at the contracted MW in each hour', () => {
    // Two 40 MW FACILITY events over the same 2 hours: 80/50 per hour, capped at 1: 2 h, not 3.2 h.
    const s = settle({
      events: [
        event('FACILITY', 'AI_IT', '2026-06-10T00:00:00Z', '2026-06-10T02:00:00Z', 40, { id: 'a' }),
        event('FACILITY', 'AI_IT', '2026-06-10T00:00:00Z', '2026-06-10T02:00:00Z', 40, { id: 'b' }),
      ],
    });
    expect(s.summary.availability.unavailableHours).toBe(2);
    // 1 - 2/720 = 99.722%: the 5% tier.
    expect(s.summary.availability.creditPct).toBe(5);
  });

  it('weighs a 15-minute outage by the part of the hour it covers', () => {
    // 10:15-10:45, 50 MW: 0.5 h; 1 - 0.5/720 = 99.93%: no credit.
    const s = settle({ events: [event('FACILITY', 'AI_IT', '2026-06-10T10:15:00Z', '2026-06-10T10:45:00Z', 50)] });
    expect(s.summary.availability.unavailableHours).toBe(0.5);
    expect(s.summary.availability.creditPct).toBe(0);
  });

  it('counts a disputed event until it is withdrawn, and says it is disputed', () => {
    const s = settle({ events: [event('FACILITY', 'AI_IT', '2026-06-10T00:00:00Z', '2026-06-10T04:00:00Z', 50, { id: 'x', disputed: true })] });
    expect(s.summary.availability.unavailableHours).toBe(4);
    expect(s.summary.disputedEventIds).toEqual(['x']);
  });
});

describe('the maintenance allowance (8 h a month)', () => {
  const maintenance = (mw: number, hours: number, facilityMw = 0) =>
    settle({
      events: [
        event('MAINTENANCE_PLANNED', 'AI_IT', '2026-06-10T00:00:00Z', `2026-06-10T${String(hours).padStart(2, '0')}:00:00Z`, mw),
        ...(facilityMw > 0 ? [event('FACILITY', 'AI_IT', '2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z', facilityMw)] : []),
      ],
    }).summary.availability;

  it('does not count within the allowance', () => expect(maintenance(50, 8).unavailableHours).toBe(0));
  it('counts the hours beyond it: 10 h of 50 MW -> 2 h', () => expect(maintenance(50, 10).unavailableHours).toBe(2));
  it('weighs by MW: 12 h of 25 MW = 6 equivalent hours, within', () => expect(maintenance(25, 12).unavailableHours).toBe(0));
  it('shares an hour with FACILITY up to the whole contracted MW', () => {
    // Hour 0: FACILITY 50 MW (1 h) leaves nothing for maintenance; 10 h of maintenance count 9 h, 1 beyond.
    expect(maintenance(50, 10, 50).unavailableHours).toBe(2);
  });
});

describe('partial months and agreed MW changes', () => {
  const ai = hourly(MONTH, () => 40);
  it('prorates a first month by active day, and ignores what lies before the start', () => {
    // Active from 11 June: 20 of 30 days; 50,000 kW x $150 x 20/30 = $5,000,000.00
    const s = settle({ activeFrom: '2026-06-11', aiItMwh: ai, events: [event('FACILITY', 'AI_IT', '2026-06-02T00:00:00Z', '2026-06-02T10:00:00Z', 50)] });
    expect(amountOf(s, 'COLOCATION')).toBe(500_000_000);
    expect(s.summary.activeHours).toBe(480);
    // The outage before the start counts for nothing: 100%.
    expect(s.summary.availability.pct).toBe(100);
    // Pass-through: 480 h x 40 MW x 1.2 x $40 = $921,600.00 (the readings before the start count for nothing).
    expect(amountOf(s, 'ENERGY_PASS_THROUGH')).toBe(92_160_000);
  });

  it('prorates a last month up to the (exclusive) end', () => {
    // Until 21 June: 1-20 June, 20 days: $5,000,000.00
    const s = settle({ activeFrom: '2026-01-01', activeUntil: '2026-06-21', aiItMwh: ai });
    expect(amountOf(s, 'COLOCATION')).toBe(500_000_000);
    expect(s.summary.activeHours).toBe(480);
  });

  it('settles nothing for a month outside the active period', () => {
    const s = settle({ activeFrom: '2026-07-01', aiItMwh: ai, carriedTenantCreditCents: -5 });
    expect(s.lines.map((l) => l.amountCents)).toEqual([0, 0, 0, 0, 0, -5]);
    expect(s.tenantTotalCents).toBe(0);
    expect(s.tenantCarryOutCents).toBe(-5);
  });

  it('prorates an agreed MW change by day, and the headroom follows it', () => {
    // July 2026 (31 days): 50,000 kW to 10 July, 40,000 kW from 11 July.
    // kW-days = 10 x 50,000 + 21 x 40,000 = 1,340,000; x 15,000 / 31 = 648,387,096.77 -> 648,387,097 cents.
    const month = '2026-07';
    const s = settle(
      {
        kwChanges: [{ effectiveOn: '2026-07-11', kw: 40_000 }],
        // AI 40 MW all month: headroom 60 - 48 = 12 MW to the 10th, 48 - 48 = 0 after. Mining 12 MW.
        aiItMwh: hourly(month, () => 40),
        miningMwh: hourly(month, () => 12),
      },
      month,
    );
    expect(amountOf(s, 'COLOCATION')).toBe(648_387_097);
    // Settled 10 days x 24 h x 12 MW = 2,880 MWh; the 21 days after: 0 (6,048 MWh unsettled).
    expect(s.summary.energyMwh.settledMining).toBe(2_880);
    expect(s.summary.energyMwh.unsettledMining).toBe(6_048);
    expect(s.lines[0]!.detail.periods).toEqual([
      { from: '2026-07-01', until: '2026-07-11', kw: 50_000, days: 10 },
      { from: '2026-07-11', until: '2026-08-01', kw: 40_000, days: 21 },
    ]);
  });

  it('rounds a line once, half away from zero', () => {
    // 1 kW at 1 cent/kW-month for 15 of 30 days = 0.5 cent -> 1 cent.
    const terms = { ...NOTE_TERMS, contractedKw: 1, priceCentsPerKwMonth: 1 };
    expect(amountOf(settle({ terms, activeFrom: '2026-06-16' }), 'COLOCATION')).toBe(1);
    // 1 kW at 5 cents/kW-month: colocation 5 cents. The whole kW down for 5 h: 1 - 5/720 = 99.31%, the 10%
    // tier: 10% of 5 cents = 0.5 cent -> a credit of -1 cent (away from zero on the magnitude).
    const slaTerms = { ...terms, priceCentsPerKwMonth: 5 };
    const tenPct = settle({ terms: slaTerms, events: [event('FACILITY', 'AI_IT', '2026-06-10T00:00:00Z', '2026-06-10T05:00:00Z', 0.001)] });
    expect(tenPct.summary.availability.creditPct).toBe(10);
    expect(amountOf(tenPct, 'SLA_CREDIT')).toBe(-1);
  });
});

describe('metered data', () => {
  it('reports gaps (NaN hours) per channel and bills or credits nothing for them', () => {
    // AI missing 02:00-05:00 on the 1st (3 h), mining missing on the 2nd 00:00-02:00 (2 h).
    const aiItMwh = hourly(MONTH, ({ h }) => (h >= 2 && h < 5 ? Number.NaN : 45));
    const miningMwh = hourly(MONTH, ({ h }) => (h >= 24 && h < 26 ? Number.NaN : 6));
    const s = settle({ aiItMwh, miningMwh });
    expect(s.summary.gaps).toEqual([
      { channel: 'AI_IT', from: '2026-06-01T02:00:00.000Z', until: '2026-06-01T05:00:00.000Z', hours: 3 },
      { channel: 'MINING', from: '2026-06-02T00:00:00.000Z', until: '2026-06-02T02:00:00.000Z', hours: 2 },
    ]);
    // AI: 717 h x 45 MW = 32,265 MWh x 1.2 x $40 = $1,548,720.00
    expect(amountOf(s, 'ENERGY_PASS_THROUGH')).toBe(154_872_000);
    // Mining: 718 h x 6 MW = 4,308 MWh settled (in the AI gap the whole 60 MW counts as headroom; 6 fits).
    expect(s.summary.energyMwh.settledMining).toBe(4_308);
    // Net: 4,308 x (116.666... - 40) = $330,280.00; 50% = -$165,140.00
    expect(amountOf(s, 'BACKFILL_CREDIT')).toBe(-16_514_000);
  });

  it('leaves out a day with no hashprice, and names it', () => {
    const hashprice: (number | null)[] = new Array<number | null>(30).fill(50);
    hashprice[5] = null; // 6 June
    hashprice[6] = null; // 7 June: no mining that day, so not missing
    const miningMwh = hourly(MONTH, ({ day }) => (day === 6 ? 0 : 6));
    const s = settle({ aiItMwh: hourly(MONTH, () => 45), miningMwh, hashpriceUsdPerPhDay: hashprice });
    expect(s.summary.missingHashpriceDays).toEqual(['2026-06-06']);
    // 28 priced days x 24 h x 6 MW = 4,032 MWh x $76.666... = $309,120.00; 50% = -$154,560.00
    expect(amountOf(s, 'BACKFILL_CREDIT')).toBe(-15_456_000);
    expect(s.lines[3]!.detail.unpricedMiningMwh).toBe(144);
  });

  it('takes pool statements as already net of the pool fee', () => {
    // 10 MWh mined on the 1st, 00:00, at $50: (1,000 / 17.5) x 50 / 24 = $119.047619 (no 2% again).
    const input = { aiItMwh: hourly(MONTH, () => 45), miningMwh: hourly(MONTH, ({ h }) => (h === 0 ? 6 : 0)) };
    const pool = settle({ ...input, terms: { ...NOTE_TERMS, hashpriceSource: 'POOL_STATEMENTS' } });
    const index = settle(input);
    // gross: 6 x 119.047619 = $714.29; with the index's 2% fee: 6 x 116.666667 = $700.00
    expect(pool.summary.backfill.grossRevenueCents).toBe(71_429);
    expect(index.summary.backfill.grossRevenueCents).toBe(70_000);
    // credits: 50% x 6 x (119.047619 - 40) = -$237.14; 50% x 6 x 76.666667 = -$230.00
    expect(amountOf(pool, 'BACKFILL_CREDIT')).toBe(-23_714);
    expect(amountOf(index, 'BACKFILL_CREDIT')).toBe(-23_000);
  });

  it('settles no mining beyond the headroom: that is the host’s own power', () => {
    // AI at the full 50 MW: headroom 60 - 60 = 0; the fleet's 20 MW are all the host's.
    const s = settle({ aiItMwh: hourly(MONTH, () => 50), miningMwh: hourly(MONTH, () => 20) });
    expect(s.summary.energyMwh.settledMining).toBe(0);
    expect(s.summary.energyMwh.unsettledMining).toBe(14_400);
    expect(amountOf(s, 'BACKFILL_CREDIT')).toBe(0);
  });

  it('leaves a losing hour with the host: only positive hours are shared', () => {
    // Mining 6 MW every hour; energy $200/MWh on the 1st (24 h), $40 otherwise.
    const energy = hourly(MONTH, ({ day }) => (day === 0 ? 200 : 40));
    const s = settle({ aiItMwh: hourly(MONTH, () => 45), miningMwh: hourly(MONTH, () => 6), energyPriceUsdPerMwh: energy });
    // Losing hours: 24 x 6 x (116.666... - 200) = -$12,000.00, kept by the host.
    expect(s.summary.backfill.lossHoursNetCents).toBe(-1_200_000);
    // Positive: 29 x 24 x 6 x 76.666... = $320,160.00; 50% = -$160,080.00 (not reduced by the loss).
    expect(s.summary.backfill.positiveNetCents).toBe(32_016_000);
    expect(amountOf(s, 'BACKFILL_CREDIT')).toBe(-16_008_000);
  });

  it('applies the agreed energy margin and variable opex', () => {
    // 5% margin: 720 h x 45 MW x 1.2 x $40 x 1.05 = $1,632,960.00
    const terms = { ...NOTE_TERMS, energyMarginBps: 500, variableOpexCentsPerMwh: 250 };
    const s = settle({ terms, aiItMwh: hourly(MONTH, () => 45), miningMwh: hourly(MONTH, () => 6) });
    expect(amountOf(s, 'ENERGY_PASS_THROUGH')).toBe(163_296_000);
    // Backfill: 4,320 MWh x (116.666... - 40 - 2.50) = $320,400.00; 50% = -$160,200.00
    expect(amountOf(s, 'BACKFILL_CREDIT')).toBe(-16_020_000);
    expect(s.summary.backfill.variableOpexCents).toBe(1_080_000);
  });
});

describe('demand response', () => {
  const base = { aiItMwh: hourly(MONTH, () => 25), miningMwh: hourly(MONTH, ({ h }) => (h < 2 ? 0 : 30)) };
  it('pays once per curtailed MWh, the higher rate first, within the idle headroom', () => {
    // Hours 0-1: headroom 30 MW, mining 0. Two overlapping events of 30 MW at $100 and $250: 30 MWh/h, not 60,
    // all at $250: 60 MWh x $250 = $15,000.00; 50% = -$7,500.00
    const s = settle({
      ...base,
      events: [
        event('DEMAND_RESPONSE', 'MINING', '2026-06-01T00:00:00Z', '2026-06-01T02:00:00Z', 30, { id: 'low', paymentCentsPerMwh: 10_000 }),
        event('DEMAND_RESPONSE', 'MINING', '2026-06-01T00:00:00Z', '2026-06-01T02:00:00Z', 30, { id: 'high', paymentCentsPerMwh: 25_000 }),
      ],
    });
    expect(s.summary.energyMwh.curtailedForDemandResponse).toBe(60);
    expect(amountOf(s, 'DEMAND_RESPONSE_CREDIT')).toBe(-750_000);
    expect(s.lines[4]!.detail.events).toEqual([
      { id: 'low', mwAffected: 30, hours: 2, disputed: false, mwh: 0, usd: 0 },
      { id: 'high', mwAffected: 30, hours: 2, disputed: false, mwh: 60, usd: 15_000 },
    ]);
  });

  it('pays nothing for curtailment beyond the tenant’s headroom', () => {
    // 80 MW curtailed, but the headroom is 30 MW: 30 MWh/h x 2 h x $100 = $6,000; 50% = -$3,000.00
    const s = settle({ ...base, events: [event('DEMAND_RESPONSE', 'MINING', '2026-06-01T00:00:00Z', '2026-06-01T02:00:00Z', 80)] });
    expect(amountOf(s, 'DEMAND_RESPONSE_CREDIT')).toBe(-300_000);
  });
});

describe('carries, adjustments and the fee', () => {
  it('bills nothing when credits exceed charges, and carries the rest', () => {
    // Lines: 750,000,000 colocation + 0 pass-through - 900,000,000 carried = -150,000,000.
    const s = settle({ carriedTenantCreditCents: -900_000_000 });
    expect(s.tenantTotalCents).toBe(0);
    expect(s.tenantCarryOutCents).toBe(-150_000_000);
    // Fee owed 3% x 750,000,000 = 22,500,000, but nothing was collected: all of it carried.
    expect(s.platformFeeCents).toBe(0);
    expect(s.hostPayoutCents).toBe(0);
    expect(s.feeCarryOutCents).toBe(22_500_000);
  });

  it('takes a fee carried in, up to what is collected', () => {
    // T = 750,000,000 - 740,000,000 = 10,000,000; fee owed = 22,500,000 + 1,000,000 carried in.
    const s = settle({ carriedTenantCreditCents: -740_000_000, carriedPlatformFeeCents: 1_000_000 });
    expect(s.tenantTotalCents).toBe(10_000_000);
    expect(s.platformFeeCents).toBe(10_000_000);
    expect(s.hostPayoutCents).toBe(0);
    expect(s.feeCarryOutCents).toBe(13_500_000);
    // With room for it: fee = 22,500,000 + 1,000,000.
    expect(settle({ carriedPlatformFeeCents: 1_000_000 }).platformFeeCents).toBe(23_500_000);
  });

  it('puts adjustments on their own lines; those to colocation and SLA carry the fee', () => {
    const s = settle({
      adjustments: [
        { month: '2026-05', corrects: 'COLOCATION', amountCents: -10_000_000, reason: 'MW change recorded late' },
        { month: '2026-04', corrects: 'ENERGY_PASS_THROUGH', amountCents: 123_456, reason: 'readings corrected' },
      ],
    });
    const adjustments = s.lines.filter((l) => l.kind === 'ADJUSTMENT');
    expect(adjustments.map((l) => [l.adjustsMonth, l.feeBase, l.amountCents])).toEqual([
      ['2026-05', true, -10_000_000],
      ['2026-04', false, 123_456],
    ]);
    expect(adjustments[0]!.description).toBe('Adjustment to 2026-05 colocation: MW change recorded late');
    // T = 750,000,000 - 10,000,000 + 123,456; fee = 3% x 740,000,000 = 22,200,000.
    expect(s.tenantTotalCents).toBe(740_123_456);
    expect(s.platformFeeCents).toBe(22_200_000);
  });

  it('carries a fee owed back when an adjustment takes the fee base below zero', () => {
    // Active from the 30th: colocation 750,000,000 / 30 = 25,000,000; a -100,000,000 colocation adjustment.
    // Fee owed = 3% x -75,000,000 = -2,250,000: the platform takes nothing and owes it back next time.
    const s = settle({ activeFrom: '2026-06-30', adjustments: [{ month: '2026-05', corrects: 'COLOCATION', amountCents: -100_000_000, reason: 'overbilled' }] });
    expect(s.tenantTotalCents).toBe(0);
    expect(s.tenantCarryOutCents).toBe(-75_000_000);
    expect(s.platformFeeCents).toBe(0);
    expect(s.feeCarryOutCents).toBe(-2_250_000);
  });
});
