import { assessReadiness } from './assess.js';
import { COST_ASSUMPTIONS, COST_TABLE } from './costs.js';
import { READINESS_MODEL } from './model.js';
import { MODEL_VERSION } from './model-version.js';
import { AI_READY_CAMPUS, AS_OF, MID_SITE, MINING_SHED } from './testing/sites.js';
import type { CriterionKey, ReadinessAssessment, ReadinessGap, ReadinessSiteInput } from './types.js';

function criterion(result: ReadinessAssessment, key: CriterionKey) {
  const found = result.criteria.find((c) => c.key === key);
  if (found === undefined) throw new Error(`no criterion ${key}`);
  return found;
}

function gap(result: ReadinessAssessment, key: ReadinessGap['key']): ReadinessGap {
  const found = result.gaps.find((g) => g.key === key);
  if (found === undefined) throw new Error(`no gap ${key}; gaps: ${result.gaps.map((g) => g.key).join(', ')}`);
  return found;
}

describe('assessReadiness: the seed AI campus', () => {
  const result = assessReadiness(AI_READY_CAMPUS, { asOf: AS_OF });

  it('is AI_READY with a high score', () => {
    expect(result.tier).toBe('AI_READY');
    // Worked by hand: every criterion full (160 MW of backup carries all 150 MW of IT, so its ERCOT
    // supply is firm enough) except network (6 ms → 0.96 latency part: 0.988, weight 0.11), redundancy
    // N+1 (0.75, weight 0.09) and 40 staff (0.92, weight 0.05): 100 - 0.132 - 2.25 - 0.4 = 97.22.
    expect(result.score).toBeCloseTo(97.22, 2);
    expect(result.modelVersion).toBe(MODEL_VERSION);
    expect(result.asOf).toBe(AS_OF);
  });

  it('lists all eleven criteria with weights that sum to 1 and contributions that sum to the score', () => {
    expect(result.criteria.map((c) => c.key)).toEqual([
      'power',
      'electrical',
      'cooling',
      'network',
      'redundancy',
      'density',
      'landPermits',
      'backupPower',
      'floorLoading',
      'workforce',
      'timeToPower',
    ]);
    expect(result.criteria.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 10);
    expect(result.criteria.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(result.score, 1);
    for (const c of result.criteria) expect(c.contribution).toBeCloseTo(100 * c.weight * c.subScore, 1);
  });

  it('explains each criterion from the values', () => {
    expect(criterion(result, 'network').reason).toBe(
      'Dark fiber, 3 carriers, 6 ms to Dallas: within the 10 ms inference expects',
    );
    expect(criterion(result, 'electrical').reason).toBe(
      'Substation on site (250 MVA); transformers 240 MVA carry all 200 MW energized',
    );
    expect(criterion(result, 'density').reason).toContain('132 kW per rack');
    expect(criterion(result, 'timeToPower').reason).toBe('Live now (since 2025-01-15)');
  });

  it('has no gaps, so nothing to spend and up to 132 kW racks', () => {
    expect(result.gaps).toEqual([]);
    expect(result.conversion).toEqual({
      siteMw: 200,
      criticalItMw: 150,
      capexUsd: 0,
      months: 0,
      criticalPath: [],
      monthsToPower: 0,
      achievableRackKw: 132,
    });
    expect(result.bestUse).toMatch(/^Offer to AI tenants now: 150 MW of IT/);
  });
});

describe('assessReadiness: a 30 MW air-cooled mining shed', () => {
  const result = assessReadiness(MINING_SHED, { asOf: AS_OF });
  const itMw = 30 * READINESS_MODEL.conversion.itShareOfSiteMw; // 22.5

  it('is MINING_ONLY and told to keep mining', () => {
    expect(result.tier).toBe('MINING_ONLY');
    expect(result.score).toBeLessThan(READINESS_MODEL.tiers.convertible);
    // Backup power and floor loading unknown: no credit for either.
    expect(result.score).toBeCloseTo(27.31, 2);
    expect(result.bestUse).toMatch(/^Keep mining: 28 MW of miners already earn/);
    expect(result.bestUse).toContain('Backfill mining could add value');
  });

  it('has the expected gaps, in criterion order', () => {
    expect(result.gaps.map((g) => `${g.criterion}:${g.key}`)).toEqual([
      'electrical:substation',
      'cooling:liquidCooling',
      'cooling:water',
      'network:fiberLateral',
      'network:carriers',
      'redundancy:redundancy',
      'density:hallRebuild',
      'landPermits:permits',
      'workforce:workforce',
    ]);
  });

  it('prices each gap from the cost table', () => {
    for (const g of result.gaps) {
      expect(Number.isInteger(g.capexUsd)).toBe(true);
      expect(g.capexUsd).toBeGreaterThan(0);
      expect(g.costItems.length).toBeGreaterThan(0);
      for (const item of g.costItems) expect(COST_TABLE[item].source.length).toBeGreaterThan(0);
    }
    const neededMva = Math.ceil(30 / READINESS_MODEL.criteria.electrical.powerFactor); // 34
    expect(gap(result, 'substation').capexUsd).toBe(
      COST_TABLE.ringBusSubstation.unitUsd + neededMva * COST_TABLE.transformerPerMva.unitUsd,
    );
    expect(gap(result, 'substation').months).toBe(COST_TABLE.transformerPerMva.months);
    expect(gap(result, 'liquidCooling').capexUsd).toBe(Math.round(itMw * COST_TABLE.liquidCoolingPerItMw.unitUsd));
    expect(gap(result, 'liquidCooling').action).toContain(`${Math.ceil(itMw / COST_ASSUMPTIONS.cduMw)} CDUs`);
    expect(gap(result, 'water').capexUsd).toBe(COST_TABLE.waterSupply.unitUsd);
    expect(gap(result, 'fiberLateral').capexUsd).toBe(COST_ASSUMPTIONS.fiberLateralMiles * COST_TABLE.fiberPerMile.unitUsd);
    expect(gap(result, 'carriers').capexUsd).toBe(COST_ASSUMPTIONS.carrierLateralMiles * COST_TABLE.fiberPerMile.unitUsd);
    expect(gap(result, 'redundancy').capexUsd).toBe(Math.round(itMw * COST_TABLE.redundancyPerItMw.unitUsd));
    expect(gap(result, 'hallRebuild').capexUsd).toBe(Math.round(itMw * COST_TABLE.aiDataHallPerItMw.unitUsd));
    expect(gap(result, 'permits').capexUsd).toBe(COST_TABLE.permits.unitUsd);
    expect(gap(result, 'workforce').capexUsd).toBe(5 * COST_TABLE.hirePerPerson.unitUsd);
  });

  it('marks the gaps a tenant cannot work around as blocking', () => {
    const blocking = result.gaps.filter((g) => g.blocksAiReady).map((g) => g.key);
    expect(blocking).toEqual(['liquidCooling', 'redundancy', 'hallRebuild']);
  });

  it('adds up the conversion: capex is the sum, months the longest chain', () => {
    expect(result.conversion.capexUsd).toBe(result.gaps.reduce((sum, g) => sum + g.capexUsd, 0));
    // Building waits for permits (12 months): halls finish at 12 + 12 = 24; the substation's
    // transformers take 35 months from day one, the longest chain.
    expect(gap(result, 'hallRebuild').startMonth).toBe(12);
    expect(gap(result, 'hallRebuild').finishMonth).toBe(24);
    expect(gap(result, 'carriers').startMonth).toBe(gap(result, 'fiberLateral').finishMonth);
    expect(result.conversion.months).toBe(35);
    expect(result.conversion.criticalPath).toEqual(['substation']);
    expect(result.conversion.criticalItMw).toBe(22.5);
    expect(result.conversion.achievableRackKw).toBe(132);
  });

  it('says why in plain words', () => {
    expect(criterion(result, 'network').reason).toBe(
      'No dark fiber, 1 carrier, 18 ms to Dallas: above the 10 ms inference expects; training tolerates it',
    );
    expect(criterion(result, 'cooling').reason).toBe(
      'Air cooling, no water on site: 120-132 kW racks (GB200 NVL72) need direct-to-chip liquid cooling',
    );
    expect(criterion(result, 'redundancy').reason).toBe('N: no spare capacity; AI tenants ask for N+1 at least');
    expect(criterion(result, 'workforce').reason).toBe(
      '5 skilled staff: short of the 10 needed for 22.5 MW of IT (1 per 5 MW, at least 10)',
    );
  });
});

describe('assessReadiness: a mid site', () => {
  const result = assessReadiness(MID_SITE, { asOf: AS_OF });

  it('is CONVERTIBLE', () => {
    expect(result.tier).toBe('CONVERTIBLE');
    expect(result.score).toBeGreaterThanOrEqual(READINESS_MODEL.tiers.convertible);
    expect(result.score).toBeCloseTo(64.31, 2);
    expect(result.bestUse).toMatch(/^Convert: close 3 gaps for about \$294\.2M over 14 months/);
  });

  it('needs liquid cooling and a hall upgrade after the permits in progress', () => {
    expect(result.gaps.map((g) => g.key)).toEqual(['liquidCooling', 'hallUpgrade', 'permits']);
    expect(gap(result, 'permits').months).toBe(COST_ASSUMPTIONS.permitMonthsInProgress);
    expect(gap(result, 'permits').capexUsd).toBe(COST_TABLE.permits.unitUsd * COST_ASSUMPTIONS.permitCostShareInProgress);
    expect(gap(result, 'hallUpgrade').capexUsd).toBe(75 * COST_TABLE.hallUpgradePerItMw.unitUsd);
    expect(result.conversion.criticalPath).toEqual(['permits', 'liquidCooling']);
    expect(result.conversion.months).toBe(6 + COST_TABLE.liquidCoolingPerItMw.months);
  });

  it('would be AI_READY once its blocking gaps are closed', () => {
    const closed = assessReadiness(
      { ...MID_SITE, coolingType: 'DIRECT_TO_CHIP', maxRackDensityKw: 132, latencyToHubMs: 8 },
      { asOf: AS_OF },
    );
    expect(closed.gaps.some((g) => g.blocksAiReady)).toBe(false);
    expect(closed.tier).toBe('AI_READY');
  });
});

describe('assessReadiness: time to power', () => {
  const pending: ReadinessSiteInput = { ...MID_SITE, interconnectionStatus: 'APPROVED', liveDate: '2027-11-21' };

  it('counts months from asOf to the live date', () => {
    const result = assessReadiness(pending, { asOf: '2026-11-21' });
    expect(result.conversion.monthsToPower).toBe(12);
    expect(criterion(result, 'timeToPower').reason).toBe('Live in 12 months (2027-11-21)');
    expect(gap(result, 'interconnection').months).toBe(12);
    expect(gap(result, 'interconnection').capexUsd).toBe(100 * COST_TABLE.interconnectionPerMw.unitUsd);
    expect(result.tier).not.toBe('AI_READY');
  });

  it('never reads the clock: the same asOf as a Date or a string gives the same result', () => {
    const asString = assessReadiness(pending, { asOf: '2026-11-21' });
    const asDate = assessReadiness(pending, { asOf: new Date('2026-11-21T00:00:00.000Z') });
    expect({ ...asDate, asOf: null }).toEqual({ ...asString, asOf: null });
    expect(asDate.asOf).toBe('2026-11-21T00:00:00.000Z');
  });

  it('lets a later asOf shorten the wait', () => {
    const early = assessReadiness(pending, { asOf: '2026-11-21' });
    const later = assessReadiness(pending, { asOf: '2027-05-21' });
    expect(later.conversion.monthsToPower).toBeLessThan(early.conversion.monthsToPower);
    expect(later.score).toBeGreaterThan(early.score);
  });

  it('does not let a live date beat what the interconnection status allows', () => {
    const result = assessReadiness({ ...pending, interconnectionStatus: 'NONE', liveDate: '2026-12-01' }, { asOf: AS_OF });
    expect(result.conversion.monthsToPower).toBe(READINESS_MODEL.criteria.timeToPower.floorMonthsByStatus.NONE);
    expect(criterion(result, 'timeToPower').reason).toContain('at best');
  });

  it('estimates from the interconnection status without a live date or without asOf', () => {
    const noDate = assessReadiness({ ...pending, liveDate: null }, { asOf: AS_OF });
    expect(noDate.conversion.monthsToPower).toBe(READINESS_MODEL.criteria.timeToPower.monthsByStatus.APPROVED);
    expect(criterion(noDate, 'timeToPower').reason).toMatch(/^No live date/);
    const noAsOf = assessReadiness(pending);
    expect(noAsOf.asOf).toBeNull();
    expect(noAsOf.conversion.monthsToPower).toBe(READINESS_MODEL.criteria.timeToPower.monthsByStatus.APPROVED);
    expect(criterion(noAsOf, 'timeToPower').reason).toMatch(/^No asOf date given/);
  });

  it('sets the conversion months when waiting for power is longer than every gap', () => {
    const result = assessReadiness(
      { ...AI_READY_CAMPUS, interconnectionStatus: 'APPLIED', liveDate: '2030-01-01' },
      { asOf: AS_OF },
    );
    expect(result.conversion.monthsToPower).toBe(38);
    expect(result.conversion.months).toBe(38);
    expect(result.conversion.criticalPath).toEqual(['interconnection']);
  });

  it('rejects an asOf that is not a date', () => {
    expect(() => assessReadiness(MID_SITE, { asOf: 'next tuesday' })).toThrow(RangeError);
    expect(() => assessReadiness(MID_SITE, { asOf: new Date(Number.NaN) })).toThrow(/asOf/);
  });
});

describe('assessReadiness: odd but possible inputs', () => {
  it('scores a site with nothing at all as MINING_ONLY with a finite score', () => {
    const empty: ReadinessSiteInput = {
      ...MINING_SHED,
      energizedMw: 0,
      transformerMva: 0,
      landAcres: 0,
      carriers: [],
      latencyToHubMs: null,
      maxRackDensityKw: 0,
      skilledStaffCount: 0,
      interconnectionStatus: 'NONE',
      liveDate: null,
      miningMw: 0,
    };
    const result = assessReadiness(empty, { asOf: AS_OF });
    expect(result.tier).toBe('MINING_ONLY');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.conversion.siteMw).toBe(0);
    expect(result.bestUse).toMatch(/^Keep mining: mining earns/);
    expect(criterion(result, 'network').reason).toContain('latency to a hub unknown');
  });

  it('converts the pipeline MW when nothing is energized or being built', () => {
    const result = assessReadiness({ ...MID_SITE, energizedMw: 0, pipelineMw: 80, interconnectionStatus: 'IN_STUDY' }, { asOf: AS_OF });
    expect(result.conversion.siteMw).toBe(80);
    expect(result.conversion.criticalItMw).toBe(60);
  });

  it('keeps a perfect site with no energized MW out of AI_READY', () => {
    const result = assessReadiness({ ...AI_READY_CAMPUS, energizedMw: 0, underConstructionMw: 200 }, { asOf: AS_OF });
    expect(result.score).toBeGreaterThanOrEqual(READINESS_MODEL.tiers.aiReady);
    expect(result.tier).toBe('CONVERTIBLE');
  });

  it('clamps negative and NaN numbers of an unvalidated input to 0', () => {
    const result = assessReadiness({ ...MID_SITE, energizedMw: -5, landAcres: Number.NaN }, { asOf: AS_OF });
    const zeroed = assessReadiness({ ...MID_SITE, energizedMw: 0, landAcres: 0 }, { asOf: AS_OF });
    expect(result.score).toBe(zeroed.score);
    expect(Number.isFinite(result.score)).toBe(true);
  });

  it('counts carriers once whatever their case', () => {
    const result = assessReadiness({ ...MID_SITE, carriers: ['Zayo', 'ZAYO', 'zayo', 'Lumen'] }, { asOf: AS_OF });
    expect(criterion(result, 'network').reason).toContain('2 carriers');
  });
});

describe('assessReadiness: a convertible site with nothing to close', () => {
  // No gap to close, but unknown gear and floors earn no credit, 60 ms to a hub and power live in 2028 little.
  const site: ReadinessSiteInput = {
    ...AI_READY_CAMPUS,
    substationMva: null,
    transformerMva: null,
    backupPowerMw: null,
    gridOperator: 'PJM',
    floorLoadingKgPerM2: null,
    waterSupplyM3PerDay: null,
    latencyToHubMs: 60,
    liveDate: '2028-01-01',
  };
  const result = assessReadiness(site, { asOf: AS_OF });

  it('says what limits it instead of "close 0 gaps for about $0 over 0 months"', () => {
    expect(result.tier).toBe('CONVERTIBLE');
    expect(result.gaps).toEqual([]);
    expect(result.bestUse).toBe(
      'No conversion work to price: the score is held back by floor loading, and long-lead electrical gear, which no costed work here raises. Offer 150 MW of IT to tenants whose needs it meets, and keep mining meanwhile.',
    );
  });
});
