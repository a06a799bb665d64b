import fc from 'fast-check';
import { DateTimeResolver } from 'graphql-scalars';
import { DateTimeScalar, parseCanonicalUtc } from './date-time';

/** What graphql-scalars answers: the instant, or its refusal message. */
function reference(value: unknown): number | string {
  try {
    return (DateTimeResolver.parseValue(value) as Date).getTime();
  } catch (error) {
    return (error as Error).message;
  }
}
function ours(value: unknown): number | string {
  try {
    return (DateTimeScalar.parseValue(value) as Date).getTime();
  } catch (error) {
    return (error as Error).message;
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('DateTimeScalar.parseValue', () => {
  it('answers exactly as graphql-scalars for canonical strings, real or not (any digits in every field)', () => {
    const field = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(field(9999), field(19), field(39), field(29), field(69), field(69), fc.option(fc.stringMatching(/^\d{1,7}$/)), (y, mo, d, h, mi, s, fraction) => {
        const value = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction === null ? '' : `.${fraction}`}Z`;
        expect(ours(value)).toEqual(reference(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers exactly as graphql-scalars for other forms and for junk', () => {
    const samples = ['2026-07-01T00:15:00+02:00', '2026-07-01t00:15:00z', '2026-07-01T00:15:00', '2026-07-01', '0099-01-01T00:00:00Z', '2026-07-01T00:15:00.Z', 'x'.repeat(24), ''];
    for (const value of samples) expect([value, ours(value)]).toEqual([value, reference(value)]);
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (value) => expect(ours(value)).toEqual(reference(value))), { numRuns: 5_000 });
    for (const value of [12, null, new Date('2026-07-01T00:00:00Z')]) expect(ours(value)).toEqual(reference(value));
  });

  it('reads the canonical form without graphql-scalars', () => {
    expect(parseCanonicalUtc('2024-02-29T23:59:59.9999Z')?.toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(parseCanonicalUtc('2026-02-29T00:00:00Z')).toBeUndefined();
  });
});
