import { fullPowerMonthCents, fullPowerTermCents, hostingPriceText, type ReviewedHostingDeal } from './hosting-review';

const deal = (pricing: ReviewedHostingDeal['terms']['pricing'], passThroughEnergyUsdPerKwh: number | null = null): ReviewedHostingDeal => ({
  mw: 10,
  termMonths: 24,
  startDate: '2027-01-01',
  terms: { pricing, passThroughEnergyUsdPerKwh, contractedKw: 10_000, maxCurtailedHoursPerMonth: 50, uptimeCommitmentPct: 95, platformFeePct: 3, depositUsd: 0 },
});

describe('hosting deal review figures', () => {
  it('all-in: 10,000 kW x 730 h x $0.065/kWh = $474,500 a month at full power, x 24 months over the term', () => {
    const d = deal({ kind: 'ALL_IN', rateUsdPerKwh: 0.065, feeUsdPerKwMonth: null });
    expect(fullPowerMonthCents(d)).toBe(47_450_000);
    expect(fullPowerTermCents(d)).toBe(47_450_000 * 24);
    expect(hostingPriceText(d.terms)).toBe('$0.065/kWh all-in');
  });

  it('pass-through: $12/kW-month x 10,000 kW + 7,300,000 kWh x $0.045 = $120,000 + $328,500', () => {
    const d = deal({ kind: 'PASS_THROUGH', rateUsdPerKwh: null, feeUsdPerKwMonth: 12 }, 0.045);
    expect(fullPowerMonthCents(d)).toBe(12_000_000 + 32_850_000);
    expect(hostingPriceText(d.terms)).toBe('$12/kW-month + energy at cost ($0.045/kWh)');
  });
});
