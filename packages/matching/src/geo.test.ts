import { estimateRoundTripMs, haversineKm } from './geo.js';

describe('haversineKm', () => {
  it('measures one degree of the equator as ~111.2 km', () => {
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(111.195, 2);
  });

  it('measures Dallas to Houston as ~362 km', () => {
    const dallas = { latitude: 32.7767, longitude: -96.797 };
    const houston = { latitude: 29.7604, longitude: -95.3698 };
    expect(haversineKm(dallas, houston)).toBeGreaterThan(355);
    expect(haversineKm(dallas, houston)).toBeLessThan(365);
  });

  it('is symmetric, zero for one point, and half the circumference for antipodes', () => {
    const a = { latitude: 10, longitude: 20 };
    const b = { latitude: -35, longitude: 150 };
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('estimateRoundTripMs (house rule)', () => {
  it('takes fiber as 1.5x the great-circle distance at ~1 ms round trip per 100 km', () => {
    expect(estimateRoundTripMs(100)).toBeCloseTo(1.5, 9);
    expect(estimateRoundTripMs(0)).toBe(0);
  });
});
