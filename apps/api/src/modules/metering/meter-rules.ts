// The rules a batch of readings must keep (docs/settlement.md, "Readings"), in one pass over the batch plus
// one over the rows that passed, with no I/O: the service loads the deal and the stored readings these
// rules compare against. Every refusal names the row (its index in the batch) and the field at fault.
import type { MeterChannel } from '@gridshare/db';
import type { MeterDealContext } from './meter-context';

/**
 * Readings above the contracted kW (AI_IT) or the interconnection (SITE_IMPORT) by more than this are
 * refused: revenue-meter accuracy (ANSI C12.20 class 0.5 is ±0.5%) and the averaging of short bursts stay
 * inside 2%; more is a wrong reading, or an overdraw to raise with the tenant rather than to bill.
 */
export const METER_TOLERANCE = 0.02;
/** Float noise of kWh ↔ kW conversions, in kW: far below the 3 decimals of kWh that are stored. */
const EPSILON_KW = 0.001;
const MAX_READING = 10_000_000_000;
const SLOT_MS = 15 * 60_000;

export interface ReadingRow {
  channel: MeterChannel;
  intervalStart: Date;
  intervalMinutes: number;
  kwh?: number | null;
  kw?: number | null;
}

/** A stored AI_IT or MINING reading near the batch (the caps compare the two channels interval by interval). */
export interface StoredReading {
  channel: MeterChannel;
  intervalStart: Date;
  intervalMinutes: number;
  kwh: number;
}

/**
 * The time range [fromMs, untilMs) of stored readings the caps need: the 15-minute slots where the batch
 * has one of AI_IT and MINING but not the other (a stored reading of the other may then share them).
 * Null when the batch carries both channels wherever it carries either, as a full export of a site's
 * meters does: then nothing stored can change the answer and the query is skipped.
 */
export function storedRangeNeeded(rows: readonly ReadingRow[]): { fromMs: number; untilMs: number } | null {
  const ai = new Set<number>();
  const mining = new Set<number>();
  for (const row of rows) {
    if (row.channel === 'SITE_IMPORT') continue;
    const slots = row.channel === 'AI_IT' ? ai : mining;
    const first = row.intervalStart.getTime() / SLOT_MS;
    for (let slot = first; slot < first + row.intervalMinutes / 15; slot++) slots.add(slot);
  }
  let [first, last] = [Infinity, -Infinity];
  for (const [slots, other] of [[ai, mining], [mining, ai]] as const) {
    for (const slot of slots) {
      if (other.has(slot)) continue;
      first = Math.min(first, slot);
      last = Math.max(last, slot);
    }
  }
  // A stored hourly reading that began up to 45 minutes before the first slot covers it.
  return first > last ? null : { fromMs: first * SLOT_MS - 45 * 60_000, untilMs: (last + 1) * SLOT_MS };
}

export interface RuleInputs {
  deal: MeterDealContext;
  now: Date;
  /** Each channel's interval length, set by its first stored reading. */
  storedMinutes: Partial<Record<MeterChannel, number>>;
  /** Stored AI_IT and MINING readings over the batch's time range. */
  stored: readonly StoredReading[];
}

export interface ReadingIssue {
  index: number;
  field: 'channel' | 'intervalStart' | 'intervalMinutes' | 'kwh' | 'kw';
  message: string;
}

/**
 * What ingest_meter_readings takes, as PostgreSQL array literals (one string each): four parameters of
 * 10,000 elements each cost the driver far more as JavaScript arrays (each element converted and quoted
 * on its own). Starts are epoch milliseconds; kWh are JavaScript's shortest exact decimals, which the SQL
 * reads as numeric and rounds to the column's 3 decimals, so the same value sent again compares equal.
 */
export interface IngestArrays {
  channels: string;
  startsMs: string;
  minutes: string;
  kwhs: string;
}

export type ReadingCheck = { ok: true; arrays: IngestArrays } | { ok: false; issues: ReadingIssue[] };

const valueField = (row: ReadingRow): 'kwh' | 'kw' => (row.kw === undefined || row.kw === null ? 'kwh' : 'kw');
const averageKw = (row: ReadingRow) => (valueField(row) === 'kw' ? row.kw! : (row.kwh! * 60) / row.intervalMinutes);
const kwOf = (reading: StoredReading) => (reading.kwh * 60) / reading.intervalMinutes;
const round = (kw: number) => Math.round(kw * 1000) / 1000;
// Numbers, not strings, as map keys: a batch is 10,000 rows and this runs in the request.
const CHANNEL_RANK: Record<MeterChannel, number> = { AI_IT: 0, MINING: 1, SITE_IMPORT: 2 };
const keyOf = (channel: MeterChannel, startMs: number) => (startMs / SLOT_MS) * 4 + CHANNEL_RANK[channel];

/** Average AI_IT kW over an interval, from 15-minute slots (an hourly AI reading fills four); a missing slot is 0. */
function averageOver(aiKwBySlot: ReadonlyMap<number, number>, startMs: number, minutes: number): number {
  const first = startMs / SLOT_MS;
  const slots = minutes / 15;
  let sum = 0;
  for (let slot = first; slot < first + slots; slot++) sum += aiKwBySlot.get(slot) ?? 0;
  return sum / slots;
}

/** Sets `value` for each 15-minute slot of an interval. */
function fill(map: Map<number, number>, startMs: number, minutes: number, value: number) {
  const first = startMs / SLOT_MS;
  for (let slot = first; slot < first + minutes / 15; slot++) map.set(slot, value);
}

type RowIssue = Omit<ReadingIssue, 'index'>;

const given = (value: number | null | undefined) => value !== undefined && value !== null;

/** A row's own faults: its fields (typed by GraphQL already), sign, alignment, time. */
function rowIssue(row: ReadingRow, nowMs: number, fromMs: number, untilMs: number): RowIssue | null {
  if (given(row.kwh) === given(row.kw)) return { field: 'kwh', message: 'give exactly one of kwh (energy) or kw (average power)' };
  if (row.intervalMinutes !== 15 && row.intervalMinutes !== 60) return { field: 'intervalMinutes', message: 'must be 15 or 60' };
  const value = valueField(row);
  const amount = value === 'kw' ? row.kw! : row.kwh!;
  if (amount < 0) return { field: value, message: 'must be 0 or more' };
  // Far above any site (10 GW): the physical caps refuse real errors; this keeps absurd numbers out of the sums.
  if (amount > MAX_READING) return { field: value, message: 'is not a plausible reading' };
  const startMs = row.intervalStart.getTime();
  const endMs = startMs + row.intervalMinutes * 60_000;
  if (startMs % (row.intervalMinutes * 60_000) !== 0) {
    return { field: 'intervalStart', message: `must start on a whole ${row.intervalMinutes} minutes (${row.intervalMinutes === 15 ? ':00, :15, :30 or :45' : ':00'}, seconds 0) in UTC` };
  }
  if (endMs > nowMs) return { field: 'intervalStart', message: `the interval ends in the future (${new Date(endMs).toISOString()})` };
  if (startMs < fromMs || endMs > untilMs) return { field: 'intervalStart', message: "is outside the deal's active period ({period})" };
  return null;
}

/** A row against the rows before it: a second reading of the same interval, another length for its channel. */
function batchIssue(
  row: ReadingRow,
  index: number,
  firstIndex: Map<number, number>,
  minutesOf: Partial<Record<MeterChannel, { minutes: number; index: number | null }>>,
): RowIssue | null {
  const key = keyOf(row.channel, row.intervalStart.getTime());
  const earlier = firstIndex.get(key);
  if (earlier !== undefined) return { field: 'intervalStart', message: `appears twice in the batch for ${row.channel} (also row ${earlier})` };
  const length = minutesOf[row.channel];
  if (length && length.minutes !== row.intervalMinutes) {
    const since = length.index === null ? 'as stored' : `as in row ${length.index}`;
    return { field: 'intervalMinutes', message: `must be ${length.minutes}: ${row.channel} readings of this deal are ${length.minutes}-minute (${since})` };
  }
  firstIndex.set(key, index);
  minutesOf[row.channel] ??= { minutes: row.intervalMinutes, index };
  return null;
}

/** Checks each row alone and against the batch: sign, alignment, time, duplicates, interval length. */
function checkRows(rows: readonly ReadingRow[], inputs: RuleInputs, issues: ReadingIssue[], maxIssues: number) {
  const { deal, now } = inputs;
  const firstIndex = new Map<number, number>();
  const minutesOf: Partial<Record<MeterChannel, { minutes: number; index: number | null }>> = {};
  for (const [channel, minutes] of Object.entries(inputs.storedMinutes)) minutesOf[channel as MeterChannel] = { minutes, index: null };
  const [nowMs, fromMs, untilMs] = [now.getTime(), deal.activeFrom.getTime(), deal.activeUntil.getTime()];
  for (let index = 0; index < rows.length && issues.length < maxIssues; index++) {
    const row = rows[index]!;
    const issue = rowIssue(row, nowMs, fromMs, untilMs) ?? batchIssue(row, index, firstIndex, minutesOf);
    if (issue) issues.push({ index, ...issue, message: issue.message.replace('{period}', `${deal.activeFrom.toISOString()} to ${deal.activeUntil.toISOString()}`) });
  }
}

/**
 * The physical caps: AI_IT within the contracted kW, SITE_IMPORT within the interconnection (both + 2%),
 * and MINING within the interconnection less the same interval's AI_IT (from the batch, else stored). A
 * batch's AI_IT that would push a stored MINING reading over that cap is refused too: the pair cannot both
 * be right.
 */
function checkCaps(rows: readonly ReadingRow[], inputs: RuleInputs, issues: ReadingIssue[], maxIssues: number) {
  const { deal } = inputs;
  const aiKwBySlot = new Map<number, number>();
  const batchAiBySlot = new Map<number, number>();
  const batchKeys = new Set<number>();
  for (const reading of inputs.stored) {
    if (reading.channel === 'AI_IT') fill(aiKwBySlot, reading.intervalStart.getTime(), reading.intervalMinutes, kwOf(reading));
  }
  rows.forEach((row, index) => {
    batchKeys.add(keyOf(row.channel, row.intervalStart.getTime()));
    if (row.channel !== 'AI_IT') return;
    fill(aiKwBySlot, row.intervalStart.getTime(), row.intervalMinutes, averageKw(row));
    fill(batchAiBySlot, row.intervalStart.getTime(), row.intervalMinutes, index);
  });
  const interconnectionCap = deal.interconnectionKw * (1 + METER_TOLERANCE);
  for (let index = 0; index < rows.length && issues.length < maxIssues; index++) {
    const row = rows[index]!;
    const kw = averageKw(row);
    let problem: string | null = null;
    if (row.channel === 'AI_IT') {
      const contracted = deal.contractedKwAt(row.intervalStart);
      if (kw > contracted * (1 + METER_TOLERANCE) + EPSILON_KW) problem = `is above the contracted ${round(contracted)} kW + ${METER_TOLERANCE * 100}%`;
    } else if (row.channel === 'SITE_IMPORT') {
      if (kw > interconnectionCap + EPSILON_KW) problem = `is above the interconnection ${round(deal.interconnectionKw)} kW + ${METER_TOLERANCE * 100}%`;
    } else {
      const room = deal.interconnectionKw - averageOver(aiKwBySlot, row.intervalStart.getTime(), row.intervalMinutes);
      if (kw > room + EPSILON_KW) problem = `is above the ${round(room)} kW the interconnection (${round(deal.interconnectionKw)} kW) leaves beside AI_IT`;
    }
    if (problem) issues.push({ index, field: valueField(row), message: `average ${round(kw)} kW ${problem}` });
  }
  for (const reading of inputs.stored) {
    if (issues.length >= maxIssues) break;
    const startMs = reading.intervalStart.getTime();
    if (reading.channel !== 'MINING' || batchKeys.has(keyOf('MINING', startMs))) continue;
    let blamed: number | undefined;
    for (let slot = startMs / SLOT_MS; blamed === undefined && slot < startMs / SLOT_MS + reading.intervalMinutes / 15; slot++) blamed = batchAiBySlot.get(slot);
    if (blamed === undefined) continue;
    const room = deal.interconnectionKw - averageOver(aiKwBySlot, startMs, reading.intervalMinutes);
    if (kwOf(reading) > room + EPSILON_KW) {
      const row = rows[blamed]!;
      issues.push({
        index: blamed,
        field: valueField(row),
        message: `average ${round(averageKw(row))} kW leaves ${round(room)} kW of the interconnection beside it, below the stored MINING reading of ${round(kwOf(reading))} kW at ${reading.intervalStart.toISOString()}`,
      });
    }
  }
}

function toIngestArrays(rows: readonly ReadingRow[]): IngestArrays {
  const n = rows.length;
  const [channels, starts, minutes, kwhs] = [new Array<string>(n), new Array<number>(n), new Array<number>(n), new Array<number>(n)];
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    channels[i] = row.channel;
    starts[i] = row.intervalStart.getTime();
    minutes[i] = row.intervalMinutes;
    kwhs[i] = valueField(row) === 'kw' ? (row.kw! * row.intervalMinutes) / 60 : row.kwh!;
  }
  const literal = (values: unknown[]) => `{${values.join(',')}}`;
  return { channels: literal(channels), startsMs: literal(starts), minutes: literal(minutes), kwhs: literal(kwhs) };
}

/** The batch's issues (at most `maxIssues`, in row order per pass), or what to ingest when there are none. */
export function checkReadings(rows: readonly ReadingRow[], inputs: RuleInputs, maxIssues = 50): ReadingCheck {
  const issues: ReadingIssue[] = [];
  checkRows(rows, inputs, issues, maxIssues);
  if (issues.length === 0) checkCaps(rows, inputs, issues, maxIssues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, arrays: toIngestArrays(rows) };
}
