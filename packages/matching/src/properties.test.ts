import fc from 'fast-check';
import { allocateSingle, createSingleScratch, quickAllocateSingle } from './allocate.js';
import { FITS_ALONE, buildPool, createScratch, evaluateCandidate, prepareRequest } from './constraints.js';
import { toDay } from './dates.js';
import { matchRequest } from './match-request.js';
import { siteDistance } from './splits.js';
import { SPLIT_RULES } from './weights.js';
import { criterionValues, effectiveWeights, scoreFigures, totalScore } from './score.js';
import type { CoolingType, MatchCandidate, MatchCandidateBlock, MatchRequest, MatchResult, Redundancy } from './types.js';

const AS_OF = '2025-06-01';
const DATES = ['2025-01-01', '2025-09-01', '2026-01-01', '2026-06-01', '2026-12-01', '2027-06-01'];
const AREAS = [
  { country: 'US', region: 'Texas', gridOperator: 'ERCOT', latitude: 31, longitude: -99 },
  { country: 'US', region: 'Texas', gridOperator: 'SPP', latitude: 34, longitude: -101 },
  { country: 'US', region: 'Oklahoma', gridOperator: 'SPP', latitude: 35.5, longitude: -97.5 },
  { country: 'CA', region: 'Québec', gridOperator: 'HYDRO_QUEBEC', latitude: 47, longitude: -72 },
];
const COOLING: CoolingType[] = ['AIR', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP'];
const REDUNDANCY: Redundancy[] = ['N', 'N_PLUS_1', 'TWO_N'];

function arbBlockShape(minMw: number, maxMw: number) {
  return fc.record({
    firmMw: fc.oneof(
      fc.integer({ min: minMw, max: maxMw }),
      fc.integer({ min: minMw * 1000, max: maxMw * 1000 }).map((kw) => kw / 1000),
    ),
    date: fc.constantFrom(...DATES),
    price: fc.integer({ min: 8_000, max: 26_000 }),
    minTermMonths: fc.constantFrom(12, 36, 60, 120, 180),
    status: fc.constantFrom(undefined, 'PUBLISHED', 'PUBLISHED', 'DRAFT' as const),
  });
}

function arbSiteShape(minBlockMw: number, maxBlockMw: number) {
  return fc.record({
    area: fc.constantFrom(...AREAS),
    jitter: fc.integer({ min: -100, max: 100 }),
    coolingType: fc.constantFrom(...COOLING),
    redundancy: fc.constantFrom(...REDUNDANCY),
    maxRackDensityKw: fc.constantFrom(30, 80, 132, 150),
    latencyToHubMs: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    readinessScore: fc.integer({ min: 0, max: 100 }),
    energyPriceCentsPerMwh: fc.integer({ min: 1_000, max: 15_000 }),
    renewableSharePct: fc.integer({ min: 0, max: 100 }),
    interruptibleMw: fc.integer({ min: 0, max: 100 }),
    blocks: fc.array(arbBlockShape(minBlockMw, maxBlockMw), { maxLength: 4 }),
  });
}

/** Up to 12 sites with unique, randomly numbered ids (so id order is not input order). */
function arbCandidatesWith(minBlockMw: number, maxBlockMw: number): fc.Arbitrary<MatchCandidate[]> {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: 999 }), { maxLength: 12 })
    .chain((ids) =>
      fc.tuple(fc.constant(ids), fc.array(arbSiteShape(minBlockMw, maxBlockMw), { minLength: ids.length, maxLength: ids.length })),
    )
    .map(([ids, shapes]) =>
      shapes.map((s, i) => {
        const siteId = `site-${String(ids[i]).padStart(3, '0')}`;
        const blocks: MatchCandidateBlock[] = s.blocks.map((b, j) => ({
          id: `${siteId}-b${j}`,
          kind: 'COLOCATION',
          mw: b.firmMw,
          firmMw: b.firmMw,
          interruptibleMw: 0,
          availableFrom: b.date,
          priceCentsPerKwMonth: b.price,
          minTermMonths: b.minTermMonths,
          ...(b.status ? { status: b.status } : {}),
        }));
        return {
          siteId,
          country: s.area.country,
          region: s.area.region,
          gridOperator: s.area.gridOperator,
          latitude: s.area.latitude + s.jitter / 100,
          longitude: s.area.longitude + s.jitter / 50,
          coolingType: s.coolingType,
          redundancy: s.redundancy,
          maxRackDensityKw: s.maxRackDensityKw,
          latencyToHubMs: s.latencyToHubMs,
          readinessScore: s.readinessScore,
          energyPriceCentsPerMwh: s.energyPriceCentsPerMwh,
          renewableSharePct: s.renewableSharePct,
          interruptibleMw: s.interruptibleMw,
          blocks,
        };
      }),
    );
}

/** Mostly absent, so enough samples have sites that fit (and splits) for the properties to bite. */
function loose<T>(arb: fc.Arbitrary<T>, nullWeight: number): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: nullWeight }, { arbitrary: arb, weight: 1 });
}

function arbRequestWith(totals: number[], shares: number[], nullWeight: number): fc.Arbitrary<MatchRequest> {
  return fc
    .record({
      totalMw: fc.constantFrom(...totals),
      minShare: fc.constantFrom(...shares),
      phaseWeights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      phaseDates: fc.uniqueArray(fc.constantFrom(...DATES.slice(2)), { minLength: 3, maxLength: 3 }),
      countries: fc.constantFrom([], [], ['US'], ['us', 'CA']),
      regions: fc.constantFrom([], [], [], ['Texas']),
      gridOperators: fc.constantFrom([], [], [], ['ERCOT', 'SPP']),
      maxLatencyMs: loose(fc.integer({ min: 5, max: 30 }), nullWeight),
      cooling: loose(fc.constantFrom(...COOLING), nullWeight),
      minRackDensityKw: loose(fc.constantFrom(50, 132), nullWeight),
      minRedundancy: loose(fc.constantFrom(...REDUNDANCY), nullWeight),
      maxPriceCentsPerKwMonth: loose(fc.integer({ min: 12_000, max: 26_000 }), nullWeight),
      termMonths: fc.constantFrom(36, 60, 120, 180),
      backfillMiningAllowed: fc.boolean(),
    })
    .map((r) => {
      const totalKw = r.totalMw * 1000;
      const dates = [...r.phaseDates].sort();
      const weightSum = r.phaseWeights.reduce((a, b) => a + b, 0);
      let left = totalKw;
      const phases = r.phaseWeights.map((w, i) => {
        const kw = i === r.phaseWeights.length - 1 ? left : Math.round((totalKw * w) / weightSum);
        left -= kw;
        return { mw: kw / 1000, neededBy: dates[i] ?? '2027-06-01' };
      });
      return {
        totalMw: r.totalMw,
        minContiguousMw: Math.round(r.totalMw * r.minShare * 1000) / 1000,
        phases,
        countries: r.countries,
        regions: r.regions,
        gridOperators: r.gridOperators,
        maxLatencyMs: r.maxLatencyMs,
        cooling: r.cooling,
        minRackDensityKw: r.minRackDensityKw,
        minRedundancy: r.minRedundancy,
        maxPriceCentsPerKwMonth: r.maxPriceCentsPerKwMonth,
        termMonths: r.termMonths,
        backfillMiningAllowed: r.backfillMiningAllowed,
      };
    });
}

const arbCandidates = arbCandidatesWith(5, 160);
const arbRequest = arbRequestWith([40, 100, 150, 200, 300, 0.9], [0.25, 0.34, 0.5, 1], 3);
/** Mid-sized blocks, large requests, low minimums, few filters: mostly no single site fits, so splits are searched. */
const arbSplitCandidates = arbCandidatesWith(20, 90);
const arbSplitRequest = arbRequestWith([200, 250, 300], [0.2, 0.25, 0.34], 8);

// ---- An oracle written apart from the engine: plain, slow, obviously right. ----

const RANK: Record<Redundancy, number> = { N: 0, N_PLUS_1: 1, TWO_N: 2 };
const SERVES: Record<CoolingType, CoolingType[]> = {
  AIR: COOLING,
  WATER: ['WATER', 'DIRECT_TO_CHIP'],
  IMMERSION: ['IMMERSION'],
  DIRECT_TO_CHIP: ['DIRECT_TO_CHIP'],
};
const kw = (mw: number) => Math.round(mw * 1000);
const inList = (list: readonly string[] | undefined, v: string) =>
  !list || list.length === 0 || list.some((x) => x.trim().toUpperCase() === v.trim().toUpperCase());

function siteOk(r: MatchRequest, s: MatchCandidate): boolean {
  return (
    inList(r.countries, s.country) &&
    inList(r.regions, s.region) &&
    inList(r.gridOperators, s.gridOperator) &&
    (r.maxLatencyMs == null || (s.latencyToHubMs !== null && s.latencyToHubMs <= r.maxLatencyMs)) &&
    (r.minRedundancy == null || RANK[s.redundancy] >= RANK[r.minRedundancy]) &&
    (r.cooling == null || SERVES[r.cooling].includes(s.coolingType)) &&
    (r.minRackDensityKw == null || s.maxRackDensityKw >= r.minRackDensityKw)
  );
}

function blockOk(r: MatchRequest, b: MatchCandidateBlock): boolean {
  return (
    (b.status === undefined || b.status === 'PUBLISHED') &&
    b.minTermMonths <= r.termMonths &&
    (r.maxPriceCentsPerKwMonth == null || b.priceCentsPerKwMonth <= r.maxPriceCentsPerKwMonth)
  );
}

function cumulative(r: MatchRequest): Array<{ date: string; kw: number }> {
  let sum = 0;
  return r.phases.map((p) => ({ date: String(p.neededBy), kw: (sum += kw(p.mw)) }));
}

function fitsAlone(r: MatchRequest, s: MatchCandidate): boolean {
  if (!siteOk(r, s)) return false;
  return cumulative(r).every(
    ({ date, kw: need }) =>
      s.blocks.filter((b) => blockOk(r, b) && String(b.availableFrom) <= date).reduce((a, b) => a + kw(b.firmMw), 0) >= need,
  );
}

function assertSound(r: MatchRequest, candidates: MatchCandidate[], result: MatchResult): void {
  const byId = new Map(candidates.map((c) => [c.siteId, c]));
  const lastDate = String(r.phases[r.phases.length - 1]?.neededBy);
  for (const m of result.matches) {
    const sites = m.siteIds.map((id) => byId.get(id));
    for (const s of sites) {
      expect(s).toBeDefined();
      if (s) expect(siteOk(r, s)).toBe(true);
    }
    // Every allocated block belongs to its site, fits term, price, date and holds the MW taken.
    for (const a of m.allocations) {
      const block = byId.get(a.siteId)?.blocks.find((b) => b.id === a.blockId);
      expect(block).toBeDefined();
      if (!block) continue;
      expect(blockOk(r, block)).toBe(true);
      expect(kw(a.mw)).toBeLessThanOrEqual(kw(block.firmMw));
      expect(a.availableFrom <= lastDate).toBe(true);
    }
    expect(kw(m.mwAllocated)).toBe(kw(r.totalMw));
    for (const { date, kw: need } of cumulative(r)) {
      const live = m.allocations.filter((a) => a.availableFrom <= date).reduce((s, a) => s + kw(a.mw), 0);
      expect(live).toBeGreaterThanOrEqual(need);
    }
    if (m.isSplit) {
      expect(m.siteIds.length).toBeGreaterThanOrEqual(2);
      expect(m.siteIds.length).toBeLessThanOrEqual(SPLIT_RULES.defaultMaxSites);
      expect(m.label).toBe(`${m.siteIds.length}-site split`);
      for (const share of m.sites) expect(kw(share.mwAllocated)).toBeGreaterThanOrEqual(kw(r.minContiguousMw));
      const defined = sites.filter((s): s is MatchCandidate => s !== undefined);
      const sameGrid = defined.every((s) => s.gridOperator === defined[0]?.gridOperator);
      const sameRegion = defined.every((s) => s.country === defined[0]?.country && s.region === defined[0]?.region);
      expect(sameGrid || sameRegion).toBe(true);
      for (const a of defined) for (const b of defined) expect(siteDistance(a, b).km).toBeLessThanOrEqual(SPLIT_RULES.defaultMaxDistanceKm);
      // A split is offered only after every single site that fits.
      expect(result.matches.filter((x) => !x.isSplit)).toHaveLength(candidates.filter((c) => fitsAlone(r, c)).length);
    } else {
      expect(m.siteIds).toHaveLength(1);
    }
  }
}

const options = { asOf: AS_OF, limit: 1000 };

describe('matchRequest properties', () => {
  it.each([
    ['mixed', arbRequest, arbCandidates],
    ['split-leaning', arbSplitRequest, arbSplitCandidates],
  ] as const)('never returns a candidate that violates a hard constraint, and returns every single site that fits (%s)', (_, arbR, arbC) => {
    fc.assert(
      fc.property(arbR, arbC, (r, candidates) => {
        const result = matchRequest(r, candidates, options);
        assertSound(r, candidates, result);
        const fits = candidates.filter((c) => fitsAlone(r, c)).map((c) => c.siteId).sort();
        const singles = result.matches.filter((m) => !m.isSplit).map((m) => m.key).sort();
        expect(singles).toEqual(fits);
        expect(result.eligible.single).toBe(fits.length);
        // Every candidate is either excluded under exactly one constraint or eligible.
        const counted = Object.values(result.excluded.byConstraint).reduce((a, b) => a + b, 0);
        expect(counted).toBe(result.excluded.total);
        expect(result.excluded.total + result.eligible.single + result.eligible.partial).toBe(candidates.length);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['mixed', arbRequest, arbCandidates],
    ['split-leaning', arbSplitRequest, arbSplitCandidates],
  ] as const)('gives the same output whatever the order of candidates and of their blocks (%s)', (_, arbR, arbC) => {
    fc.assert(
      fc.property(
        arbR,
        arbC.chain((cs) =>
          fc.tuple(
            fc.constant(cs),
            fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
            fc.boolean(),
          ),
        ),
        (r, [candidates, shuffled, reverseBlocks]) => {
          const moved = reverseBlocks ? shuffled.map((c) => ({ ...c, blocks: [...c.blocks].reverse() })) : shuffled;
          expect(matchRequest(r, moved, options)).toEqual(matchRequest(r, candidates, options));
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ['mixed', arbRequest, arbCandidates],
    ['split-leaning', arbSplitRequest, arbSplitCandidates],
  ] as const)('scores within 0-100, ranked best first with ties by key, and is deterministic (%s)', (_, arbR, arbC) => {
    fc.assert(
      fc.property(arbR, arbC, (r, candidates) => {
        const a = matchRequest(r, candidates, options);
        const b = matchRequest(r, candidates, options);
        expect(b).toEqual(a);
        a.matches.forEach((m, i) => {
          expect(m.rank).toBe(i + 1);
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(100);
          const next = a.matches[i + 1];
          if (next === undefined) return;
          // Single sites first, then splits by number of sites; by score (ties by key) within each.
          expect(next.siteIds.length).toBeGreaterThanOrEqual(m.siteIds.length);
          if (next.siteIds.length === m.siteIds.length) {
            expect(next.score <= m.score).toBe(true);
            if (next.score === m.score) expect(next.key > m.key).toBe(true);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('ranks single sites on the same allocation and score that the explanation shows', () => {
    fc.assert(
      fc.property(arbRequest, arbCandidates, (r, candidates) => {
        const result = matchRequest(r, candidates, options);
        const req = prepareRequest(r, toDay(AS_OF));
        for (const m of result.matches) {
          // The explanation adds up to the score (less the distance penalty for a split).
          const sum = m.criteria.reduce((s, c) => s + c.contribution, 0);
          expect(Math.abs(Math.max(0, sum - (m.split?.penaltyPoints ?? 0)) - m.score)).toBeLessThan(0.01);
          if (m.isSplit) continue;
          const site = candidates.find((c) => c.siteId === m.key);
          if (!site) throw new Error(`unknown site ${m.key}`);
          const scratch = createScratch(req);
          expect(evaluateCandidate(req, site, scratch)).toBe(FITS_ALONE);
          const quick = createSingleScratch();
          expect(quickAllocateSingle(req, site, scratch.days, quick)).toBe(true);
          const allocation = allocateSingle(buildPool(req, site), req);
          expect(allocation).not.toBeNull();
          if (!allocation) continue;
          expect([quick.totalKw, quick.costCents, quick.firstPowerDay]).toEqual([
            allocation.totalKw,
            allocation.costCents,
            allocation.firstPowerDay,
          ]);
          const figures = scoreFigures([{ candidate: site, kw: allocation.totalKw }], allocation);
          expect(totalScore(criterionValues(req, figures), effectiveWeights(req.backfill))).toBe(m.score);
        }
      }),
      { numRuns: 300 },
    );
  });
});
