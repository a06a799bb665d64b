// A hosting deal's hourly meter readings from CSV text, without I/O: what the portal's upload (or a host's
// script) turns into recordHostingReadings batches. Format:
//
//   intervalStart,kwh
//   2026-11-01T00:00:00Z,9850.5
//
// intervalStart is the start of the hour, an ISO 8601 instant with its zone; kwh the fleet's metered
// energy in that hour, a plain decimal ≥ 0. The API checks the rest (the hour boundary, the deal's
// period, the contracted power) and names a refused row by its index, which `lines` maps back.
import { type CsvLineError, DECIMAL, eachCsvLine, isInstant } from './csv-lines';

/** recordHostingReadings' HostingReadingInput. */
export interface HostingReadingRow {
  intervalStart: string;
  kwh: number;
}

export type HostingCsvField = 'header' | 'intervalStart' | 'kwh';

export interface HostingCsvResult {
  readings: HostingReadingRow[];
  /** lines[i] is the line readings[i] came from. */
  lines: number[];
  errors: CsvLineError<HostingCsvField>[];
}

export function parseHostingReadingsCsv(text: string): HostingCsvResult {
  const readings: HostingReadingRow[] = [];
  const lines: number[] = [];
  const errors = eachCsvLine<HostingCsvField>(
    text,
    'header',
    (cells) => (cells.length === 2 && cells[0]!.toLowerCase() === 'intervalstart' && cells[1]!.toLowerCase() === 'kwh' ? null : 'the first line must be intervalStart,kwh'),
    (cells, line, error) => {
      if (cells.length !== 2) return error('header', `expected 2 values (intervalStart,kwh), found ${cells.length}`);
      const [start, kwh] = cells as [string, string];
      if (!isInstant(start)) error('intervalStart', 'must be an ISO 8601 instant with its zone, e.g. 2026-11-01T00:00:00Z');
      else if (!DECIMAL.test(kwh) || Number(kwh) < 0) error('kwh', 'must be a number of kWh, 0 or more (digits and an optional . ; no thousands separators)');
      else {
        readings.push({ intervalStart: new Date(start).toISOString(), kwh: Number(kwh) });
        lines.push(line);
      }
    },
  );
  return { readings, lines, errors };
}
