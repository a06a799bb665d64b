import { assessReadiness } from './assess.js';
import { READINESS_MODEL } from './model.js';
import { decideTier } from './tier.js';
import { AI_READY_CAMPUS, AS_OF, MID_SITE } from './testing/sites.js';
import type { GapKey, ReadinessAssessment, ReadinessSiteInput } from './types.js';

// Each threshold of the model, just below / at / just above.

const T = READINESS_MODEL.tiers;
const C = READINESS_MODEL.criteria;

function assess(site: ReadinessSiteInput): ReadinessAssessment {
  return assessReadiness(site, { asOf: AS_OF });
}

function gapKeys(site: ReadinessSiteInput): GapKey[] {
  return assess(site).gaps.map((g) => g.key);
}

describe('decideTier at the tier thresholds', () => {
  it.each([
    [T.convertible - 0.01, 'MINING_ONLY'],
    [T.convertible, 'CONVERTIBLE'],
    [T.convertible + 0.01, 'CONVERTIBLE'],
    [T.aiReady - 0.01, 'CONVERTIBLE'],
    [T.aiReady, 'AI_READY'],
    [T.aiReady + 0.01, 'AI_READY'],
  ])('score %d with 100 MW and no blocking gap → %s', (score, tier) => {
    expect(decideTier(score, 100, false)).toBe(tier);
  });

  it('needs the minimum energized MW for AI_READY', () => {
    expect(decideTier(90, T.aiReadyMinEnergizedMw - 0.001, false)).toBe('CONVERTIBLE');
    expect(decideTier(90, T.aiReadyMinEnergizedMw, false)).toBe('AI_READY');
    expect(decideTier(90, T.aiReadyMinEnergizedMw + 0.001, false)).toBe('AI_READY');
  });

  it('keeps any site with a blocking gap out of AI_READY', () => {
    expect(decideTier(100, 500, true)).toBe('CONVERTIBLE');
    expect(decideTier(T.convertible - 0.01, 500, true)).toBe('MINING_ONLY');
  });
});

describe('tier thresholds on real sites', () => {
  /** The smallest energized MW (to 0.001) at which the site's score reaches `target`. */
  function mwWhereScoreReaches(site: ReadinessSiteInput, target: number): number {
    let lo = 0;
    let hi = 400;
    if (assess({ ...site, energizedMw: hi }).score < target) throw new Error('target out of reach');
    while (hi - lo > 0.001) {
      const mid = (lo + hi) / 2;
      if (assess({ ...site, energizedMw: mid }).score >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  it('turns CONVERTIBLE exactly where the score reaches the convertible threshold', () => {
    const base: ReadinessSiteInput = { ...MID_SITE, permitStatus: 'NONE', darkFiber: false, substationOnSite: false, coolingType: 'AIR', waterAvailable: false };
    const mw = mwWhereScoreReaches(base, T.convertible);
    const below = assess({ ...base, energizedMw: mw - 0.001 });
    const at = assess({ ...base, energizedMw: mw });
    const above = assess({ ...base, energizedMw: mw + 1 });
    expect(below.score).toBeLessThan(T.convertible);
    expect(below.tier).toBe('MINING_ONLY');
    expect(at.score).toBeGreaterThanOrEqual(T.convertible);
    expect(at.tier).toBe('CONVERTIBLE');
    expect(above.tier).toBe('CONVERTIBLE');
  });

  it('turns AI_READY exactly where the score reaches the AI-ready threshold', () => {
    const base: ReadinessSiteInput = { ...AI_READY_CAMPUS, permitStatus: 'NONE', darkFiber: false, landAcres: 0, skilledStaffCount: 0 };
    const mw = mwWhereScoreReaches(base, T.aiReady);
    const below = assess({ ...base, energizedMw: mw - 0.001 });
    const at = assess({ ...base, energizedMw: mw });
    expect(below.score).toBeLessThan(T.aiReady);
    expect(below.tier).toBe('CONVERTIBLE');
    expect(at.score).toBeGreaterThanOrEqual(T.aiReady);
    expect(at.tier).toBe('AI_READY');
  });
});

describe('criterion thresholds', () => {
  it('rack density: a hall rebuild below the rebuild line, an upgrade up to the AI-ready line, none from it', () => {
    const kw = (maxRackDensityKw: number) => gapKeys({ ...AI_READY_CAMPUS, maxRackDensityKw });
    expect(kw(C.density.rebuildBelowKw - 1)).toEqual(['hallRebuild']);
    expect(kw(C.density.rebuildBelowKw)).toEqual(['hallUpgrade']);
    expect(kw(C.density.aiReadyKw - 1)).toEqual(['hallUpgrade']);
    expect(kw(C.density.aiReadyKw)).toEqual([]);
    expect(kw(C.density.aiReadyKw + 1)).toEqual([]);
    expect(assess({ ...AI_READY_CAMPUS, maxRackDensityKw: C.density.aiReadyKw - 1 }).tier).toBe('CONVERTIBLE');
    expect(assess({ ...AI_READY_CAMPUS, maxRackDensityKw: C.density.aiReadyKw }).tier).toBe('AI_READY');
  });

  it('carriers: a gap below the minimum, none at or above it', () => {
    const carriers = (names: string[]) => gapKeys({ ...AI_READY_CAMPUS, carriers: names });
    expect(carriers(['Zayo'])).toEqual(['carriers']);
    expect(carriers(['Zayo', 'Lumen'])).toEqual([]);
    expect(carriers(['Zayo', 'Lumen', 'AT&T'])).toEqual([]);
    expect(C.network.minCarriers).toBe(2);
  });

  it('latency: within the inference limit up to and at it, above it just past', () => {
    const reason = (latencyToHubMs: number) =>
      assess({ ...AI_READY_CAMPUS, latencyToHubMs }).criteria.find((c) => c.key === 'network')?.reason;
    const limit = C.network.inferenceLatencyMs;
    expect(reason(limit - 0.01)).toContain('within the 10 ms');
    expect(reason(limit)).toContain('within the 10 ms');
    expect(reason(limit + 0.01)).toContain('above the 10 ms');
  });

  it('redundancy: N is a blocking gap, N+1 and 2N are not', () => {
    expect(assess({ ...AI_READY_CAMPUS, redundancy: 'N' }).gaps.map((g) => [g.key, g.blocksAiReady])).toEqual([['redundancy', true]]);
    expect(gapKeys({ ...AI_READY_CAMPUS, redundancy: 'N_PLUS_1' })).toEqual([]);
    expect(gapKeys({ ...AI_READY_CAMPUS, redundancy: 'TWO_N' })).toEqual([]);
  });

  it('transformers: one gap while the transformation capacity (bank or site transformers) is short of the site MW', () => {
    const needed = Math.ceil(200 / C.electrical.powerFactor); // 223 MVA
    const short = { ...AI_READY_CAMPUS, substationMva: needed - 1 };
    expect(gapKeys({ ...short, transformerMva: needed - 1 })).toEqual(['transformers']);
    expect(gapKeys({ ...short, transformerMva: needed })).toEqual([]);
    expect(gapKeys({ ...AI_READY_CAMPUS, substationMva: needed, transformerMva: needed - 1 })).toEqual([]);
    const [gap] = assess({ ...short, transformerMva: needed - 11 }).gaps;
    expect(gap?.action).toBe(`Add 1 MVA of transformer capacity (${needed} MVA needed for 200 MW)`);
  });

  it('unknown MVA reads as unknown: no credit, no invented gap, and one missing asset is one gap', () => {
    const unknown = assess({ ...AI_READY_CAMPUS, substationMva: null, transformerMva: null });
    expect(unknown.gaps).toEqual([]);
    const electrical = unknown.criteria.find((c) => c.key === 'electrical');
    expect(electrical?.reason).toBe('Substation on site (rating unknown); site transformer capacity unknown');
    expect(electrical?.subScore).toBe(C.electrical.parts.substation * C.electrical.substationPresence);
    // Known short transformers beside an unknown bank: the one shortfall, once.
    expect(gapKeys({ ...AI_READY_CAMPUS, substationMva: null, transformerMva: 100 })).toEqual(['transformers']);
    // No substation: the new substation's bank is the transformer capacity, not a second gap.
    expect(gapKeys({ ...AI_READY_CAMPUS, substationOnSite: false, substationMva: null, transformerMva: 0 })).toEqual(['substation']);
  });

  it('backup power and firm supply: ERCOT loads over 75 MW must be curtailable (Texas SB6)', () => {
    const noBackup = { ...AI_READY_CAMPUS, backupPowerMw: 0 };
    const ercot = assess(noBackup);
    expect(ercot.gaps.map((g) => [g.key, g.criterion])).toEqual([['curtailment', 'backupPower']]);
    expect(ercot.gaps[0]?.action).toBe('Add 150 MW of backup generation so IT rides through ERCOT curtailment (Texas SB6, loads over 75 MW)');
    expect(ercot.criteria.find((c) => c.key === 'backupPower')?.subScore).toBe(0);
    // The same site on a grid without the rule: firm supply, and the missing backup is one plain gap.
    const pjm = assess({ ...noBackup, gridOperator: 'PJM' });
    expect(pjm.gaps.map((g) => g.key)).toEqual(['backupPower']);
    expect(pjm.criteria.find((c) => c.key === 'backupPower')?.subScore).toBe(C.backupPower.parts.firmness);
    // Under 75 MW in ERCOT: no SB6 obligation; unknown backup is said, not priced.
    const small = assess({ ...AI_READY_CAMPUS, energizedMw: 60, pipelineMw: 0, backupPowerMw: null });
    expect(small.gaps.map((g) => g.key)).not.toContain('curtailment');
    expect(small.criteria.find((c) => c.key === 'backupPower')?.reason).toMatch(/^Backup generation unknown; ERCOT supply, curtailable above 75 MW/);
  });

  it('water quantity and floor loading: short of the need is a gap, unknown is said and not priced', () => {
    const needM3 = Math.ceil(150 * C.cooling.waterM3PerItMwDay); // 3,750 m³/day for 150 MW of IT
    expect(gapKeys({ ...AI_READY_CAMPUS, waterSupplyM3PerDay: needM3 - 1 })).toEqual(['water']);
    expect(gapKeys({ ...AI_READY_CAMPUS, waterSupplyM3PerDay: needM3 })).toEqual([]);
    const unknownWater = assess({ ...AI_READY_CAMPUS, waterSupplyM3PerDay: null });
    expect(unknownWater.gaps).toEqual([]);
    expect(unknownWater.criteria.find((c) => c.key === 'cooling')?.reason).toContain(`water quantity unknown (${needM3} m³/day needed)`);
    expect(gapKeys({ ...AI_READY_CAMPUS, floorLoadingKgPerM2: C.floorLoading.aiReadyKgPerM2 - 1 })).toEqual(['floorReinforcement']);
    expect(gapKeys({ ...AI_READY_CAMPUS, floorLoadingKgPerM2: C.floorLoading.aiReadyKgPerM2 })).toEqual([]);
    const unknownFloor = assess({ ...AI_READY_CAMPUS, floorLoadingKgPerM2: null });
    expect(unknownFloor.gaps).toEqual([]);
    expect(unknownFloor.criteria.find((c) => c.key === 'floorLoading')).toMatchObject({ subScore: 0, reason: expect.stringMatching(/^Floor loading unknown/) });
    // A hall that is rebuilt gets new floors: one gap, not two.
    expect(gapKeys({ ...AI_READY_CAMPUS, floorLoadingKgPerM2: 300, maxRackDensityKw: 20 })).toEqual(['hallRebuild']);
  });

  it('land: a gap while the acres are short of what the site MW needs', () => {
    const needed = 200 * C.landPermits.acresPerSiteMw; // 100 acres for 200 MW
    const site = AI_READY_CAMPUS;
    expect(gapKeys({ ...site, landAcres: needed - 1 })).toEqual(['land']);
    expect(gapKeys({ ...site, landAcres: needed })).toEqual([]);
    expect(gapKeys({ ...site, landAcres: needed + 1 })).toEqual([]);
  });

  it('workforce: a gap while staff are short of one per 5 MW of IT (at least 10)', () => {
    const required = Math.max(C.workforce.minStaff, Math.ceil(150 / C.workforce.itMwPerStaff)); // 30
    expect(gapKeys({ ...AI_READY_CAMPUS, skilledStaffCount: required - 1 })).toEqual(['workforce']);
    expect(gapKeys({ ...AI_READY_CAMPUS, skilledStaffCount: required })).toEqual([]);
    expect(gapKeys({ ...AI_READY_CAMPUS, skilledStaffCount: required + 1 })).toEqual([]);
  });

  it('interconnection: a blocking gap until energized', () => {
    expect(gapKeys({ ...AI_READY_CAMPUS, interconnectionStatus: 'APPROVED' })).toEqual(['interconnection']);
    expect(gapKeys({ ...AI_READY_CAMPUS, interconnectionStatus: 'ENERGIZED' })).toEqual([]);
  });

  it('cooling: anything but direct-to-chip is a blocking gap; no water is a gap that does not block', () => {
    const immersion = assess({ ...AI_READY_CAMPUS, coolingType: 'IMMERSION' });
    expect(immersion.gaps.map((g) => [g.key, g.blocksAiReady])).toEqual([['liquidCooling', true]]);
    const dry = assess({ ...AI_READY_CAMPUS, waterAvailable: false });
    expect(dry.gaps.map((g) => [g.key, g.blocksAiReady])).toEqual([['water', false]]);
    expect(dry.tier).toBe('AI_READY');
  });

  it('time to power: the live date sets the months from the day after asOf', () => {
    const months = (liveDate: string) => assess({ ...AI_READY_CAMPUS, liveDate }).conversion.monthsToPower;
    expect(months('2026-11-20')).toBe(0);
    expect(months(AS_OF)).toBe(0);
    expect(months('2026-11-22')).toBe(1);
  });

  it('power size: full marks from the campus MW', () => {
    const sub = (energizedMw: number) =>
      assess({ ...AI_READY_CAMPUS, energizedMw, pipelineMw: 0 }).criteria.find((c) => c.key === 'power')?.subScore;
    expect(sub(C.power.campusMw - 1)).toBeLessThan(1);
    expect(sub(C.power.campusMw)).toBe(1);
    expect(sub(C.power.campusMw + 1)).toBe(1);
  });
});
