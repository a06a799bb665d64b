import { resolveFleet } from './fleet';
import { curtailmentPattern, simulateFleetYear } from './year';
import { offer } from './test-support';

const market = { hashpriceUsdPerPhDay: 50, poolFeePercent: 0 };
const fleet = resolveFleet({ kind: 'POWER', mw: 10, jPerTh: 17.5, cooling: 'AIR' });

describe('the fleet\'s year under an offer', () => {
  it('lays the monthly curtailment allowance out as 4-hour evening blocks, month by month', () => {
    const events = curtailmentPattern('2026-01-01', 10);
    // 10 h a month = 4 + 4 + 2 on the 1st-3rd of each of the 12 months.
    expect(events).toHaveLength(36);
    expect(events.slice(0, 3)).toEqual([
      { startHour: 18, durationHours: 4, paymentUsdPerMwh: 0 },
      { startHour: 42, durationHours: 4, paymentUsdPerMwh: 0 },
      { startHour: 66, durationHours: 2, paymentUsdPerMwh: 0 },
    ]);
    expect(events.reduce((s, e) => s + e.durationHours, 0)).toBe(120);
  });

  it('runs a firm fleet every hour at its uptime and pays the rate for each MWh', () => {
    const y = simulateFleetYear(offer({ mw: 10 }), fleet, market, '2026-01-01', 4_000);
    // 10 MW x 8,760 h = 87,600 MWh at $65/MWh = $5,694,000. Gross: 10 MWh x $119.047619 = 119,047.619 cents,
    // rounded once per hour as packages/revenue meters it: 119,048 x 8,760 = $10,428,604.80.
    expect(y.miningMwh).toBeCloseTo(87_600, 6);
    expect(y.energyCents).toBe(569_400_000);
    expect(y.grossRevenueCents).toBe(1_042_860_480);
    expect(y.fleetProfitCents).toBe(y.grossRevenueCents - y.poolFeesCents - y.energyCents);
    // The host buys the same MWh at $40: it keeps $25 a MWh.
    expect(y.hostMarginCents).toBe(219_000_000);
  });

  it('an interruptible offer costs the fleet its curtailed hours', () => {
    const firm = simulateFleetYear(offer({ mw: 10 }), fleet, market, '2026-01-01', 4_000);
    const curtailed = simulateFleetYear(
      offer({ mw: 10, interruptibility: 'INTERRUPTIBLE', maxCurtailedHoursPerMonth: 40, preemptors: ['GRID'], noticeSeconds: 30 }),
      fleet,
      market,
      '2026-01-01',
      4_000,
    );
    // 40 h x 12 months x 10 MW = 4,800 MWh fewer.
    expect(firm.miningMwh - curtailed.miningMwh).toBeCloseTo(4_800, 6);
    expect(curtailed.fleetProfitCents).toBeLessThan(firm.fleetProfitCents);
  });

  it("mines an AI site's idle power: more at night than at the inference peak, never the whole year", () => {
    const aiSite = offer({
      mw: 40,
      interruptibility: 'INTERRUPTIBLE',
      maxCurtailedHoursPerMonth: 400,
      preemptors: ['AI_LOAD'],
      aiLoad: {
        contractedItMw: 70,
        pue: 1.3,
        profile: { kind: 'inference', peakUtilisation: 0.9, peakStartHour: 8, peakEndHour: 14, troughStartHour: 0, troughEndHour: 6, troughDepth: 0.5, weekendReduction: 0.25, utcOffsetHours: -5 },
      },
    });
    const y = simulateFleetYear(aiSite, resolveFleet({ kind: 'POWER', mw: 40, jPerTh: 17.5, cooling: 'AIR' }), market, '2026-01-01', 4_000);
    expect(y.utilisation).toBeGreaterThan(0.1);
    expect(y.utilisation).toBeLessThan(1);
    expect(y.fleetProfitCents).toBeGreaterThan(0);
  });
});
