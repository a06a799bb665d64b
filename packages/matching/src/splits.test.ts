import { estimateRoundTripMs, haversineKm } from './geo.js';
import { matchRequest } from './match-request.js';
import { AS_OF, makeBlock, makeRequest, makeSite } from './test-support.js';
import type { MatchCandidate, MatchRequest, RankedMatch } from './types.js';

/** A 50 MW site near Abilene, TX; each one a few km further east. */
function fifty(id: string, i: number, overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return makeSite(id, {
    latitude: 32.45,
    longitude: -99.73 + i * 0.05,
    // Better than the big campus on every soft criterion: splits must lose on structure, not on score.
    readinessScore: 99,
    energyPriceCentsPerMwh: 2_000,
    renewableSharePct: 100,
    blocks: [makeBlock(`${id}-b`, { mw: 50, priceCentsPerKwMonth: 10_000 })],
    ...overrides,
  });
}

const campus = makeSite('campus-200', { readinessScore: 60, blocks: [makeBlock('campus-b', { mw: 200 })] });
const smalls = [fifty('s1', 0), fifty('s2', 1), fifty('s3', 2), fifty('s4', 3)];

function splitRequest(totalMw: number, minContiguousMw = 50, extra: Partial<MatchRequest> = {}): MatchRequest {
  return makeRequest({ totalMw, minContiguousMw, phases: [{ mw: totalMw, neededBy: '2026-06-01' }], ...extra });
}

function mwBySite(match: RankedMatch | undefined): Record<string, number> {
  return Object.fromEntries((match?.sites ?? []).map((s) => [s.siteId, s.mwAllocated]));
}

describe('one site beats a split', () => {
  const request = splitRequest(150);

  it('the seed case: 200 MW from 4 x 50 MW in one region is a labelled 4-site split, ranked after the site that holds it all', () => {
    const result = matchRequest(splitRequest(200), [...smalls, campus], { asOf: AS_OF });
    expect(result.matches.map((m) => [m.rank, m.key, m.label])).toEqual([
      [1, 'campus-200', 'Single site'],
      [2, 's1+s2+s3+s4', '4-site split'],
    ]);
    const split = result.matches[1];
    // Better than the campus on every soft criterion, and still ranked after it: fewer sites first.
    expect(split?.score).toBeGreaterThan(result.matches[0]?.score ?? 100);
    expect(Object.values(mwBySite(split))).toEqual([50, 50, 50, 50]);
    expect(split?.summary).toMatch(/^4-site split in ERCOT \(50 \+ 50 \+ 50 \+ 50 MW\)/);
    expect(result.eligible).toEqual({ single: 1, partial: 4 });
  });

  it('without a site that fits, the 4 x 50 MW sites alone give the 200 MW', () => {
    const result = matchRequest(splitRequest(200), smalls, { asOf: AS_OF });
    expect(result.matches.map((m) => m.key)).toEqual(['s1+s2+s3+s4']);
    expect(result.relaxations).toEqual([]);
  });

  it('without a site that fits, the 50 MW sites are offered, labelled as splits', () => {
    const noCampus = matchRequest(request, smalls, { asOf: AS_OF });
    // 150 MW from 50 MW sites needs three of the four: C(4,3) = 4 offers.
    expect(noCampus.matches.map((m) => m.key).sort()).toEqual(['s1+s2+s3', 's1+s2+s4', 's1+s3+s4', 's2+s3+s4']);
    for (const m of noCampus.matches) {
      expect(m.isSplit).toBe(true);
      expect(m.label).toBe('3-site split');
      expect(m.mwAllocated).toBe(150);
      expect(Object.values(mwBySite(m))).toEqual([50, 50, 50]);
      expect(m.split?.distanceKm).toBeGreaterThan(0);
      expect(m.summary).toMatch(/^3-site split in ERCOT/);
    }
    // Closer sites rank first: s1+s2+s3 spans the least distance.
    expect(noCampus.matches[0]?.key).toBe('s1+s2+s3');
  });

  it('also when the big site exists but fails a hard constraint', () => {
    const result = matchRequest(request, [...smalls, { ...campus, redundancy: 'N' }], { asOf: AS_OF });
    expect(result.matches.length).toBeGreaterThan(0);
    expect(result.matches.every((m) => m.isSplit)).toBe(true);
    expect(result.excluded.byConstraint.redundancy).toBe(1);
  });

  it('a single-site match ranks above every split, and splits fill the answer only while it has room', () => {
    const result = matchRequest(splitRequest(100), [...smalls, campus], { asOf: AS_OF });
    expect(result.matches[0]?.key).toBe('campus-200');
    expect(result.matches.slice(1).every((m) => m.isSplit && m.siteIds.length === 2)).toBe(true);
    expect(matchRequest(splitRequest(100), [...smalls, campus], { asOf: AS_OF, limit: 1 }).matches.map((m) => m.key)).toEqual(['campus-200']);
  });
});

describe('split search', () => {
  it('prefers two sites: three-site splits only when no pair holds the request', () => {
    const result = matchRequest(splitRequest(100), smalls, { asOf: AS_OF });
    expect(result.matches).toHaveLength(6);
    expect(result.matches.every((m) => m.siteIds.length === 2)).toBe(true);
  });

  it('never combines more sites than the request allows, and says what allowing more would add', () => {
    const result = matchRequest(splitRequest(200, 50, { maxSplitSites: 3 }), smalls, { asOf: AS_OF });
    expect(result.matches).toEqual([]);
    expect(result.eligible).toEqual({ single: 0, partial: 4 });
    expect(result.partialFits.summary).toBe('4 sites could each give 50 MW');
    expect(result.relaxations).toEqual([
      { key: 'splitSites', value: 4, addsMatches: 1, addsSites: 0, summary: 'allowing a 4-site split adds 1 match' },
    ]);
  });

  it('keeps the sites of a split within the distance budget, fiber route where known', () => {
    const near = fifty('near', 0);
    const far = fifty('far', 0, { latitude: 32.45 + 3, longitude: -99.73 });
    // ~334 km apart great-circle: inside the 500 km default, outside a 300 km budget.
    expect(matchRequest(splitRequest(100), [near, far], { asOf: AS_OF }).matches.map((m) => m.key)).toEqual(['far+near']);
    const tight = matchRequest(splitRequest(100, 50, { maxSplitDistanceKm: 300 }), [near, far], { asOf: AS_OF });
    expect(tight.matches).toEqual([]);
    expect(tight.relaxations.map((r) => r.summary)).toEqual(['a distance budget of 340 km between sites adds 1 match']);
    // A known fiber route is what counts: 280 km of fiber fits the 300 km budget.
    const routed = { ...near, fiberRouteKm: { far: 280 } };
    const [match] = matchRequest(splitRequest(100, 50, { maxSplitDistanceKm: 300 }), [routed, far], { asOf: AS_OF }).matches;
    expect(match?.split?.pairs[0]).toMatchObject({ distanceKm: 280, measuredBy: 'fiber', latencyMs: 2.8 });
  });

  it('zero matches says which term, price or block size would add a site', () => {
    const longTerm = fifty('long', 0, { blocks: [makeBlock('long-b', { mw: 200, minTermMonths: 144 })] });
    const dear = fifty('dear', 1, { blocks: [makeBlock('dear-b', { mw: 200, priceCentsPerKwMonth: 21_000 })] });
    const small = makeSite('small', { blocks: [makeBlock('small-b', { mw: 40 })] });
    const result = matchRequest(makeRequest(), [longTerm, dear, small], { asOf: AS_OF });
    expect(result.matches).toEqual([]);
    expect(result.partialFits.sites).toBe(0);
    expect(result.relaxations.map((r) => r.summary)).toEqual([
      'a term of 144 months adds 1 site and 1 match',
      'a price ceiling of $210.00/kW-month adds 1 site and 1 match',
      'a minimum contiguous block of 40 MW adds 1 site',
    ]);
  });

  it('offers no split when the minimum contiguous MW rules it out', () => {
    // 150 MW with 100 MW minimum at each site: two sites would need 200 MW, so only single sites count.
    const result = matchRequest(splitRequest(150, 100), smalls, { asOf: AS_OF });
    expect(result.matches).toEqual([]);
    expect(result.excluded.byConstraint.contiguousMw).toBe(4);
  });

  it('combines only sites that share a grid operator or a region', () => {
    const texas = fifty('tx', 0);
    const sameGridOtherRegion = fifty('grid', 1, { region: 'Oklahoma' });
    const sameRegionOtherGrid = fifty('region', 2, { gridOperator: 'SPP' });
    const elsewhere = fifty('far', 3, { region: 'Ohio', gridOperator: 'PJM', latitude: 40, longitude: -82 });
    const result = matchRequest(splitRequest(100), [texas, sameGridOtherRegion, sameRegionOtherGrid, elsewhere], {
      asOf: AS_OF,
      limit: 50,
    });
    expect(result.matches.map((m) => m.key).sort()).toEqual(['grid+tx', 'region+tx']);
  });

  it('reports the distance and the estimated latency between the sites', () => {
    const a = fifty('a', 0, { latitude: 32.78, longitude: -96.8 });
    const b = fifty('b', 0, { latitude: 29.76, longitude: -95.37 });
    const [match] = matchRequest(splitRequest(100), [a, b], { asOf: AS_OF }).matches;
    const km = haversineKm(a, b);
    expect(match?.split?.distanceKm).toBeCloseTo(km, 1);
    expect(match?.split?.interSiteLatencyMs).toBeCloseTo(km * 1.5 * 0.01, 2);
    expect(match?.split?.pairs).toEqual([
      {
        siteIds: ['a', 'b'],
        distanceKm: Math.round(km * 10) / 10,
        measuredBy: 'greatCircle',
        latencyMs: Math.round(estimateRoundTripMs(km) * 100) / 100,
      },
    ]);
    expect(match?.split?.penaltyPoints).toBeCloseTo(estimateRoundTripMs(km), 2);
    expect(match?.summary).toContain(`${match?.split?.distanceKm} km apart`);
  });

  it('gives every site at least the minimum contiguous MW, even when a cheaper allocation would not', () => {
    const cheapBig = fifty('big', 0, { blocks: [makeBlock('big-b', { mw: 180, priceCentsPerKwMonth: 10_000 })] });
    const dearSmall = fifty('small', 1, { blocks: [makeBlock('small-b', { mw: 100, priceCentsPerKwMonth: 19_000 })] });
    const [match] = matchRequest(splitRequest(200, 80), [cheapBig, dearSmall], { asOf: AS_OF }).matches;
    expect(match?.isSplit).toBe(true);
    expect(mwBySite(match)).toEqual({ big: 120, small: 80 });
  });

  it('offers no split when the minimums and the phase dates together need more than the request', () => {
    // 150 MW by March can only come from `early`; `late` must still take its 100 MW minimum: 250 > 200.
    const request = makeRequest({
      totalMw: 200,
      minContiguousMw: 100,
      phases: [
        { mw: 150, neededBy: '2026-03-01' },
        { mw: 50, neededBy: '2026-09-01' },
      ],
    });
    const early = fifty('early', 0, { blocks: [makeBlock('e', { mw: 160, availableFrom: '2026-02-01', priceCentsPerKwMonth: 15_000 })] });
    const late = fifty('late', 1, { blocks: [makeBlock('l', { mw: 100, availableFrom: '2026-08-01', priceCentsPerKwMonth: 10_000 })] });
    const result = matchRequest(request, [early, late], { asOf: AS_OF });
    expect(result.matches).toEqual([]);
    expect(result.eligible).toEqual({ single: 0, partial: 2 });
  });

  it('covers phase dates across the sites of a split', () => {
    const request = makeRequest({
      totalMw: 200,
      minContiguousMw: 100,
      phases: [
        { mw: 100, neededBy: '2026-03-01' },
        { mw: 100, neededBy: '2026-09-01' },
      ],
    });
    const early = fifty('early', 0, { blocks: [makeBlock('e', { mw: 100, availableFrom: '2026-02-01' })] });
    const late = fifty('late', 1, { blocks: [makeBlock('l', { mw: 100, availableFrom: '2026-08-01' })] });
    const tooLate = fifty('too-late', 2, { blocks: [makeBlock('t', { mw: 100, availableFrom: '2026-04-01' })] });
    const result = matchRequest(request, [early, late, tooLate], { asOf: AS_OF });
    // late+too-late misses phase 1; both pairs with the early site are on time.
    expect(result.matches.map((m) => m.key).sort()).toEqual(['early+late', 'early+too-late']);
    expect(result.matches[0]?.firstPowerDate).toBe('2026-02-01');
  });

  it('scores a split from its sites, weighted by the MW each holds', () => {
    const a = fifty('a', 0, { readinessScore: 100, blocks: [makeBlock('a-b', { mw: 150, priceCentsPerKwMonth: 10_000 })] });
    const b = fifty('b', 0, { readinessScore: 0, blocks: [makeBlock('b-b', { mw: 50, priceCentsPerKwMonth: 10_000 })] });
    const [match] = matchRequest(splitRequest(200), [a, b], { asOf: AS_OF }).matches;
    const readiness = match?.criteria.find((c) => c.key === 'readiness');
    expect(readiness?.value).toBe(0.75);
    expect(readiness?.reason).toContain('across 2 sites');
    // Same location: no distance penalty, so the contributions add up to the score.
    expect(match?.split?.penaltyPoints).toBe(0);
    expect(match?.criteria.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(match?.score ?? -1, 2);
  });
});
