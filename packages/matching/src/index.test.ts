import * as api from './index.js';

describe('public API', () => {
  it('exports the engine, the helpers, the tables and the schemas', () => {
    expect(typeof api.matchRequest).toBe('function');
    expect(typeof api.describeExclusions).toBe('function');
    expect(typeof api.haversineKm).toBe('function');
    expect(api.MATCHING_MODEL_VERSION).toMatch(/^matching-/);
    expect(Object.keys(api.MATCHING_WEIGHTS)).toHaveLength(6);
    expect(api.CONSTRAINT_ORDER).toEqual([
      'location',
      'latency',
      'redundancy',
      'cooling',
      'rackDensity',
      'contiguousMw',
      'term',
      'price',
      'mwByDate',
    ]);
    expect(typeof api.ZMatchRequestInput.safeParse).toBe('function');
  });

  it('runs end to end: a zod-parsed request through matchRequest to the sentence', () => {
    const request = api.ZMatchRequestInput.parse({
      totalMw: 100,
      minContiguousMw: 100,
      phases: [{ mw: 100, neededBy: '2026-06-01' }],
      cooling: 'DIRECT_TO_CHIP',
      termMonths: 60,
    });
    const site = {
      siteId: 'a',
      country: 'US',
      region: 'Texas',
      gridOperator: 'ERCOT',
      latitude: 32,
      longitude: -100,
      coolingType: 'AIR' as const,
      redundancy: 'N' as const,
      maxRackDensityKw: 30,
      latencyToHubMs: 8,
      readinessScore: 50,
      energyPriceCentsPerMwh: 4_000,
      renewableSharePct: 10,
      interruptibleMw: 0,
      blocks: [],
    };
    const result = api.matchRequest(request, [site], { asOf: '2026-01-01' });
    expect(result.matches).toEqual([]);
    expect(api.describeExclusions(result.excluded)).toBe('1 site excluded: 1 by cooling');
  });
});
