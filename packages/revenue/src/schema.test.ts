import fc from 'fast-check';
import { RevenueInputError } from './errors.js';
import { ZRevenueInput, type TRevenueInput } from './schema.js';
import { simulateRevenue } from './simulate.js';
import { defaultInput, seededSeries } from './testing/arbitrary-input.js';

/** Paths of every issue when `change` is applied to the default input. */
function issuesAfter(change: (i: TRevenueInput) => void): { path: string; message: string }[] {
  const input = defaultInput();
  change(input);
  const r = ZRevenueInput.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Writes `value` at a dotted path, bypassing the types: the point is to feed the schema bad data. */
function setPath(root: TRevenueInput, path: string, value: unknown): void {
  const segs = path.split('.');
  let at: unknown = root;
  for (const s of segs.slice(0, -1)) at = (at as Record<string, unknown>)[s];
  (at as Record<string, unknown>)[segs[segs.length - 1]!] = value;
}

describe('ZRevenueInput', () => {
  it('accepts the default input', () => {
    expect(ZRevenueInput.safeParse(defaultInput()).success).toBe(true);
  });

  const cases: [string, unknown, RegExp][] = [
    ['mining.jPerTh', 0, /greater than 0/],
    ['mining.jPerTh', -17.5, /greater than 0/],
    ['market.hashpriceUsdPerPhDay', -1, /0 or more/],
    ['market.hashpriceUsdPerPhDay', Number.NaN, /finite number/],
    ['market.hashpriceUsdPerPhDay', Number.POSITIVE_INFINITY, /finite number/],
    ['market.hashpriceUsdPerPhDay', '44', /finite number/],
    ['site.pue', 0.9, /at least 1/],
    ['site.interconnectionMw', 0, /greater than 0/],
    ['mining.uptimePercent', 101, /at most 100/],
    ['mining.minRunHours', 1.5, /whole number/],
    ['mining.rampMwPerHour', 0, /greater than 0, or null/],
    ['mining.poolFeePercent', 100, /below 100/],
    ['deal.platformFeePercent', 2.345, /2 decimal places/],
    ['deal.revenueShare.tenantPercent', 40, /sum to 100/],
    ['startDate', '2025-02-30', /real date/],
    ['startDate', '01/01/2025', /real date/],
    ['aiLoad.contractedItMw', 80, /exceeds the interconnection less reserve/],
    ['aiLoad.profile.troughDepth', 1.2, /between 0 and 1/],
    ['aiLoad.profile.troughStartHour', 9, /overlaps the peak/],
    ['aiLoad.profile.utcOffsetHours', 5.5, /whole number of hours/],
    ['energy.strike.kind', 'sometimes', /./],
    ['valuation.miningMultiple', 0, /greater than 0/],
  ];
  it.each(cases)('rejects %s = %p, naming the field', (path, value, message) => {
    const issues = issuesAfter((i) => setPath(i, path, value));
    const issue = issues.find((i) => i.path === path);
    if (issue === undefined) throw new Error(`no issue at ${path}; got ${JSON.stringify(issues)}`);
    expect(issue.message).toMatch(message);
  });

  it('names a time-of-use band that starts and ends on the same hour', () => {
    const issues = issuesAfter(
      (i) =>
        (i.energy.price = {
          kind: 'time-of-use',
          utcOffsetHours: 0,
          baseUsdPerMwh: 40,
          bands: [{ startHour: 7, endHour: 7, days: 'all', usdPerMwh: 90 }],
        }),
    );
    expect(issues).toEqual([{ path: 'energy.price.bands.0.endHour', message: 'endHour must differ from startHour' }]);
  });

  it('rejects a reserve larger than the interconnection', () => {
    const issues = issuesAfter((i) => (i.site.reserve = { kind: 'mw', mw: 120 }));
    expect(issues.map((i) => i.path)).toContain('site.reserve');
  });

  it('names the hour of a bad value in an uploaded series', () => {
    const values = seededSeries(1, 8_760, 0, 1);
    values[17] = 1.5;
    const issues = issuesAfter((i) => (i.aiLoad.profile = { kind: 'series', values }));
    expect(issues).toEqual([
      { path: 'aiLoad.profile.values.17', message: 'values: hour 17 is 1.5; each value must be a number from 0 to 1' },
    ]);
  });

  it('names a series inside a blend and a price series of the wrong length', () => {
    const issues = issuesAfter((i) => {
      i.aiLoad.profile = { kind: 'blend', components: [{ weight: 1, profile: { kind: 'series', values: [0.5] } }] };
      i.energy.price = { kind: 'series', values: seededSeries(2, 8_784, 0, 90) };
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['aiLoad.profile.components.0.profile.values', 'energy.price.values']);
  });

  it('rejects a demand-response event that runs past the end of the year', () => {
    const issues = issuesAfter((i) => (i.energy.demandResponseEvents = [{ startHour: 8_758, durationHours: 3, paymentUsdPerMwh: 100 }]));
    expect(issues.map((i) => i.path)).toEqual(['energy.demandResponseEvents.0.durationHours']);
  });

  it('has simulateRevenue throw a RevenueInputError that names the field in its message', () => {
    const input = defaultInput();
    input.mining.jPerTh = 0;
    expect(() => simulateRevenue(input)).toThrow(RevenueInputError);
    expect(() => simulateRevenue(input)).toThrow(/mining\.jPerTh: jPerTh must be greater than 0/);
  });

  describe('properties', () => {
    const rejectsAt = (path: string, value: unknown) => {
      const issues = issuesAfter((i) => setPath(i, path, value));
      expect(issues.map((i) => i.path)).toContain(path);
    };

    it('rejects any J/TH at or below zero', () => {
      fc.assert(fc.property(fc.double({ max: 0, noNaN: true }), (j) => rejectsAt('mining.jPerTh', j)));
    });

    it('rejects any negative hashprice', () => {
      fc.assert(
        fc.property(fc.double({ max: -Number.MIN_VALUE, noNaN: true }), (hp) => rejectsAt('market.hashpriceUsdPerPhDay', hp)),
      );
    });

    it('rejects revenue shares that do not sum to 100%', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (host, tenant) => {
          fc.pre(host + tenant !== 10_000);
          const issues = issuesAfter((i) => (i.deal.revenueShare = { hostPercent: host / 100, tenantPercent: tenant / 100 }));
          expect(issues.map((i) => i.path)).toContain('deal.revenueShare.tenantPercent');
        }),
      );
    });

    it('rejects an uploaded series of any other length than the year', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 9_000 }), (n) => {
          fc.pre(n !== 8_760);
          const issues = issuesAfter((i) => (i.aiLoad.profile = { kind: 'series', values: new Float64Array(n) }));
          expect(issues.map((i) => i.path)).toEqual(['aiLoad.profile.values']);
          expect(issues[0]!.message).toContain(`got ${n}`);
        }),
        { numRuns: 50 },
      );
    });

    it('rejects any out-of-range fraction in a profile', () => {
      const outside = fc.oneof(fc.double({ max: -1e-9, noNaN: true }), fc.double({ min: 1 + 1e-9, noNaN: true }));
      fc.assert(
        fc.property(
          fc.constantFrom('peakUtilisation', 'troughDepth', 'weekendReduction'),
          outside,
          (field, v) => rejectsAt(`aiLoad.profile.${field}`, v),
        ),
      );
    });
  });
});
