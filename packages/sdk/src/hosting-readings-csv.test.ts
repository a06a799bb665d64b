import { parseHostingReadingsCsv } from './hosting-readings-csv';

describe('parseHostingReadingsCsv', () => {
  it('reads hourly kWh after the header, skipping blank lines and comments, each mapped to its line', () => {
    const text = 'intervalStart,kWh\r\n# November\r\n2026-11-01T00:00:00Z,9850.5\r\n\r\n2026-11-01T02:00:00+01:00 , 0\r\n';
    expect(parseHostingReadingsCsv(text)).toEqual({
      readings: [
        { intervalStart: '2026-11-01T00:00:00.000Z', kwh: 9850.5 },
        { intervalStart: '2026-11-01T01:00:00.000Z', kwh: 0 },
      ],
      lines: [3, 5],
      errors: [],
    });
  });

  it('names the line and field of every line that does not fit, and keeps the ones that do', () => {
    const text = ['intervalStart,kwh', '2026-11-01T00:00:00Z,100', '2026-11-01 01:00,100', '2026-11-01T02:00:00Z,-5', '2026-11-01T03:00:00Z,"1,000"', '2026-11-01T04:00:00Z,1e3'].join('\n');
    const result = parseHostingReadingsCsv(text);
    expect(result.lines).toEqual([2]);
    expect(result.errors).toEqual([
      { line: 3, field: 'intervalStart', message: expect.stringMatching(/ISO 8601 instant with its zone/) },
      { line: 4, field: 'kwh', message: expect.stringMatching(/0 or more/) },
      { line: 5, field: 'header', message: 'expected 2 values (intervalStart,kwh), found 3' },
      { line: 6, field: 'kwh', message: expect.stringMatching(/must be a number/) },
    ]);
  });

  it('refuses a file whose first line is not the header, and an empty file', () => {
    expect(parseHostingReadingsCsv('2026-11-01T00:00:00Z,100').errors).toEqual([{ line: 1, field: 'header', message: 'the first line must be intervalStart,kwh' }]);
    expect(parseHostingReadingsCsv('\n# nothing\n').errors).toEqual([{ line: 1, field: 'header', message: 'no readings: the text is empty' }]);
  });
});
