import type { MatchRequest } from './types.js';
import { ZMatchOptions, ZMatchRequestInput, type TMatchRequestInput } from './request-schema.js';

const valid = {
  totalMw: 200,
  minContiguousMw: 100,
  phases: [
    { mw: 50, neededBy: '2026-06-01' },
    { mw: 150, neededBy: '2027-01-01' },
  ],
  countries: ['us'],
  termMonths: 120,
};

function issues(input: unknown): Array<{ path: string; message: string }> {
  const r = ZMatchRequestInput.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('ZMatchRequestInput', () => {
  it('accepts a valid request and fills defaults', () => {
    const parsed = ZMatchRequestInput.parse(valid);
    expect(parsed).toEqual({
      ...valid,
      maxSplitSites: null,
      maxSplitDistanceKm: null,
      countries: ['US'],
      regions: [],
      gridOperators: [],
      maxLatencyMs: null,
      cooling: null,
      minRackDensityKw: null,
      minRedundancy: null,
      maxPriceCentsPerKwMonth: null,
      backfillMiningAllowed: false,
    });
    // The parsed type is what matchRequest takes.
    const asInput: MatchRequest = parsed satisfies TMatchRequestInput;
    expect(asInput.totalMw).toBe(200);
  });

  it('accepts Date values for phase dates and fractional MW to the kW', () => {
    const r = ZMatchRequestInput.safeParse({
      ...valid,
      totalMw: 0.3,
      minContiguousMw: 0.1,
      phases: [
        { mw: 0.1, neededBy: new Date('2026-06-01T00:00:00Z') },
        { mw: 0.2, neededBy: '2026-07-01' },
      ],
    });
    expect(r.success).toBe(true);
  });

  it('rejects negative MW, naming the field', () => {
    expect(issues({ ...valid, totalMw: -5 })).toContainEqual({ path: 'totalMw', message: 'totalMw must be greater than 0 MW' });
    expect(issues({ ...valid, phases: [{ mw: -1, neededBy: '2026-06-01' }] })).toContainEqual({
      path: 'phases.0.mw',
      message: 'phases.mw must be greater than 0 MW',
    });
  });

  it('rejects minContiguousMw above totalMw', () => {
    expect(issues({ ...valid, minContiguousMw: 250 })).toEqual([
      { path: 'minContiguousMw', message: 'minContiguousMw (250) must be at most totalMw (200)' },
    ]);
  });

  it('rejects phases that do not add up to totalMw', () => {
    expect(issues({ ...valid, phases: [{ mw: 50, neededBy: '2026-06-01' }] })).toEqual([
      { path: 'phases', message: 'phases must add up to totalMw (200 MW); they add up to 50 MW' },
    ]);
  });

  it('rejects unknown enum values, naming the field', () => {
    expect(issues({ ...valid, cooling: 'LIQUID' })).toEqual([
      { path: 'cooling', message: 'cooling must be one of AIR, WATER, IMMERSION, DIRECT_TO_CHIP' },
    ]);
    expect(issues({ ...valid, minRedundancy: '3N' })).toEqual([
      { path: 'minRedundancy', message: 'minRedundancy must be one of N, N_PLUS_1, TWO_N' },
    ]);
  });

  it('rejects bad dates, out-of-order phases and other malformed fields', () => {
    expect(issues({ ...valid, phases: [{ mw: 200, neededBy: '2026-02-30' }] })).toContainEqual({
      path: 'phases.0.neededBy',
      message: "phases.neededBy must be a date 'YYYY-MM-DD'",
    });
    expect(
      issues({
        ...valid,
        phases: [
          { mw: 50, neededBy: '2027-01-01' },
          { mw: 150, neededBy: '2026-06-01' },
        ],
      }),
    ).toEqual([
      {
        path: 'phases.1.neededBy',
        message: 'phases[1].neededBy must not be before phases[0].neededBy (phases are in date order)',
      },
    ]);
    expect(issues({ ...valid, termMonths: 12.5 })).toEqual([{ path: 'termMonths', message: 'termMonths must be a whole number of months' }]);
    expect(issues({ ...valid, totalMw: '200' })).toContainEqual({ path: 'totalMw', message: 'totalMw must be a number of MW' });
    expect(issues({ ...valid, countries: ['USA'] })).toEqual([
      { path: 'countries.0', message: 'countries must be ISO 3166-1 alpha-2 codes such as "US"' },
    ]);
    expect(issues({ ...valid, totalMw: 200.0001, phases: [{ mw: 200.0001, neededBy: '2026-06-01' }] })).toContainEqual({
      path: 'totalMw',
      message: 'totalMw must have at most 3 decimals (kW precision)',
    });
    expect(issues({ ...valid, maxLatencyMs: 0 })).toEqual([{ path: 'maxLatencyMs', message: 'maxLatencyMs must be greater than 0' }]);
    expect(issues({ ...valid, phases: [] })).toContainEqual({ path: 'phases', message: 'phases must hold at least one phase' });
    expect(issues(null)).toEqual([{ path: '', message: 'request must be an object' }]);
  });
});

describe('ZMatchOptions', () => {
  it('accepts a limit and an asOf date, rejects nonsense', () => {
    expect(ZMatchOptions.parse({ limit: 10, asOf: '2026-01-01' })).toEqual({ limit: 10, asOf: '2026-01-01' });
    expect(ZMatchOptions.safeParse({ limit: -1 }).success).toBe(false);
    expect(ZMatchOptions.safeParse({ asOf: 'tomorrow' }).success).toBe(false);
  });
});
