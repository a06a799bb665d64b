import { DomainError } from '../../errors/domain-errors';
import { type DaySpec, dayIssues, dayRowsOf, diffDays } from './day-batch';
import { ZHashpriceDay, ZPoolStatementDay } from './market-data.schemas';

const HASHPRICE: DaySpec<{ usdPerPhDay: number }> = { columns: ['usdPerPhDay'], row: ZHashpriceDay };
const POOL: DaySpec<{ hashrateThs: number; earningsUsd: number }> = { columns: ['hashrateThs', 'earningsUsd'], row: ZPoolStatementDay };

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { message: error.message, code: error.code, field: error.field, issues: error.details.issues as unknown[] };
  }
  throw new Error('expected a refusal');
}

describe('dayRowsOf, CSV', () => {
  it('reads days with an optional header, blank lines, comments and CRLF; values as the column keeps them', () => {
    const rows = dayRowsOf({ csv: 'day,usdPerPhDay\r\n# from the index\r\n2026-01-01,41.123456\r\n\r\n 2026-01-02 , 40 \r\n' }, HASHPRICE);
    expect(rows).toEqual([
      { day: '2026-01-01', values: { usdPerPhDay: 41.1235 }, at: { line: 3 } },
      { day: '2026-01-02', values: { usdPerPhDay: 40 }, at: { line: 5 } },
    ]);
  });

  it.each([
    ['a bad date', '2026-01-01,41\n2026-13-01,40', 2, 'day', /must be a date/],
    ['a missing value', '2026-01-01', 1, undefined, /expected 2 values \(day,usdPerPhDay\), found 1/],
    ['a word for a number', '2026-01-01,forty', 1, 'usdPerPhDay', /must be a number/],
    ['a thousands separator', '2026-01-01,1,041', 1, undefined, /found 3/],
    ['zero', '2026-01-01,0', 1, 'usdPerPhDay', /at least 0.0001 USD\/PH\/day/],
    ['a price per TH', '2026-01-01,45000', 1, 'usdPerPhDay', /at most 2000/],
    ['a day before Bitcoin', '2008-12-31,1', 1, 'day', /2009-01-03/],
    ['another header', 'date,price\n2026-01-01,40', 1, undefined, /header must be day,usdPerPhDay/],
  ])('refuses %s, naming the line and column', (_label, csv, line, column, message) => {
    const refused = refusal(() => dayRowsOf({ csv }, HASHPRICE));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.field).toBe('input.csv');
    expect(refused.issues[0]).toEqual({ field: 'input.csv', line, ...(column ? { column } : {}), message: expect.stringMatching(message) });
    expect(refused.message).toMatch(new RegExp(`^input\\.csv: line ${line}`));
  });

  it('lists every bad line, and refuses text with no days', () => {
    const refused = refusal(() => dayRowsOf({ csv: '2026-01-01,x\n2026-01-02,1\n2026-01-03,-1,2\n2026-01-04,1,2' }, POOL));
    expect(refused.issues).toEqual([
      { field: 'input.csv', line: 1, message: expect.stringMatching(/expected 3 values/) },
      { field: 'input.csv', line: 2, message: expect.stringMatching(/expected 3 values/) },
      { field: 'input.csv', line: 3, column: 'hashrateThs', message: 'must be 0 or more' },
    ]);
    expect(refusal(() => dayRowsOf({ csv: '\n# nothing\n' }, POOL)).message).toMatch(/holds no days/);
  });

  it('reads pool statement lines', () => {
    expect(dayRowsOf({ csv: '2026-07-01,1000000.1234,41000' }, POOL)).toEqual([{ day: '2026-07-01', values: { hashrateThs: 1_000_000.123, earningsUsd: 41_000 }, at: { line: 1 } }]);
  });
});

describe('dayIssues', () => {
  it('names a day given twice and a day in the future, as list rows', () => {
    const rows = dayRowsOf({ days: [{ day: new Date('2026-01-01'), usdPerPhDay: 1 }, { day: new Date('2026-01-01'), usdPerPhDay: 2 }, { day: new Date('2026-12-03'), usdPerPhDay: 3 }] }, HASHPRICE);
    expect(dayIssues(rows, '2026-12-02')).toEqual([
      { field: 'input.days.1.day', message: '2026-01-01 appears twice (also day 0)' },
      { field: 'input.days.2.day', message: '2026-12-03 is in the future' },
    ]);
  });
});

describe('diffDays', () => {
  it('splits days into new, changed (with the old value) and unchanged', () => {
    const rows = dayRowsOf({ days: [1, 2, 3].map((n) => ({ day: new Date(`2026-01-0${n}`), usdPerPhDay: 40 + n })) }, HASHPRICE);
    const stored = new Map([['2026-01-01', { usdPerPhDay: 41 }], ['2026-01-02', { usdPerPhDay: 50 }]]);
    const diff = diffDays(rows, stored, (a, b) => a.usdPerPhDay === b.usdPerPhDay);
    expect(diff.unchanged).toBe(1);
    expect(diff.updated).toEqual([{ day: '2026-01-02', values: { usdPerPhDay: 42 }, at: { index: 1 }, old: { usdPerPhDay: 50 } }]);
    expect(diff.inserted.map((row) => row.day)).toEqual(['2026-01-03']);
  });
});
