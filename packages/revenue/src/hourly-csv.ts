// Reads an uploaded hourly series: one value per line, optionally after a header line and optionally as the
// last column of a row (e.g. "2025-01-01T00:00Z,0.82"). Errors name the line, 1-based, as an editor shows it.
import { HourlyCsvError } from './errors.js';

// Stricter than Number(): Number('') is 0 and Number('0x1') is 1; neither belongs in a load series.
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function lastField(line: string): string {
  const fields = line.split(/[,;\t]/);
  return (fields[fields.length - 1] ?? '').trim().replace(/^"(.*)"$/, '$1').trim();
}

/** Parses exactly `expectedLength` numbers (8,760 or 8,784 for a year), or throws HourlyCsvError. */
export function parseHourlyCsv(text: string, expectedLength: number): Float64Array {
  if (!Number.isSafeInteger(expectedLength) || expectedLength <= 0)
    throw new RangeError(`expectedLength must be a positive whole number, got ${expectedLength}`);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let last = lines.length;
  while (last > 0 && lines[last - 1]!.trim() === '') last--;
  if (last === 0) throw new HourlyCsvError(0, `the file is empty; expected ${expectedLength} hourly values`);

  const out = new Float64Array(expectedLength);
  let count = 0;
  // A first line that is not a number is a header (e.g. "hour,utilisation").
  const first = NUMBER_RE.test(lastField(lines[0]!)) ? 0 : 1;
  for (let i = first; i < last; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '') throw new HourlyCsvError(lineNo, 'empty line; every hour needs a value');
    const field = lastField(raw);
    if (!NUMBER_RE.test(field)) throw new HourlyCsvError(lineNo, `"${field}" is not a number`);
    const value = Number(field);
    if (!Number.isFinite(value)) throw new HourlyCsvError(lineNo, `"${field}" is out of range`);
    if (count === expectedLength)
      throw new HourlyCsvError(lineNo, `more than the expected ${expectedLength} hourly values`);
    out[count++] = value;
  }
  if (count < expectedLength)
    throw new HourlyCsvError(last, `the file ends here after ${count} hourly values; expected ${expectedLength}`);
  return out;
}
