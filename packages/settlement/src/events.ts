// Curtailment and downtime events spread over the month's hours: each event is clipped to the hours inside
// the deal's active period and weighed, hour by hour, by the share of that hour it covers.
import { MS_PER_HOUR, type MonthCalendar } from './calendar.js';
import type { CurtailmentCause, MeterChannel, SettlementEvent } from './types.js';

/** One demand-response event's part of one hour. */
export interface DemandResponseSlice {
  /** Index into `EventLoad.events`. */
  readonly event: number;
  readonly mw: number;
  /** Hours of the hour it covers, 0..1. */
  readonly hours: number;
  readonly centsPerMwh: number;
}

/** An event as it counts in this month: clipped to the active period. */
export interface ClippedEvent {
  readonly id: string;
  readonly cause: CurtailmentCause;
  readonly channel: MeterChannel;
  readonly mwAffected: number;
  /** Clock hours inside the month's active period. */
  readonly hours: number;
  readonly disputed: boolean;
}

export interface EventLoad {
  /** Per hour of the month: Σ FACILITY MW on AI_IT x covered hours / contracted MW (uncapped). */
  readonly facility: Float64Array;
  /** The same for MAINTENANCE_PLANNED. */
  readonly maintenance: Float64Array;
  /** Equivalent hours of the whole contracted MW, per cause, of events on AI_IT. */
  readonly byCause: Partial<Record<CurtailmentCause, number>>;
  /** Hour → DEMAND_RESPONSE slices on MINING, highest payment first (the grid pays once per MWh). */
  readonly demandResponse: ReadonlyMap<number, readonly DemandResponseSlice[]>;
  readonly events: readonly ClippedEvent[];
}

/**
 * @param active hours [from, until) of the month inside the deal's active period
 * @param contractedMwByDay contracted IT MW in force on each day of the month
 */
export function eventLoad(
  cal: MonthCalendar,
  active: { readonly from: number; readonly until: number },
  events: readonly SettlementEvent[],
  contractedMwByDay: Float64Array,
): EventLoad {
  const facility = new Float64Array(cal.hours);
  const maintenance = new Float64Array(cal.hours);
  const byCause: Partial<Record<CurtailmentCause, number>> = {};
  const demandResponse = new Map<number, DemandResponseSlice[]>();
  const clipped: ClippedEvent[] = [];
  const windowStart = cal.startMs + active.from * MS_PER_HOUR;
  const windowEnd = cal.startMs + active.until * MS_PER_HOUR;

  for (const e of events) {
    const start = Math.max(windowStart, Date.parse(e.startsAt));
    const end = Math.min(windowEnd, Date.parse(e.endsAt));
    if (!(end > start)) continue;
    const index = clipped.length;
    clipped.push({
      id: e.id,
      cause: e.cause,
      channel: e.channel,
      mwAffected: e.mwAffected,
      hours: (end - start) / MS_PER_HOUR,
      disputed: e.disputed,
    });
    const first = Math.floor((start - cal.startMs) / MS_PER_HOUR);
    const last = Math.ceil((end - cal.startMs) / MS_PER_HOUR);
    for (let h = first; h < last; h++) {
      const hourStart = cal.startMs + h * MS_PER_HOUR;
      const covered = (Math.min(end, hourStart + MS_PER_HOUR) - Math.max(start, hourStart)) / MS_PER_HOUR;
      if (e.channel === 'AI_IT') {
        const share = (e.mwAffected * covered) / contractedMwByDay[Math.floor(h / 24)]!;
        byCause[e.cause] = (byCause[e.cause] ?? 0) + share;
        if (e.cause === 'FACILITY') facility[h] = facility[h]! + share;
        else if (e.cause === 'MAINTENANCE_PLANNED') maintenance[h] = maintenance[h]! + share;
      } else if (e.channel === 'MINING' && e.cause === 'DEMAND_RESPONSE') {
        const slices = demandResponse.get(h) ?? [];
        slices.push({ event: index, mw: e.mwAffected, hours: covered, centsPerMwh: e.paymentCentsPerMwh ?? 0 });
        demandResponse.set(h, slices);
      }
    }
  }
  for (const slices of demandResponse.values()) slices.sort((a, b) => b.centsPerMwh - a.centsPerMwh || a.event - b.event);
  return { facility, maintenance, byCause, demandResponse, events: clipped };
}
