// A series for the revenue model from CSV text, without I/O: the AI load's utilisation or the energy price, one
// value per hour of the scenario's first year, or the hashprice, one value per day of the term. What the
// portal's upload checks line by line before it sends anything. Format, one hour (or day) a line, in order:
//
//   hour,usdPerMwh                      an optional header (a first line whose value is not a number)
//   2026-01-01T00:00:00Z,41.5           an ISO 8601 instant with its zone, then the value; or
//   41.5                                the value alone
//
// Blank lines and `#` comments are skipped. Instants, where given, must follow one another an hour (a day)
// apart, so a missing or repeated hour is named rather than shifting every later one.
import { type CsvLineError, DECIMAL, isInstant, MAX_CSV_ERRORS } from './csv-lines';

export type SeriesCsvKind = 'utilisation' | 'price' | 'hashprice';
export type SeriesCsvField = 'header' | 'instant' | 'value' | 'length';

/** Each kind's bounds (the revenue engine's: ZSeriesProfile, the series energy price, the daily hashprice path) and step. */
export const SERIES_CSV_KINDS: Readonly<Record<SeriesCsvKind, { what: string; min: number; max: number; step: 'hour' | 'day' }>> = {
  utilisation: { what: 'AI utilisation (0-1 of the contracted IT MW)', min: 0, max: 1, step: 'hour' },
  price: { what: 'energy price ($/MWh)', min: -50_000, max: 50_000, step: 'hour' },
  hashprice: { what: 'hashprice ($/PH/day)', min: 0, max: 10_000, step: 'day' },
};

/** The engine's longest daily series: a 30-year term. */
export const MAX_SERIES_DAYS = 30 * 366;

export interface SeriesCsvResult {
  /** One value per hour (day); complete only when `errors` is empty. */
  values: number[];
  errors: CsvLineError<SeriesCsvField>[];
}

const STEP_MS = { hour: 3_600_000, day: 86_400_000 } as const;

/**
 * Reads `count` values of `kind`, naming every line that does not fit: exactly `count` hours (8,760, or 8,784
 * in a leap year), or at least `count` days (the term's; a longer series is cut), at most MAX_SERIES_DAYS.
 */
export function parseSeriesCsv(text: string, count: number, kind: SeriesCsvKind): SeriesCsvResult {
  const { what, min, max, step } = SERIES_CSV_KINDS[kind];
  const stepMs = STEP_MS[step];
  const values: number[] = [];
  const errors: CsvLineError<SeriesCsvField>[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let first = true;
  let lastLine = 1;
  let previousInstant: number | null = null;
  for (let i = 0; i < lines.length && errors.length < MAX_CSV_ERRORS; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const line = i + 1;
    lastLine = line;
    const cells = trimmed.split(',').map((cell) => cell.trim());
    const value = cells[cells.length - 1]!;
    // A first line whose value is not a number is a header (e.g. "hour,usdPerMwh").
    const isHeader = first && !DECIMAL.test(value);
    first = false;
    if (isHeader) continue;
    const error = (field: SeriesCsvField, message: string) => errors.push({ line, field, message });
    if (cells.length > 2) {
      error('header', `expected 1 or 2 values (hour,value or value), found ${cells.length}`);
      previousInstant = null;
      continue;
    }
    if (cells.length === 2) {
      const at = cells[0]!;
      if (!isInstant(at)) {
        error('instant', 'must be an ISO 8601 instant with its zone, e.g. 2026-01-01T00:00:00Z');
        previousInstant = null;
        continue;
      }
      const ms = Date.parse(at);
      if (previousInstant !== null && ms !== previousInstant + stepMs)
        error('instant', `must be one ${step} after the line before (${new Date(previousInstant + stepMs).toISOString()})`);
      previousInstant = ms;
    }
    if (!DECIMAL.test(value)) error('value', `must be a number (digits and an optional . ; no exponent or thousands separators), the ${what}`);
    else if (Number(value) < min || Number(value) > max) error('value', `${what} must be from ${min} to ${max}`);
    else values.push(Number(value));
  }
  if (errors.length === 0) {
    const message =
      values.length === 0
        ? `no values: expected ${count} ${step === 'hour' ? 'hourly' : 'daily'} values`
        : step === 'hour'
          ? values.length !== count && `${values.length} hourly values; the year has ${count} hours${count === 8_784 ? ' (a leap year)' : ''}`
          : values.length < count
            ? `${values.length} daily values; the term has ${count} days`
            : values.length > MAX_SERIES_DAYS && `${values.length} daily values; at most ${MAX_SERIES_DAYS} (30 years)`;
    if (message) errors.push({ line: lastLine, field: 'length', message });
  }
  return { values, errors };
}
