import { describeExclusions, emptyExclusionCounts } from './describe-exclusions.js';
import type { ConstraintKey } from './types.js';

function counts(partial: Partial<Record<ConstraintKey, number>>) {
  const byConstraint = { ...emptyExclusionCounts(), ...partial };
  const total = Object.values(byConstraint).reduce((a, b) => a + b, 0);
  return { total, byConstraint };
}

describe('describeExclusions', () => {
  it('reads like the API sentence, largest count first', () => {
    expect(describeExclusions(counts({ latency: 32, contiguousMw: 280 }))).toBe(
      '312 sites excluded: 280 by contiguous MW, 32 by latency',
    );
  });

  it('orders equal counts by constraint order and leaves zero counts out', () => {
    expect(describeExclusions(counts({ price: 2, location: 2, mwByDate: 1 }))).toBe(
      '5 sites excluded: 2 by location, 2 by price, 1 by MW by date',
    );
  });

  it('uses the singular for one site and groups thousands', () => {
    expect(describeExclusions(counts({ rackDensity: 1 }))).toBe('1 site excluded: 1 by rack density');
    expect(describeExclusions(counts({ cooling: 12_345, term: 1 }))).toBe(
      '12,346 sites excluded: 12,345 by cooling, 1 by term',
    );
  });

  it('says so when nothing was excluded', () => {
    expect(describeExclusions(counts({}))).toBe('No sites excluded');
  });
});
