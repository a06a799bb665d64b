import { HourlyCsvError } from './errors.js';
import { parseHourlyCsv } from './hourly-csv.js';

const lines = (n: number, f: (i: number) => string = (i) => String((i % 10) / 10)) =>
  Array.from({ length: n }, (_, i) => f(i)).join('\n');

function csvError(text: string, expected: number): HourlyCsvError {
  try {
    parseHourlyCsv(text, expected);
  } catch (e) {
    if (e instanceof HourlyCsvError) return e;
    throw e;
  }
  throw new Error('expected parseHourlyCsv to throw');
}

describe('parseHourlyCsv', () => {
  it('reads one value per line for a whole year', () => {
    const out = parseHourlyCsv(`${lines(8_760)}\n`, 8_760);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out).toHaveLength(8_760);
    expect(out[0]).toBe(0);
    expect(out[13]).toBe(0.3);
    expect(out[8_759]).toBe(0.9);
  });

  it('accepts a header line, a value in the last column, CRLF, a BOM, quotes and exponents', () => {
    const text = `\uFEFFtimestamp,utilisation\r\n2024-01-01T00:00Z,0.5\r\n2024-01-01T01:00Z,"0.25"\r\n2024-01-01T02:00Z, 1e-1 \r\n`;
    expect(Array.from(parseHourlyCsv(text, 3))).toEqual([0.5, 0.25, 0.1]);
    expect(Array.from(parseHourlyCsv('-1.5\n+2\n.5', 3))).toEqual([-1.5, 2, 0.5]);
  });

  it('names the line of a value that is not a number', () => {
    const text = lines(8_784, (i) => (i === 41 ? '0.4x' : '0.5'));
    const e = csvError(text, 8_784);
    expect(e.line).toBe(42);
    expect(e.message).toBe('line 42: "0.4x" is not a number');
  });

  it.each(['', 'NaN', 'Infinity', '0x10', '1,2;', 'abc', '1e', '--1'])('rejects %j as a value', (bad) => {
    const e = csvError(`0.1\n${bad === '' ? ' ' : bad}\n0.3`, 3);
    expect(e.line).toBe(2);
  });

  it('counts a header in the line numbers', () => {
    const e = csvError('hour,load\n0,0.5\n1,oops\n2,0.5', 3);
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^line 3: "oops"/);
  });

  it('names the line where a file is too long', () => {
    const e = csvError(lines(8_761), 8_760);
    expect(e.line).toBe(8_761);
    expect(e.message).toBe('line 8761: more than the expected 8760 hourly values');
  });

  it('names the line where a file is too short, and says how many values it found', () => {
    const e = csvError(lines(8_759), 8_760);
    expect(e.line).toBe(8_759);
    expect(e.message).toBe('line 8759: the file ends here after 8759 hourly values; expected 8760');
    const leap = csvError(lines(8_760), 8_784);
    expect(leap.message).toMatch(/after 8760 hourly values; expected 8784/);
  });

  it('rejects an empty file and a bad expected length', () => {
    expect(csvError('\n\n', 8_760).message).toMatch(/empty/);
    expect(() => parseHourlyCsv('1', 0)).toThrow(RangeError);
  });
});
