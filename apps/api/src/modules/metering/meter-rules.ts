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

/** What ingest_meter_readings takes: parallel arrays, kWh as exact 3-decimal text (what the column keeps). */
export interface IngestArrays {
  channels: MeterChannel[];
  starts: string[];
  minutes: number[];
  kwhs: string[];
  /** First day (YYYY-MM-01) of each month the batch touches. */
  months: string[];
}

export type ReadingCheck = { ok: true; arrays: IngestArrays } | { ok: false; issues: ReadingIssue[] };

const valueField = (row: ReadingRow): 'kwh' | 'kw' => (row.kw === undefined || row.kw === null ? 'kwh' : 'kw');
const averageKw = (row: ReadingRow) => (valueField(row) === 'kw' ? row.kw! : (row.kwh! * 60) / row.intervalMinutes);
const kwOf = (reading: StoredReading) => (reading.kwh * 60) / reading.intervalMinutes;
const round = (kw: number) => Math.round(kw * 1000) / 1000;
const keyOf = (channel: MeterChannel, startMs: number) => `${channel}@${startMs}`;

function* slotsOf(startMs: number, minutes: number) {
  for (let slot = startMs / SLOT_MS, end = slot + minutes / 15; slot < end; slot++) yield slot;
}

/** Average AI_IT kW over an interval, from 15-minute slots (an hourly AI reading fills four); a missing slot is 0. */
function averageOver(aiKwBySlot: ReadonlyMap<number, number>, startMs: number, minutes: number): number {
  let sum = 0;
  for (const slot of slotsOf(startMs, minutes)) sum += aiKwBySlot.get(slot) ?? 0;
  return sum / (minutes / 15);
}

/** Checks each row alone and against the batch: sign, alignment, time, duplicates, interval length. */
function checkRows(rows: readonly ReadingRow[], inputs: RuleInputs, issues: ReadingIssue[], maxIssues: number) {
  const { deal, now } = inputs;
  const firstIndex = new Map<string, number>();
  const minutesOf: Partial<Record<MeterChannel, { minutes: number; index: number | null }>> = {};
  for (const [channel, minutes] of Object.entries(inputs.storedMinutes)) minutesOf[channel as MeterChannel] = { minutes, index: null };
  for (let index = 0; index < rows.length && issues.length < maxIssues; index++) {
    const row = rows[index]!;
    const startMs = row.intervalStart.getTime();
    const endMs = startMs + row.intervalMinutes * 60_000;
    const value = valueField(row);
    const refuse = (field: ReadingIssue['field'], message: string) => issues.push({ index, field, message });
    if ((value === 'kw' ? row.kw! : row.kwh!) < 0) {
      refuse(value, 'must be 0 or more');
    } else if (startMs % (row.intervalMinutes * 60_000) !== 0) {
      refuse('intervalStart', `must start on a whole ${row.intervalMinutes} minutes (${row.intervalMinutes === 15 ? ':00, :15, :30 or :45' : ':00'}, seconds 0) in UTC`);
    } else if (endMs > now.getTime()) {
      refuse('intervalStart', `the interval ends in the future (${new Date(endMs).toISOString()})`);
    } else if (startMs < deal.activeFrom.getTime() || endMs > deal.activeUntil.getTime()) {
      refuse('intervalStart', `is outside the deal's active period (${deal.activeFrom.toISOString()} to ${deal.activeUntil.toISOString()})`);
    } else {
      const key = keyOf(row.channel, startMs);
      const earlier = firstIndex.get(key);
      const length = minutesOf[row.channel];
      if (earlier !== undefined) {
        refuse('intervalStart', `appears twice in the batch for ${row.channel} (also row ${earlier})`);
      } else if (length && length.minutes !== row.intervalMinutes) {
        const since = length.index === null ? 'as stored' : `as in row ${length.index}`;
        refuse('intervalMinutes', `must be ${length.minutes}: ${row.channel} readings of this deal are ${length.minutes}-minute (${since})`);
      } else {
        firstIndex.set(key, index);
        minutesOf[row.channel] ??= { minutes: row.intervalMinutes, index };
      }
    }
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
  const batchKeys = new Set<string>();
  const fill = (map: Map<number, number>, startMs: number, minutes: number, value: number) => {
    for (const slot of slotsOf(startMs, minutes)) map.set(slot, value);
  };
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
    const startMs = row.intervalStart.getTime();
    const refuse = (message: string) => issues.push({ index, field: valueField(row), message: `average ${round(kw)} kW ${message}` });
    if (row.channel === 'AI_IT') {
      const contracted = deal.contractedKwAt(row.intervalStart);
      if (kw > contracted * (1 + METER_TOLERANCE) + EPSILON_KW) refuse(`is above the contracted ${round(contracted)} kW + ${METER_TOLERANCE * 100}%`);
    } else if (row.channel === 'SITE_IMPORT') {
      if (kw > interconnectionCap + EPSILON_KW) refuse(`is above the interconnection ${round(deal.interconnectionKw)} kW + ${METER_TOLERANCE * 100}%`);
    } else {
      const room = deal.interconnectionKw - averageOver(aiKwBySlot, startMs, row.intervalMinutes);
      if (kw > room + EPSILON_KW) refuse(`is above the ${round(room)} kW the interconnection (${round(deal.interconnectionKw)} kW) leaves beside AI_IT`);
    }
  }
  for (const reading of inputs.stored) {
    if (issues.length >= maxIssues) break;
    const startMs = reading.intervalStart.getTime();
    if (reading.channel !== 'MINING' || batchKeys.has(keyOf('MINING', startMs))) continue;
    const blamed = [...slotsOf(startMs, reading.intervalMinutes)].map((slot) => batchAiBySlot.get(slot)).find((index) => index !== undefined);
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
  const months = new Set<string>();
  const arrays: IngestArrays = { channels: [], starts: [], minutes: [], kwhs: [], months: [] };
  for (const row of rows) {
    const start = row.intervalStart.toISOString();
    arrays.channels.push(row.channel);
    arrays.starts.push(start);
    arrays.minutes.push(row.intervalMinutes);
    // Rounded the way the column stores it, so the same value sent again compares equal (no false correction).
    arrays.kwhs.push((valueField(row) === 'kw' ? (row.kw! * row.intervalMinutes) / 60 : row.kwh!).toFixed(3));
    months.add(`${start.slice(0, 7)}-01`);
  }
  arrays.months = [...months].sort();
  return arrays;
}

/** The batch's issues (at most `maxIssues`, in row order per pass), or what to ingest when there are none. */
export function checkReadings(rows: readonly ReadingRow[], inputs: RuleInputs, maxIssues = 50): ReadingCheck {
  const issues: ReadingIssue[] = [];
  checkRows(rows, inputs, issues, maxIssues);
  if (issues.length === 0) checkCaps(rows, inputs, issues, maxIssues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, arrays: toIngestArrays(rows) };
}
