import fc from 'fast-check';
import { type HostingSettlementTerms, settleHostingMonth } from './settle';

// 1,000 S21 (3.5 kW each): 3,500 kW at $0.065/kWh all-in, 50 h of curtailment allowed, 99 % uptime,
// 2 % pool fee, 3 % platform fee.
const terms: HostingSettlementTerms = {
  pricing: { kind: 'ALL_IN', rateCentsPerMwh: 6_500 },
  contractedKw: 3_500,
  maxCurtailedHoursPerMonth: 50,
  uptimeCommitmentPct: 99,
  jPerTh: 17.5,
  poolFeePercent: 2,
  platformFeeBps: 300,
  depositCents: 0,
};

function hourly(hours: number, kwh: number, curtailedHours: number): number[] {
  return Array.from({ length: hours }, (_, h) => (h < curtailedHours ? 0 : kwh));
}

describe('settleHostingMonth, worked by hand', () => {
  it('a 30-day month with 56 h curtailed (6 h beyond the allowance) settles to the cent', () => {
    // Metered: 3,500 kWh in each of 720 - 56 = 664 hours = 2,324,000 kWh.
    // Energy: 2,324,000 kWh x $0.065 = $151,060.00.
    // Lost margin per MWh at $50/PH/day: (1,000 / 17.5) x 50 / 24 x 0.98 = $116.666667 - $65 = $51.666667.
    // Curtailment credit: 6 h x 3.5 MW = 21 MWh x 51.666667 = -$1,085.00.
    // Total $149,975.00; fee 3 % of it = $4,499.25; payout $145,475.75.
    const s = settleHostingMonth(terms, {
      hoursInMonth: 720,
      readingsKwh: hourly(720, 3_500, 56),
      curtailedHours: 56,
      downtimeHours: 0,
      hashpriceUsdPerPhDay: 50,
      deposit: { hold: false, apply: false },
      carriedCreditCents: 0,
    });
    expect(s.meteredKwh).toBe(2_324_000);
    expect(s.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['HOSTING_ENERGY', 15_106_000],
      ['CURTAILMENT_CREDIT', -108_500],
    ]);
    expect(s.tenantTotalCents).toBe(14_997_500);
    expect(s.platformFeeCents).toBe(449_925);
    expect(s.hostPayoutCents).toBe(14_547_575);
    expect(s.tenantCarryOutCents).toBe(0);
  });

  it('credits downtime beyond the uptime commitment, holds the deposit first and applies it last', () => {
    // 99 % of 720 h leaves 7.2 h of downtime allowed; 10 h down credits 2.8 h x 3.5 MW = 9.8 MWh x 51.666667 = $506.33.
    const s = settleHostingMonth(
      { ...terms, depositCents: 10_000_000 },
      {
        hoursInMonth: 720,
        readingsKwh: hourly(720, 3_500, 10),
        curtailedHours: 0,
        downtimeHours: 10,
        hashpriceUsdPerPhDay: 50,
        deposit: { hold: true, apply: false },
        carriedCreditCents: 0,
      },
    );
    expect(s.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['HOSTING_ENERGY', 16_152_500], // 2,485,000 kWh x $0.065
      ['DOWNTIME_CREDIT', -50_633],
      ['DEPOSIT_HELD', 10_000_000],
    ]);
    // The deposit is not in the fee's base: 3 % of 16,101,867 = 483,056.01.
    expect(s.platformFeeCents).toBe(483_056);
    expect(s.tenantTotalCents).toBe(26_101_867);
  });

  it('prices pass-through energy at cost and the fee per kW-month, the fee alone carrying the platform fee', () => {
    const s = settleHostingMonth(
      { ...terms, pricing: { kind: 'PASS_THROUGH', feeCentsPerKwMonth: 1_250, energyCentsPerMwh: 4_000 } },
      { hoursInMonth: 720, readingsKwh: hourly(720, 3_500, 0), curtailedHours: 0, downtimeHours: 0, hashpriceUsdPerPhDay: 50, deposit: { hold: false, apply: false }, carriedCreditCents: 0 },
    );
    // 2,520,000 kWh x $0.04 = $100,800; 3,500 kW x $12.50 = $43,750; fee 3 % of 43,750 = $1,312.50.
    expect(s.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['ENERGY_PASS_THROUGH', 10_080_000],
      ['HOSTING_FEE', 4_375_000],
    ]);
    expect(s.platformFeeCents).toBe(131_250);
  });

  it('carries a credit larger than the month forward and pays nothing out', () => {
    const s = settleHostingMonth(
      { ...terms, depositCents: 20_000_000 },
      { hoursInMonth: 720, readingsKwh: hourly(720, 100, 0), curtailedHours: 0, downtimeHours: 0, hashpriceUsdPerPhDay: 50, deposit: { hold: false, apply: true }, carriedCreditCents: 0 },
    );
    expect(s.tenantTotalCents).toBe(0);
    expect(s.hostPayoutCents).toBe(0);
    expect(s.platformFeeCents).toBe(0);
    expect(s.tenantCarryOutCents).toBe(468_000 - 20_000_000);
  });
});

describe('settleHostingMonth, properties', () => {
  it('conserves money: total = payout + fee = max(0, Σ lines), payout never above what is collected', () => {
    fc.assert(
      fc.property(
        fc.record({
          hours: fc.constantFrom(672, 696, 720, 744),
          kw: fc.integer({ min: 1, max: 200_000 }),
          load: fc.double({ min: 0, max: 1, noNaN: true }),
          curtailed: fc.integer({ min: 0, max: 200 }),
          downtime: fc.integer({ min: 0, max: 100 }),
          allowance: fc.integer({ min: 0, max: 150 }),
          uptime: fc.integer({ min: 80, max: 100 }),
          hashprice: fc.double({ min: 0, max: 200, noNaN: true }),
          passThrough: fc.boolean(),
          rate: fc.integer({ min: 1_000, max: 20_000 }),
          fee: fc.integer({ min: 0, max: 5_000 }),
          bps: fc.integer({ min: 0, max: 2_000 }),
          deposit: fc.integer({ min: 0, max: 50_000_000 }),
          hold: fc.boolean(),
          apply: fc.boolean(),
          carried: fc.integer({ min: -10_000_000, max: 0 }),
        }),
        (c) => {
          const s = settleHostingMonth(
            {
              pricing: c.passThrough ? { kind: 'PASS_THROUGH', feeCentsPerKwMonth: c.fee, energyCentsPerMwh: c.rate } : { kind: 'ALL_IN', rateCentsPerMwh: c.rate },
              contractedKw: c.kw,
              maxCurtailedHoursPerMonth: c.allowance,
              uptimeCommitmentPct: c.uptime,
              jPerTh: 17.5,
              poolFeePercent: 2,
              platformFeeBps: c.bps,
              depositCents: c.deposit,
            },
            {
              hoursInMonth: c.hours,
              readingsKwh: hourly(c.hours, Math.round(c.kw * c.load * 1_000) / 1_000, Math.min(c.hours, c.curtailed + c.downtime)),
              curtailedHours: c.curtailed,
              downtimeHours: c.downtime,
              hashpriceUsdPerPhDay: c.hashprice,
              deposit: { hold: c.hold, apply: c.apply },
              carriedCreditCents: c.carried,
            },
          );
          const sum = s.lines.reduce((a, l) => a + l.amountCents, 0);
          for (const l of s.lines) expect(Number.isInteger(l.amountCents)).toBe(true);
          expect(s.tenantTotalCents).toBe(Math.max(0, sum));
          expect(s.tenantCarryOutCents).toBe(Math.min(0, sum));
          expect(s.hostPayoutCents + s.platformFeeCents).toBe(s.tenantTotalCents);
          expect(s.hostPayoutCents).toBeGreaterThanOrEqual(0);
          expect(s.platformFeeCents).toBeGreaterThanOrEqual(0);
          expect(s.hostPayoutCents).toBeLessThanOrEqual(s.tenantTotalCents);
        },
      ),
      { numRuns: 300 },
    );
  });
});
