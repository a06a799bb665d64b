// Meter readings from CSV text, without I/O: what a portal upload or a partner's script turns into
// recordMeterReadings batches. Format (a header line first, naming the value column kwh or kw):
//
//   channel,intervalStart,intervalMinutes,kwh
//   AI_IT,2026-07-01T00:00:00Z,15,7500
//   MINING,2026-07-01T00:00:00Z,15,12500.5
//
// channel is AI_IT, MINING or SITE_IMPORT; intervalStart an ISO 8601 instant with its zone (Z or ±hh:mm);
// intervalMinutes 15 or 60; the value a plain decimal number (no thousands separators). Blank lines and
// lines starting with # are skipped. Every line that does not fit is reported with its line number and
// field; the API checks the rest (alignment, the deal's period, the physical caps) and names a refused
// row by its index in the batch, which `lines` maps back to the CSV line.
import { type CsvLineError, DECIMAL, eachCsvLine, isInstant } from './csv-lines';
import type { MeterChannel, MeterReadingInput } from './generated/graphql';

export type MeterCsvField = 'header' | 'channel' | 'intervalStart' | 'intervalMinutes' | 'kwh' | 'kw';

export type MeterCsvError = CsvLineError<MeterCsvField>;

export interface MeterCsvResult {
  readings: MeterReadingInput[];
  /** lines[i] is the line readings[i] came from. */
  lines: number[];
  errors: MeterCsvError[];
}

const CHANNELS: readonly MeterChannel[] = ['AI_IT', 'MINING', 'SITE_IMPORT'];

function headerValueField(cells: readonly string[]): 'kwh' | 'kw' | null {
  const [channel, start, minutes, value] = cells.map((cell) => cell.toLowerCase());
  const ok = cells.length === 4 && channel === 'channel' && start === 'intervalstart' && minutes === 'intervalminutes';
  return ok && (value === 'kwh' || value === 'kw') ? value : null;
}

export function parseMeterReadingsCsv(text: string): MeterCsvResult {
  const readings: MeterReadingInput[] = [];
  const lines: number[] = [];
  let valueField: 'kwh' | 'kw' = 'kwh';
  const errors = eachCsvLine<MeterCsvField>(
    text,
    'header',
    (cells) => {
      const header = headerValueField(cells);
      if (!header) return 'the first line must be channel,intervalStart,intervalMinutes,kwh (or ,kw for average power)';
      valueField = header;
      return null;
    },
    (cells, line, error) => {
      if (cells.length !== 4) return error('header', `expected 4 values (channel,intervalStart,intervalMinutes,${valueField}), found ${cells.length}`);
      const [channel, start, minutes, value] = cells as [string, string, string, string];
      if (!CHANNELS.includes(channel as MeterChannel)) error('channel', `must be ${CHANNELS.join(', ')}`);
      else if (!isInstant(start)) error('intervalStart', 'must be an ISO 8601 instant with its zone, e.g. 2026-07-01T00:15:00Z');
      else if (minutes !== '15' && minutes !== '60') error('intervalMinutes', 'must be 15 or 60');
      else if (!DECIMAL.test(value)) error(valueField, 'must be a number (digits, an optional - and . ; no thousands separators)');
      else {
        readings.push({ channel: channel as MeterChannel, intervalStart: new Date(start).toISOString(), intervalMinutes: Number(minutes), [valueField]: Number(value) });
        lines.push(line);
      }
    },
  );
  return { readings, lines, errors };
}
