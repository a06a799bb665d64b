import { breakEvenEnergyPrice, breakEvenHashprice, hashRevenuePerMwh, miningRevenuePerMwh, netHashRevenuePerMwh } from './mining.js';

describe('hashRevenuePerMwh = (1,000 / J/TH) PH/s per MW x hashprice / 24', () => {
  it('matches the worked figures', () => {
    expect(hashRevenuePerMwh(12.5, 48)).toBe(160);
    // Domain figures: $54.3/PH/day at 17.5 J/TH breaks even at ~$0.13/kWh.
    expect(hashRevenuePerMwh(17.5, 54.3)).toBeCloseTo(129.2857, 4);
    // S21 XP at 13.5 J/TH earns 17.5/13.5 times what an S21 earns per MWh.
    expect(hashRevenuePerMwh(13.5, 44) / hashRevenuePerMwh(17.5, 44)).toBeCloseTo(17.5 / 13.5, 12);
    expect(hashRevenuePerMwh(17.5, 0)).toBe(0);
  });

  it('rejects a J/TH that is not above zero and a negative hashprice', () => {
    expect(() => hashRevenuePerMwh(0, 50)).toThrow(/jPerTh/);
    expect(() => hashRevenuePerMwh(-1, 50)).toThrow(/jPerTh/);
    expect(() => hashRevenuePerMwh(Number.NaN, 50)).toThrow(/jPerTh/);
    expect(() => hashRevenuePerMwh(17.5, -0.01)).toThrow(/hashprice/);
    expect(() => hashRevenuePerMwh(17.5, Number.POSITIVE_INFINITY)).toThrow(/hashprice/);
  });

  it('nets the pool fee and inverts to the break-even hashprice', () => {
    const net = netHashRevenuePerMwh(hashRevenuePerMwh(17.5, 60), 2);
    expect(net).toBeCloseTo(hashRevenuePerMwh(17.5, 60) * 0.98, 12);
    expect(breakEvenEnergyPrice(net, 3)).toBeCloseTo(net - 3, 12);
    const hp = breakEvenHashprice(17.5, 2, 70, 3);
    expect(netHashRevenuePerMwh(hashRevenuePerMwh(17.5, hp), 2) - 70 - 3).toBeCloseTo(0, 9);
    // Free (or paid-to-take) energy with no opex breaks even at zero hashprice.
    expect(breakEvenHashprice(17.5, 2, -10, 0)).toBe(0);
  });
});

describe('miningRevenuePerMwh: the one formula the model and settlement share', () => {
  it('is the gross hash revenue net of the pool fee', () => {
    // (1,000 / 17.5) x 50 / 24 x 0.98 = 116.666... (the settlement note's worked month)
    expect(miningRevenuePerMwh(17.5, 50, 2)).toBeCloseTo(116.666_666_67, 6);
    expect(miningRevenuePerMwh(17.5, 50, 2)).toBe(netHashRevenuePerMwh(hashRevenuePerMwh(17.5, 50), 2));
    // Pool statements are already net: no fee applied again.
    expect(miningRevenuePerMwh(12.5, 48, 0)).toBe(160);
    expect(() => miningRevenuePerMwh(0, 50, 2)).toThrow(/jPerTh/);
  });
});
