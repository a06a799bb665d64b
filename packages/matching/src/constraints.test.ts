import { CONSTRAINT_ORDER, COOLING_COMPATIBILITY, coolingServes } from './constraints.js';
import { describeExclusions } from './describe-exclusions.js';
import { matchRequest } from './match-request.js';
import { AS_OF, makeBlock, makeRequest, makeSite } from './test-support.js';
import type { ConstraintKey, MatchCandidate, MatchRequest } from './types.js';

function run(request: MatchRequest, candidates: MatchCandidate[]) {
  return matchRequest(request, candidates, { asOf: AS_OF });
}

function onlyCount(key: ConstraintKey, n: number): Record<ConstraintKey, number> {
  const counts = Object.fromEntries(CONSTRAINT_ORDER.map((k) => [k, 0])) as Record<ConstraintKey, number>;
  counts[key] = n;
  return counts;
}

describe('hard constraints', () => {
  const request = makeRequest();

  it('the baseline site passes every constraint', () => {
    const result = run(request, [makeSite('ok')]);
    expect(result.matches.map((m) => m.key)).toEqual(['ok']);
    expect(result.excluded.total).toBe(0);
  });

  // Each case breaks exactly one constraint of an otherwise fitting site.
  const cases: Array<{ key: ConstraintKey; site: MatchCandidate; sentence: string; request?: MatchRequest }> = [
    { key: 'location', site: makeSite('x', { country: 'CA' }), sentence: '1 site excluded: 1 by location' },
    {
      key: 'location',
      site: makeSite('x', { region: 'Oklahoma' }),
      request: makeRequest({ regions: ['Texas'] }),
      sentence: '1 site excluded: 1 by location',
    },
    {
      key: 'location',
      site: makeSite('x', { gridOperator: 'SPP' }),
      request: makeRequest({ gridOperators: ['ERCOT'] }),
      sentence: '1 site excluded: 1 by location',
    },
    { key: 'latency', site: makeSite('x', { latencyToHubMs: 10.5 }), sentence: '1 site excluded: 1 by latency' },
    { key: 'latency', site: makeSite('x', { latencyToHubMs: null }), sentence: '1 site excluded: 1 by latency' },
    { key: 'redundancy', site: makeSite('x', { redundancy: 'N' }), sentence: '1 site excluded: 1 by redundancy' },
    { key: 'cooling', site: makeSite('x', { coolingType: 'WATER' }), sentence: '1 site excluded: 1 by cooling' },
    {
      key: 'rackDensity',
      site: makeSite('x', { maxRackDensityKw: 120 }),
      sentence: '1 site excluded: 1 by rack density',
    },
    {
      key: 'contiguousMw',
      site: makeSite('x', { blocks: [makeBlock('b', { mw: 199.999 })] }),
      sentence: '1 site excluded: 1 by contiguous MW',
    },
    {
      key: 'term',
      site: makeSite('x', { blocks: [makeBlock('b', { minTermMonths: 121 })] }),
      sentence: '1 site excluded: 1 by term',
    },
    {
      key: 'price',
      site: makeSite('x', { blocks: [makeBlock('b', { priceCentsPerKwMonth: 20_001 })] }),
      sentence: '1 site excluded: 1 by price',
    },
    {
      key: 'mwByDate',
      site: makeSite('x', { blocks: [makeBlock('b', { availableFrom: '2026-06-02' })] }),
      sentence: '1 site excluded: 1 by MW by date',
    },
  ];

  it.each(cases)('a site that fails only $key is excluded and counted under it', ({ key, site, request: r, sentence }) => {
    const result = run(r ?? request, [site, makeSite('ok')]);
    expect(result.matches.map((m) => m.key)).toEqual(['ok']);
    expect(result.excluded).toEqual({ total: 1, byConstraint: onlyCount(key, 1) });
    expect(describeExclusions(result.excluded)).toBe(sentence);
  });

  it('limits hold at their edge: equal to the limit passes', () => {
    const edge = makeSite('edge', {
      latencyToHubMs: 10,
      redundancy: 'N_PLUS_1',
      maxRackDensityKw: 130,
      blocks: [makeBlock('b', { priceCentsPerKwMonth: 20_000, minTermMonths: 120, availableFrom: '2026-06-01' })],
    });
    expect(run(request, [edge]).matches.map((m) => m.key)).toEqual(['edge']);
  });

  it('counts a site that fails several constraints under the first in CONSTRAINT_ORDER only', () => {
    const many = makeSite('many', {
      latencyToHubMs: 50,
      redundancy: 'N',
      blocks: [makeBlock('b', { priceCentsPerKwMonth: 99_000 })],
    });
    const late = makeSite('late', {
      maxRackDensityKw: 10,
      blocks: [makeBlock('b', { minTermMonths: 240, priceCentsPerKwMonth: 99_000 })],
    });
    const result = run(request, [many, late]);
    expect(result.excluded.total).toBe(2);
    expect(result.excluded.byConstraint.latency).toBe(1);
    expect(result.excluded.byConstraint.rackDensity).toBe(1);
    const sum = Object.values(result.excluded.byConstraint).reduce((a, b) => a + b, 0);
    expect(sum).toBe(result.excluded.total);
  });

  it('matches location lists without regard to case or surrounding spaces', () => {
    const r = makeRequest({ countries: ['us'], regions: [' texas '], gridOperators: ['Ercot'] });
    expect(run(r, [makeSite('a')]).matches).toHaveLength(1);
  });

  it('treats empty location lists and missing limits as "any"', () => {
    const r = makeRequest({
      countries: [],
      maxLatencyMs: null,
      cooling: null,
      minRackDensityKw: null,
      minRedundancy: null,
      maxPriceCentsPerKwMonth: null,
    });
    const site = makeSite('any', {
      country: 'IS',
      latencyToHubMs: null,
      coolingType: 'AIR',
      maxRackDensityKw: 5,
      redundancy: 'N',
      blocks: [makeBlock('b', { priceCentsPerKwMonth: 90_000 })],
    });
    expect(run(r, [site]).matches.map((m) => m.key)).toEqual(['any']);
  });

  it('uses only PUBLISHED blocks and only their firm MW', () => {
    const draft = makeSite('draft', {
      blocks: [makeBlock('b1', { status: 'DRAFT' }), makeBlock('b2', { status: 'LEASED' })],
    });
    const firmShort = makeSite('firm', { blocks: [makeBlock('b', { mw: 250, firmMw: 150, interruptibleMw: 100 })] });
    const published = makeSite('pub', { blocks: [makeBlock('b', { status: 'PUBLISHED' })] });
    const result = run(request, [draft, firmShort, published]);
    expect(result.matches.map((m) => m.key)).toEqual(['pub']);
    expect(result.excluded.byConstraint.contiguousMw).toBe(2);
  });

  it('ignores blocks with an unreadable date rather than counting them as live', () => {
    const bad = makeSite('bad', { blocks: [makeBlock('b', { availableFrom: '2026-02-30' })] });
    const result = run(request, [bad]);
    expect(result.matches).toHaveLength(0);
    expect(result.excluded.byConstraint.mwByDate).toBe(1);
  });

  it('per-phase dates: 50 MW by phase 1 but not the further 150 MW by phase 2 is excluded for MW by date', () => {
    const phased = makeRequest({
      phases: [
        { mw: 50, neededBy: '2026-06-01' },
        { mw: 150, neededBy: '2027-01-01' },
      ],
    });
    const short = makeSite('short', {
      blocks: [makeBlock('early', { mw: 50, availableFrom: '2026-05-01' }), makeBlock('late', { mw: 150, availableFrom: '2027-01-02' })],
    });
    const onTime = makeSite('on-time', {
      blocks: [makeBlock('early', { mw: 50, availableFrom: '2026-05-01' }), makeBlock('late', { mw: 150, availableFrom: '2027-01-01' })],
    });
    // The whole 200 MW by phase 1 is also fine: earlier is never a problem.
    const early = makeSite('early', { blocks: [makeBlock('all', { availableFrom: '2026-01-01' })] });
    // Phase 1 missed even though the total arrives in time for phase 2.
    const lateStart = makeSite('late-start', { blocks: [makeBlock('all', { availableFrom: '2026-06-02' })] });
    const result = run(phased, [short, onTime, early, lateStart]);
    expect(result.matches.map((m) => m.key).sort()).toEqual(['early', 'on-time']);
    expect(result.excluded).toEqual({ total: 2, byConstraint: onlyCount('mwByDate', 2) });
    expect(describeExclusions(result.excluded)).toBe('2 sites excluded: 2 by MW by date');
  });

  it('price and term apply per block: a site passes on the blocks that fit', () => {
    const mixed = makeSite('mixed', {
      blocks: [
        makeBlock('pricey', { mw: 100, priceCentsPerKwMonth: 30_000 }),
        makeBlock('long', { mw: 100, minTermMonths: 180 }),
        makeBlock('ok1', { mw: 100 }),
        makeBlock('ok2', { mw: 100 }),
      ],
    });
    const result = run(request, [mixed]);
    expect(result.matches[0]?.blockIds).toEqual(['ok1', 'ok2']);
  });
});

describe('cooling rule', () => {
  it('DIRECT_TO_CHIP is served only by DIRECT_TO_CHIP', () => {
    expect(COOLING_COMPATIBILITY.DIRECT_TO_CHIP).toEqual(['DIRECT_TO_CHIP']);
    expect(coolingServes('DIRECT_TO_CHIP', 'IMMERSION')).toBe(false);
    expect(coolingServes('DIRECT_TO_CHIP', 'DIRECT_TO_CHIP')).toBe(true);
  });

  it('AIR is served by any site, WATER by water or direct-to-chip, IMMERSION only by immersion', () => {
    expect(coolingServes('AIR', 'IMMERSION')).toBe(true);
    expect(coolingServes('WATER', 'DIRECT_TO_CHIP')).toBe(true);
    expect(coolingServes('WATER', 'AIR')).toBe(false);
    expect(coolingServes('IMMERSION', 'WATER')).toBe(false);
  });

  it('is applied by matchRequest', () => {
    const r = makeRequest({ cooling: 'WATER' });
    const result = matchRequest(r, [makeSite('dtc'), makeSite('air', { coolingType: 'AIR' })], { asOf: AS_OF });
    expect(result.matches.map((m) => m.key)).toEqual(['dtc']);
    expect(result.excluded.byConstraint.cooling).toBe(1);
  });
});
