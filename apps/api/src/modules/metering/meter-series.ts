// A month of a deal's readings as charts and statements need them, without I/O: the hourly MW of each
// channel, and the gaps (time a channel has no reading for). A partial hour is no hour: like the
// statement, which bills no pass-through energy and credits no backfill for an hour without complete data.
import type { MeterChannel } from '@gridshare/db';

const HOUR_MS = 3_600_000;

export interface HourTotal {
  hour: Date;
  channel: MeterChannel;
  kwh: number;
  /** Minutes of the hour the channel's readings cover. */
  minutes: number;
}

export interface MeterHour {
  hour: Date;
  aiItMw: number | null;
  miningMw: number | null;
  siteImportMw: number | null;
}

const FIELD: Record<MeterChannel, keyof Omit<MeterHour, 'hour'>> = { AI_IT: 'aiItMw', MINING: 'miningMw', SITE_IMPORT: 'siteImportMw' };

/** Every hour of [from, until) with each channel's average MW (its kWh over a complete hour / 1000), else null. */
export function hourlySeries(from: Date, until: Date, totals: readonly HourTotal[]): MeterHour[] {
  const hours: MeterHour[] = [];
  for (let ms = from.getTime(); ms < until.getTime(); ms += HOUR_MS) hours.push({ hour: new Date(ms), aiItMw: null, miningMw: null, siteImportMw: null });
  for (const total of totals) {
    const hour = hours[(total.hour.getTime() - from.getTime()) / HOUR_MS];
    if (hour && total.minutes >= 60) hour[FIELD[total.channel]] = Math.round(total.kwh) / 1000;
  }
  return hours;
}

export interface Interval {
  channel: MeterChannel;
  intervalStart: Date;
  intervalMinutes: number;
}

export interface MeterGap {
  channel: MeterChannel;
  from: Date;
  until: Date;
}

/** The stretches of [from, until) that `intervals` (one channel's, sorted by start) leave uncovered. */
export function findGaps(channel: MeterChannel, from: Date, until: Date, intervals: readonly Interval[]): MeterGap[] {
  const gaps: MeterGap[] = [];
  let covered = from.getTime();
  for (const interval of intervals) {
    const start = interval.intervalStart.getTime();
    if (start > covered) gaps.push({ channel, from: new Date(covered), until: new Date(Math.min(start, until.getTime())) });
    covered = Math.max(covered, start + interval.intervalMinutes * 60_000);
    if (covered >= until.getTime()) break;
  }
  if (covered < until.getTime()) gaps.push({ channel, from: new Date(covered), until });
  return gaps.filter((gap) => gap.from < gap.until);
}
