// The line loop every CSV upload shares (meter readings, hosting readings): a header line first, blank
// lines and `#` comments skipped, cells trimmed, every bad line reported with its 1-based number, and at
// most MAX_CSV_ERRORS of them (a file with more is the wrong file).
export const MAX_CSV_ERRORS = 200;
/** An ISO 8601 instant with its zone (Z or ±hh:mm). */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** A plain decimal number: no exponent, no thousands separators. */
export const DECIMAL = /^-?\d+(\.\d+)?$/;

export const isInstant = (text: string) => INSTANT.test(text) && !Number.isNaN(Date.parse(text));

export interface CsvLineError<F extends string> {
  /** 1-based line of the text. */
  line: number;
  field: F;
  message: string;
}

/**
 * Calls `header` with the first line's cells (it returns an error message, or null when the header fits),
 * then `row` with each further line's cells; `row` reports problems through `error`. Returns the errors.
 */
export function eachCsvLine<F extends string>(
  text: string,
  headerField: F,
  header: (cells: string[]) => string | null,
  row: (cells: string[], line: number, error: (field: F, message: string) => void) => void,
): CsvLineError<F>[] {
  const errors: CsvLineError<F>[] = [];
  let sawHeader = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && errors.length < MAX_CSV_ERRORS; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const line = i + 1;
    const cells = trimmed.split(',').map((cell) => cell.trim());
    if (!sawHeader) {
      const problem = header(cells);
      if (problem) return [{ line, field: headerField, message: problem }];
      sawHeader = true;
      continue;
    }
    row(cells, line, (field, message) => errors.push({ line, field, message }));
  }
  if (!sawHeader) errors.push({ line: 1, field: headerField, message: 'no readings: the text is empty' });
  return errors;
}
