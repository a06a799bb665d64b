import { inBatches } from './metering';
import { parseMeterReadingsCsv } from './meter-readings-csv';

describe('parseMeterReadingsCsv', () => {
  it('reads readings with the header naming kWh or kW, skipping blank lines and comments, and maps each to its line', () => {
    const text = 'channel,intervalStart,intervalMinutes,kwh\r\n# July\r\nAI_IT,2026-07-01T00:00:00Z,15,7500\r\n\r\nMINING, 2026-07-01T02:00:00+02:00 ,60,12500.5\r\n';
    expect(parseMeterReadingsCsv(text)).toEqual({
      readings: [
        { channel: 'AI_IT', intervalStart: '2026-07-01T00:00:00.000Z', intervalMinutes: 15, kwh: 7500 },
        { channel: 'MINING', intervalStart: '2026-07-01T00:00:00.000Z', intervalMinutes: 60, kwh: 12500.5 },
      ],
      lines: [3, 5],
      errors: [],
    });
    expect(parseMeterReadingsCsv('Channel,IntervalStart,IntervalMinutes,kW\nSITE_IMPORT,2026-07-01T00:15:00Z,15,90000').readings).toEqual([
      { channel: 'SITE_IMPORT', intervalStart: '2026-07-01T00:15:00.000Z', intervalMinutes: 15, kw: 90_000 },
    ]);
  });

  it('names the line and field of every line that does not fit, and keeps the ones that do', () => {
    const text = [
      'channel,intervalStart,intervalMinutes,kw',
      'AI_IT,2026-07-01T00:00:00Z,15,30000',
      'AI,2026-07-01T00:15:00Z,15,30000',
      'AI_IT,2026-07-01 00:30,15,30000',
      'AI_IT,2026-07-01T00:45:00Z,30,30000',
      'AI_IT,2026-07-01T01:00:00Z,15,"30,000"',
      'AI_IT,2026-07-01T01:15:00Z,15',
      'MINING,2026-07-01T01:15:00Z,15,1e3',
    ].join('\n');
    const result = parseMeterReadingsCsv(text);
    expect(result.lines).toEqual([2]);
    expect(result.errors).toEqual([
      { line: 3, field: 'channel', message: 'must be AI_IT, MINING, SITE_IMPORT' },
      { line: 4, field: 'intervalStart', message: expect.stringMatching(/ISO 8601 instant with its zone/) },
      { line: 5, field: 'intervalMinutes', message: 'must be 15 or 60' },
      { line: 6, field: 'header', message: 'expected 4 values (channel,intervalStart,intervalMinutes,kw), found 5' },
      { line: 7, field: 'header', message: 'expected 4 values (channel,intervalStart,intervalMinutes,kw), found 3' },
      { line: 8, field: 'kw', message: expect.stringMatching(/must be a number/) },
    ]);
  });

  it('needs its header first, and some text', () => {
    expect(parseMeterReadingsCsv('AI_IT,2026-07-01T00:00:00Z,15,7500').errors).toEqual([{ line: 1, field: 'header', message: expect.stringMatching(/first line must be/) }]);
    expect(parseMeterReadingsCsv('\n\n').errors).toEqual([{ line: 1, field: 'header', message: 'no readings: the text is empty' }]);
  });
});

describe('inBatches', () => {
  it('splits into consecutive slices of at most the size', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches(Array.from({ length: 25_000 }, (_, i) => i)).map((batch) => batch.length)).toEqual([10_000, 10_000, 5_000]);
    expect(inBatches([], 3)).toEqual([]);
    expect(() => inBatches([1], 0)).toThrow(RangeError);
  });
});
