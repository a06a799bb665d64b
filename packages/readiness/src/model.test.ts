import { CRITERIA } from './criteria/index.js';
import type { Curve } from './curve.js';
import { READINESS_MODEL } from './model.js';
import type { GapKey } from './types.js';

// The table is data; these checks keep an edit of it from breaking what the engine relies on.

const criteria = READINESS_MODEL.criteria;
const entries = Object.entries(criteria);

function expectCurve(curve: Curve, direction: 'rising' | 'falling'): void {
  for (let i = 1; i < curve.length; i++) {
    expect(curve[i]![0]).toBeGreaterThan(curve[i - 1]![0]);
    if (direction === 'rising') expect(curve[i]![1]).toBeGreaterThanOrEqual(curve[i - 1]![1]);
    else expect(curve[i]![1]).toBeLessThanOrEqual(curve[i - 1]![1]);
  }
  for (const [, y] of curve) {
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(1);
  }
}

describe('READINESS_MODEL', () => {
  it('has weights that sum to 1', () => {
    expect(entries.reduce((sum, [, c]) => sum + c.weight, 0)).toBeCloseTo(1, 12);
    for (const [, c] of entries) expect(c.weight).toBeGreaterThan(0);
  });

  it('has sub-score parts that are non-negative and sum to 1', () => {
    for (const [key, c] of entries) {
      if (!('parts' in c)) continue;
      const parts = Object.values(c.parts);
      for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
      expect([key, parts.reduce((a, b) => a + b, 0)]).toEqual([key, expect.closeTo(1, 12)]);
    }
  });

  it('has curves that rise where more is better and fall where less is better', () => {
    expectCurve(criteria.power.sizeCurve, 'rising');
    expectCurve(criteria.network.carrierCurve, 'rising');
    expectCurve(criteria.network.latencyCurve, 'falling');
    expectCurve(criteria.density.curve, 'rising');
    expectCurve(criteria.landPermits.acresCurve, 'rising');
    expectCurve(criteria.workforce.curve, 'rising');
    expectCurve(criteria.timeToPower.curve, 'falling');
    expect(criteria.power.sizeCurve.at(-1)).toEqual([criteria.power.campusMw, 1]);
  });

  it('orders enum scores so that a better value never scores less', () => {
    const s = criteria.power.statusScore;
    expect([s.NONE, s.APPLIED, s.IN_STUDY, s.APPROVED, s.ENERGIZED]).toEqual([...[s.NONE, s.APPLIED, s.IN_STUDY, s.APPROVED, s.ENERGIZED]].sort((a, b) => a - b));
    const c = criteria.cooling.coolingScore;
    expect(c.AIR).toBeLessThanOrEqual(c.WATER);
    expect(c.WATER).toBeLessThanOrEqual(c.IMMERSION);
    expect(c.IMMERSION).toBeLessThanOrEqual(c.DIRECT_TO_CHIP);
    const r = criteria.redundancy.score;
    expect(r.N).toBeLessThanOrEqual(r.N_PLUS_1);
    expect(r.N_PLUS_1).toBeLessThanOrEqual(r.TWO_N);
    const p = criteria.landPermits.permitScore;
    expect(p.NONE).toBeLessThanOrEqual(p.IN_PROGRESS);
    expect(p.IN_PROGRESS).toBeLessThanOrEqual(p.GRANTED);
    const months = criteria.timeToPower.monthsByStatus;
    const floor = criteria.timeToPower.floorMonthsByStatus;
    for (const table of [months, floor]) {
      expect([table.ENERGIZED, table.APPROVED, table.IN_STUDY, table.APPLIED, table.NONE]).toEqual(
        [table.ENERGIZED, table.APPROVED, table.IN_STUDY, table.APPLIED, table.NONE].sort((a, b) => a - b),
      );
    }
  });

  it('puts AI_READY above CONVERTIBLE', () => {
    expect(READINESS_MODEL.tiers.aiReady).toBeGreaterThan(READINESS_MODEL.tiers.convertible);
    expect(READINESS_MODEL.criteria.density.rebuildBelowKw).toBeLessThan(READINESS_MODEL.criteria.density.aiReadyKw);
    expect(READINESS_MODEL.criteria.density.aiReadyKw).toBeLessThanOrEqual(READINESS_MODEL.criteria.density.targetKw);
  });

  it('has an acyclic gap dependency table', () => {
    const deps: Readonly<Record<GapKey, readonly GapKey[]>> = READINESS_MODEL.gapDependencies;
    const visit = (key: GapKey, path: GapKey[]): void => {
      expect(path).not.toContain(key);
      for (const dep of deps[key]) visit(dep, [...path, key]);
    };
    for (const key of Object.keys(deps) as GapKey[]) visit(key, []);
  });

  it('has one scorer per criterion, in the table order, with its label and weight', () => {
    expect(CRITERIA.map((c) => c.key)).toEqual(Object.keys(criteria));
    for (const c of CRITERIA) {
      expect(c.weight).toBe(criteria[c.key].weight);
      expect(c.label).toBe(criteria[c.key].label);
    }
  });
});
