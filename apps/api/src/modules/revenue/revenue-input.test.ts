import { DEFAULT_REVENUE_INPUT } from '@gridshare/revenue';
import { mergeOver, normaliseRevenueInput } from './revenue-input';

const issuesOf = (raw: unknown) => {
  const result = normaliseRevenueInput(raw);
  return result.ok ? [] : result.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('mergeOver', () => {
  it('merges objects field by field and replaces arrays and scalars', () => {
    expect(mergeOver({ a: { x: 1, y: 2 }, list: [1, 2], n: 1 }, { a: { y: 3 }, list: [9], n: null })).toEqual({ a: { x: 1, y: 3 }, list: [9], n: null });
  });

  it('starts a switched variant from its own defaults, or from nothing', () => {
    expect(mergeOver({ kind: 'flat', usdPerMwh: 60 }, { kind: 'series', values: [1] })).toEqual({ kind: 'series', values: [1] });
    expect(mergeOver({ kind: 'inference', peakUtilisation: 0.9 }, { kind: 'training', availability: 0.5 })).toMatchObject({
      kind: 'training',
      availability: 0.5,
      busyUtilisation: 0.9,
    });
  });

  it('keeps __proto__ an ordinary key and leaves the defaults untouched', () => {
    const merged = mergeOver(DEFAULT_REVENUE_INPUT, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.isFrozen(DEFAULT_REVENUE_INPUT)).toBe(true);
  });
});

describe('normaliseRevenueInput', () => {
  it('models the defaults from {}', () => {
    expect(normaliseRevenueInput({})).toEqual({ ok: true, input: DEFAULT_REVENUE_INPUT });
  });

  it('reads a CSV series for the year of the input', () => {
    const leap = normaliseRevenueInput({ startDate: '2024-01-01', energy: { price: { kind: 'series', csv: `price\n${'50\n'.repeat(8784)}` } } });
    expect(leap.ok && leap.input.energy.price.kind === 'series' && leap.input.energy.price.values.length).toBe(8784);
    expect(issuesOf({ energy: { price: { kind: 'series', csv: '50\n'.repeat(8784) } } })).toEqual([
      'energy.price.csv: line 8761: more than the expected 8760 hourly values',
    ]);
  });

  it('names unknown fields, however deep', () => {
    expect(issuesOf({ orgId: 'x', energy: { demandResponseEvents: [{ startHour: 1, durationHours: 2, paymentUsdPerMwh: 3, note: 'x' }] } })).toEqual([
      "energy.demandResponseEvents.0.note: unknown field 'note'",
      "orgId: unknown field 'orgId'",
    ]);
  });

  it('refuses what is not an object', () => {
    for (const raw of [null, 'x', 3, [1]]) expect(issuesOf(raw)).toEqual([': must be an object of revenue inputs; {} models the defaults']);
  });
});
