import fc from 'fast-check';
import { assessReadiness } from './assess.js';
import { READINESS_MODEL } from './model.js';
import { decideTier } from './tier.js';
import { AS_OF } from './testing/sites.js';
import { IMPROVEMENTS, arbAmount, arbAsOf, arbImprovement, arbSite } from './testing/arbitraries.js';
import { READINESS_TIERS, type ReadinessTier } from './types.js';

const RUNS = { numRuns: 400 };

/** 0 for MINING_ONLY up to 2 for AI_READY. */
function tierRank(tier: ReadinessTier): number {
  return READINESS_TIERS.length - 1 - READINESS_TIERS.indexOf(tier);
}

describe('readiness properties', () => {
  it('improving any single attribute never lowers the score, a sub-score or the tier', () => {
    fc.assert(
      fc.property(arbSite, arbImprovement, arbAmount, arbAsOf, (site, improvement, amount, asOf) => {
        const options = asOf === undefined ? {} : { asOf };
        const before = assessReadiness(site, options);
        const after = assessReadiness(improvement.apply(site, amount), options);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(tierRank(after.tier)).toBeGreaterThanOrEqual(tierRank(before.tier));
        after.criteria.forEach((c, i) => expect(c.subScore).toBeGreaterThanOrEqual(before.criteria[i]!.subScore));
      }),
      RUNS,
    );
  });

  it('each improvement really improves some site (the monotonicity check can fail)', () => {
    // Guards the test above against improvements that silently do nothing.
    for (const improvement of IMPROVEMENTS) {
      const raised = fc.sample(fc.tuple(arbSite, arbAmount), { numRuns: 300, seed: 42 }).some(([site, amount]) => {
        const options = { asOf: AS_OF };
        return assessReadiness(improvement.apply(site, amount), options).score > assessReadiness(site, options).score;
      });
      expect([improvement.name, raised]).toEqual([improvement.name, true]);
    }
  });

  it('keeps the score within 0-100, finite, with two decimals', () => {
    fc.assert(
      fc.property(arbSite, arbAsOf, (site, asOf) => {
        const { score, criteria } = assessReadiness(site, asOf === undefined ? {} : { asOf });
        expect(Number.isFinite(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(Math.round(score * 100) / 100).toBe(score);
        for (const c of criteria) {
          expect(c.subScore).toBeGreaterThanOrEqual(0);
          expect(c.subScore).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('gives the tier the thresholds say for the score', () => {
    fc.assert(
      fc.property(arbSite, arbAsOf, (site, asOf) => {
        const result = assessReadiness(site, asOf === undefined ? {} : { asOf });
        const blocking = result.gaps.some((g) => g.blocksAiReady);
        expect(result.tier).toBe(decideTier(result.score, Math.max(0, site.energizedMw), blocking));
        if (result.tier === 'AI_READY') {
          expect(result.score).toBeGreaterThanOrEqual(READINESS_MODEL.tiers.aiReady);
          expect(blocking).toBe(false);
        }
        expect(result.tier === 'MINING_ONLY').toBe(result.score < READINESS_MODEL.tiers.convertible);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same input gives the same output, and the input is not changed', () => {
    fc.assert(
      fc.property(arbSite, arbAsOf, (site, asOf) => {
        const options = asOf === undefined ? {} : { asOf };
        const copy = structuredClone(site);
        const first = assessReadiness(site, options);
        const second = assessReadiness(copy, options);
        expect(second).toEqual(first);
        expect(site).toEqual(copy);
      }),
      RUNS,
    );
  });

  it('prices gaps in whole non-negative dollars and schedules them consistently', () => {
    fc.assert(
      fc.property(arbSite, (site) => {
        const { gaps, conversion } = assessReadiness(site, { asOf: AS_OF });
        let total = 0;
        for (const g of gaps) {
          expect(Number.isInteger(g.capexUsd)).toBe(true);
          expect(g.capexUsd).toBeGreaterThanOrEqual(0);
          expect(g.finishMonth).toBe(g.startMonth + g.months);
          expect(conversion.months).toBeGreaterThanOrEqual(g.finishMonth);
          for (const dep of g.waitsFor) {
            const before = gaps.find((other) => other.key === dep);
            if (before !== undefined) expect(g.startMonth).toBeGreaterThanOrEqual(before.finishMonth);
          }
          total += g.capexUsd;
        }
        expect(conversion.capexUsd).toBe(total);
        expect(conversion.months).toBeGreaterThanOrEqual(conversion.monthsToPower);
        // Parallel work: never longer than doing every gap one after the other.
        expect(conversion.months).toBeLessThanOrEqual(Math.max(conversion.monthsToPower, gaps.reduce((s, g) => s + g.months, 0)));
      }),
      RUNS,
    );
  });

  it('tells every MINING_ONLY site to keep mining', () => {
    fc.assert(
      fc.property(arbSite, (site) => {
        const result = assessReadiness(site, { asOf: AS_OF });
        expect(result.bestUse.startsWith('Keep mining:')).toBe(result.tier === 'MINING_ONLY');
      }),
      RUNS,
    );
  });
});
