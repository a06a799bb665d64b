import { randomUUID } from 'node:crypto';
import { SORTS } from './search.schemas';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor';

describe('search cursors', () => {
  const id = randomUUID();

  it.each([
    ['PRICE_ASC', '15000'],
    ['MW_DESC', '40.000'],
    ['AVAILABLE_FROM_ASC', '2026-06-01'],
    ['READINESS_DESC', '-1'],
    ['READINESS_DESC', '73.25'],
  ] as const)('round-trips a %s value as PostgreSQL prints it (%s)', (sort, value) => {
    expect(decodeSearchCursor(encodeSearchCursor(sort, { value, id }), sort)).toEqual({ value, id });
  });

  it.each([
    ['PRICE_ASC', 'abc'],
    ['PRICE_ASC', '99999999999'],
    ['PRICE_ASC', '1.5'],
    ['MW_DESC', 'NaN'],
    ['MW_DESC', '1e9'],
    ['AVAILABLE_FROM_ASC', '2026-02-30'],
    ['AVAILABLE_FROM_ASC', '2026-13-45'],
    ['AVAILABLE_FROM_ASC', 'infinity'],
    ['READINESS_DESC', '--1'],
  ] as const)('refuses a %s value of %j as BAD_USER_INPUT on after', (sort, value) => {
    expect(() => decodeSearchCursor(encodeSearchCursor(sort, { value, id }), sort)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
  });

  it('knows every sort', () => {
    for (const sort of SORTS) expect(() => decodeSearchCursor(encodeSearchCursor(sort, { value: 'x', id }), sort)).toThrow();
  });
});
