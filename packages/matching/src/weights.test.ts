import { CRITERIA_ORDER, MATCHING_MODEL_VERSION, MATCHING_WEIGHTS, SCORE_SCALES, SPLIT_RULES } from './weights.js';

describe('weights table', () => {
  it('weights every criterion once and sums to 1', () => {
    expect([...CRITERIA_ORDER].sort()).toEqual(Object.keys(MATCHING_WEIGHTS).sort());
    const sum = CRITERIA_ORDER.reduce((s, k) => s + MATCHING_WEIGHTS[k].weight, 0);
    expect(sum).toBeCloseTo(1, 12);
    for (const k of CRITERIA_ORDER) {
      expect(MATCHING_WEIGHTS[k].weight).toBeGreaterThan(0);
      expect(MATCHING_WEIGHTS[k].why.length).toBeGreaterThan(10);
    }
  });

  it('has a version and scales that run the right way', () => {
    expect(MATCHING_MODEL_VERSION).toMatch(/^matching-\d+\.\d+\.\d+$/);
    expect(SCORE_SCALES.priceCentsPerKwMonth.best).toBeLessThan(SCORE_SCALES.priceCentsPerKwMonth.worst);
    expect(SCORE_SCALES.energyPriceCentsPerMwh.best).toBeLessThan(SCORE_SCALES.energyPriceCentsPerMwh.worst);
    expect(SPLIT_RULES.defaultMaxSites).toBe(6);
  });
});
