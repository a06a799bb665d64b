// A batch of daily values (hashprice index days, pool statement days), given as a list or as CSV text.
// Either way every row knows where it came from, so a refusal names it: `input.days.3.usdPerPhDay` for a
// list, `input.csv` with the line number and column for CSV. Nothing here touches the database.
import type { z } from 'zod';
import { appError } from '../../errors/domain-errors';

/** Days per upload: ten years. */
export const MAX_DAYS_PER_BATCH = 3_660;
const MAX_ISSUES = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export type RowRef = { index: number } | { line: number };

export interface DayRow<V> {
  /** YYYY-MM-DD. */
  day: string;
  values: V;
  at: RowRef;
}

export interface DayIssue {
  field: string;
  message: string;
  /** CSV only: the line (1-based) and the column at fault. */
  line?: number;
  column?: string;
}

/** An issue about one row's column, named the way the client sent it. */
export function issueAt(at: RowRef, column: string, message: string): DayIssue {
  return 'index' in at ? { field: `input.days.${at.index}.${column}`, message } : { field: 'input.csv', line: at.line, column, message };
}

export function refuseDays(issues: readonly DayIssue[]): never {
  const first = issues[0]!;
  const where = first.line === undefined ? first.field : `${first.field}: line ${first.line}${first.column ? `, ${first.column}` : ''}`;
  throw appError('BAD_USER_INPUT', `${where}: ${first.message}`, { field: first.field, issues: issues.slice(0, MAX_ISSUES) });
}

const toIsoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A YYYY-MM-DD cell as the Date the row schemas take; null unless it is a real calendar day. */
function calendarDay(cell: string): Date | null {
  const date = new Date(`${cell}T00:00:00Z`);
  return DATE.test(cell) && !Number.isNaN(date.getTime()) && toIsoDay(date) === cell ? date : null;
}

/** What a CSV batch of one kind looks like: its value columns, and the schema of one row ({ day, …values }). */
export interface DaySpec<V> {
  columns: readonly (keyof V & string)[];
  row: z.ZodType<{ day: Date } & V>;
}

function parseCsv<V>(csv: string, spec: DaySpec<V>): { rows: DayRow<V>[]; issues: DayIssue[] } {
  const header = ['day', ...spec.columns];
  const rows: DayRow<V>[] = [];
  const issues: DayIssue[] = [];
  const lines = csv.split(/\r?\n/);
  let first = true;
  for (let i = 0; i < lines.length && issues.length < MAX_ISSUES; i++) {
    const text = lines[i]!.trim();
    if (text === '' || text.startsWith('#')) continue;
    const at = { line: i + 1 };
    const cells = text.split(',').map((cell) => cell.trim());
    const firstLine = first;
    first = false;
    // An optional header line first (anything not starting with a digit).
    if (firstLine && !/^\d/.test(cells[0] ?? '')) {
      if (cells.join(',').toLowerCase() !== header.join(',').toLowerCase()) issues.push({ field: 'input.csv', line: at.line, message: `the header must be ${header.join(',')}` });
      continue;
    }
    if (cells.length !== header.length) {
      issues.push({ field: 'input.csv', line: at.line, message: `expected ${header.length} values (${header.join(',')}), found ${cells.length}` });
      continue;
    }
    const raw: Record<string, unknown> = { day: calendarDay(cells[0]!) };
    spec.columns.forEach((column, c) => (raw[column] = NUMBER.test(cells[c + 1]!) ? Number(cells[c + 1]) : null));
    const missing = header.find((column) => raw[column] === null);
    if (missing) {
      issues.push(issueAt(at, missing, missing === 'day' ? 'must be a date, YYYY-MM-DD' : 'must be a number (digits, an optional - and . ; no thousands separators)'));
      continue;
    }
    const parsed = spec.row.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      issues.push(issueAt(at, String(issue.path[0] ?? 'day'), issue.message));
      continue;
    }
    const { day, ...values } = parsed.data;
    rows.push({ day: toIsoDay(day), values: values as V, at });
  }
  if (rows.length > MAX_DAYS_PER_BATCH) issues.push({ field: 'input.csv', message: `must hold at most ${MAX_DAYS_PER_BATCH} days` });
  if (rows.length === 0 && issues.length === 0) issues.push({ field: 'input.csv', message: `holds no days (expected lines of ${header.join(',')})` });
  return { rows, issues };
}

/** The batch's rows, from the list or the CSV (input schemas make sure exactly one is given); refuses bad CSV by line. */
export function dayRowsOf<V>(input: { days?: readonly ({ day: Date } & V)[] | null; csv?: string | null }, spec: DaySpec<V>): DayRow<V>[] {
  if (input.days) return input.days.map(({ day, ...values }, index) => ({ day: toIsoDay(day), values: values as V, at: { index } }));
  const { rows, issues } = parseCsv(input.csv ?? '', spec);
  if (issues.length > 0) refuseDays(issues);
  return rows;
}

/** Rules every batch of days keeps: each day once, and none after `today` (UTC). */
export function dayIssues<V>(rows: readonly DayRow<V>[], today: string): DayIssue[] {
  const seen = new Map<string, RowRef>();
  const issues: DayIssue[] = [];
  for (const row of rows) {
    const earlier = seen.get(row.day);
    if (earlier) issues.push(issueAt(row.at, 'day', `${row.day} appears twice (also ${'index' in earlier ? `day ${earlier.index}` : `line ${earlier.line}`})`));
    else if (row.day > today) issues.push(issueAt(row.at, 'day', `${row.day} is in the future`));
    seen.set(row.day, earlier ?? row.at);
    if (issues.length >= MAX_ISSUES) break;
  }
  return issues;
}

export interface DayChange<V> {
  day: string;
  old: V;
  new: V;
}

export interface DayDiff<V> {
  /** Days new to the table. */
  inserted: DayRow<V>[];
  /** Days stored with other values. */
  updated: (DayRow<V> & { old: V })[];
  unchanged: number;
}

/** What writing `rows` over `stored` (by day) would change; values are compared as stored (callers round first). */
export function diffDays<V>(rows: readonly DayRow<V>[], stored: ReadonlyMap<string, V>, same: (a: V, b: V) => boolean): DayDiff<V> {
  const diff: DayDiff<V> = { inserted: [], updated: [], unchanged: 0 };
  for (const row of rows) {
    const old = stored.get(row.day);
    if (old === undefined) diff.inserted.push(row);
    else if (same(old, row.values)) diff.unchanged += 1;
    else diff.updated.push({ ...row, old });
  }
  return diff;
}

/** What an upload changes: the counts it answers, the rows to write, each update's old and new values (for the audit row). */
export function summarize<V>(diff: DayDiff<V>) {
  return {
    counts: { inserted: diff.inserted.length, updated: diff.updated.length, unchanged: diff.unchanged },
    changed: [...diff.inserted, ...diff.updated],
    updates: diff.updated.map((row) => ({ day: row.day, old: row.old, new: row.values })),
  };
}

/** First days (YYYY-MM-01) of the months the days fall in. */
export const monthsOfDays = (days: readonly string[]) => [...new Set(days.map((day) => `${day.slice(0, 7)}-01`))].sort();
