import { MAX_CSV_ERRORS } from './csv-lines';
import { parseSeriesCsv } from './series-csv';

/** `hours` lines of `value(h)`, each after its hour from 2026-01-01T00:00Z when `stamped`. */
function series(hours: number, value: (h: number) => string, stamped = true): string[] {
  return Array.from({ length: hours }, (_, h) => (stamped ? `${new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString()},${value(h)}` : value(h)));
}

describe('parseSeriesCsv', () => {
  it('reads a year of prices after a header, with or without instants, skipping blank lines and comments', () => {
    const text = ['hour,usdPerMwh', '# January', ...series(8_760, (h) => (h % 2 === 0 ? '41.5' : '-3')), ''].join('\r\n');
    const result = parseSeriesCsv(text, 8_760, 'price');
    expect(result.errors).toEqual([]);
    expect(result.values).toHaveLength(8_760);
    expect(result.values.slice(0, 3)).toEqual([41.5, -3, 41.5]);
    const bare = parseSeriesCsv(['0.8', '', ...series(8_783, () => '0.25', false)].join('\n'), 8_784, 'utilisation');
    expect(bare).toEqual({ values: [0.8, ...Array<number>(8_783).fill(0.25)], errors: [] });
  });

  it('names the line and field of every line that does not fit, and sends nothing', () => {
    const lines = series(8_760, () => '0.5');
    lines[2] = '2026-01-01T02:00:00Z,1.5';
    lines[4] = '2026-01-01T04:00:00Z,"0,5"';
    lines[6] = '2026-01-01 06:00,0.5';
    lines[9] = '2026-01-01T09:00:00Z,5e-1';
    lines.splice(11, 1);
    const result = parseSeriesCsv(['hour,utilisation', ...lines].join('\n'), 8_760, 'utilisation');
    expect(result.errors).toEqual([
      { line: 4, field: 'value', message: 'AI utilisation (0-1 of the contracted IT MW) must be from 0 to 1' },
      { line: 6, field: 'header', message: 'expected 1 or 2 values (hour,value or value), found 3' },
      { line: 8, field: 'instant', message: expect.stringMatching(/ISO 8601 instant with its zone/) },
      { line: 11, field: 'value', message: expect.stringMatching(/^must be a number/) },
      { line: 13, field: 'instant', message: 'must be one hour after the line before (2026-01-01T11:00:00.000Z)' },
      // One missing hour is one error: the lines after it follow the line before them.
    ]);
  });

  it('names a series of the wrong length at its last line, and an empty file', () => {
    expect(parseSeriesCsv(['usdPerMwh', '40', '41'].join('\n'), 8_784, 'price').errors).toEqual([
      { line: 3, field: 'length', message: '2 hourly values; the year has 8784 hours (a leap year)' },
    ]);
    expect(parseSeriesCsv('\n# nothing\n', 8_760, 'price').errors).toEqual([{ line: 1, field: 'length', message: 'no values: expected 8760 hourly values' }]);
  });

  it('reads a daily hashprice path for the term: days a day apart, at least the term, a longer one kept for the engine to cut', () => {
    const days = (n: number, from = 0) => Array.from({ length: n }, (_, d) => `${new Date(Date.UTC(2025, 0, 1 + from + d)).toISOString()},${(44 - d / 100).toFixed(2)}`);
    const result = parseSeriesCsv(['day,usdPerPhDay', ...days(3_700)].join('\n'), 3_652, 'hashprice');
    expect(result.errors).toEqual([]);
    expect(result.values.slice(0, 2)).toEqual([44, 43.99]);
    expect(parseSeriesCsv(days(10).join('\n'), 3_652, 'hashprice').errors).toEqual([{ line: 10, field: 'length', message: '10 daily values; the term has 3652 days' }]);
    const skipped = [...days(3), ...days(3, 4)];
    expect(parseSeriesCsv(skipped.join('\n'), 6, 'hashprice').errors).toEqual([{ line: 4, field: 'instant', message: 'must be one day after the line before (2025-01-04T00:00:00.000Z)' }]);
    expect(parseSeriesCsv(['-1', ...Array<string>(5).fill('40')].join('\n'), 6, 'hashprice').errors).toEqual([{ line: 1, field: 'value', message: 'hashprice ($/PH/day) must be from 0 to 10000' }]);
  });

  it('stops after MAX_CSV_ERRORS errors: a file with more is the wrong file', () => {
    const result = parseSeriesCsv(series(8_760, () => 'n/a', false).join('\n'), 8_760, 'price');
    // The first line is taken as a header; every other line is refused until the cap.
    expect(result.errors).toHaveLength(MAX_CSV_ERRORS);
    expect(result.errors[0]).toMatchObject({ line: 2, field: 'value' });
  });
});
