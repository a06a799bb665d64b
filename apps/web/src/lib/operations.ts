// What the operations page draws, from what the API answers: the months a deal has run, and each hour's AI,
// mining, idle and curtailed MW (curtailment by cause). Pure, so it is tested without a browser.
import { allOf } from './enums';
import type { CurtailmentCause } from '@/generated/graphql';

export const CAUSES = allOf<CurtailmentCause>()('FACILITY', 'MAINTENANCE_PLANNED', 'GRID_EMERGENCY', 'DEMAND_RESPONSE', 'PRICE', 'TENANT');
export type Cause = (typeof CAUSES)[number];

/** One colour per cause, the same in the chart, its legend and the events table. */
export const CAUSE_COLOURS: Record<Cause, string> = {
  FACILITY: '#c62828',
  MAINTENANCE_PLANNED: '#8e24aa',
  GRID_EMERGENCY: '#212121',
  DEMAND_RESPONSE: '#2e7d32',
  PRICE: '#00838f',
  TENANT: '#6d4c41',
};

/** Statement line kinds as a person reads them (the generic enum label would say "Sla credit"). */
export const LINE_KIND_LABELS: Record<string, string> = {
  COLOCATION: 'Colocation',
  SLA_CREDIT: 'SLA credit',
  ENERGY_PASS_THROUGH: 'Energy pass-through',
  BACKFILL_CREDIT: 'Backfill mining credit',
  DEMAND_RESPONSE_CREDIT: 'Demand-response credit',
  ADJUSTMENT: 'Adjustment',
  CARRIED_CREDIT: 'Credit carried in',
};

export interface MeterHour {
  hour: string;
  aiItMw: number | null;
  miningMw: number | null;
}

export interface OperationsEvent {
  cause: Cause;
  startsAt: string;
  endsAt: string;
  mwAffected: number;
  status: string;
}

export interface OperationsHour {
  aiMw: number | null;
  miningMw: number | null;
  /** The tenant's reserved facility power neither its load nor the fleet used (the settlement's headroom left). */
  idleMw: number | null;
  curtailedMw: Record<Cause, number>;
}

const HOUR_MS = 3_600_000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string | undefined): value is string => value !== undefined && MONTH.test(value);

export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 + count, 1));
  return date.toISOString().slice(0, 7);
}

/** Months from the deal's start to the current month (or its last month), newest first. */
export function dealMonths(startDate: string, termMonths: number, now: Date): string[] {
  const first = startDate.slice(0, 7);
  const last = [addMonths(first, termMonths - 1), now.toISOString().slice(0, 7)].sort()[0]!;
  const months: string[] = [];
  for (let month = last; month >= first; month = addMonths(month, -1)) months.push(month);
  return months;
}

/** The month shown when none is asked for: the last full month the deal ran, else its first. */
export function defaultMonth(months: readonly string[], now: Date): string | undefined {
  const current = now.toISOString().slice(0, 7);
  return months.find((month) => month < current) ?? months[months.length - 1];
}

const noCurtailment = (): Record<Cause, number> => Object.fromEntries(CAUSES.map((cause) => [cause, 0])) as Record<Cause, number>;

/**
 * Per hour of the series: AI IT MW and mining MW as metered (null in a gap), idle = the reserved facility
 * power (contracted MW x PUE) less the AI load at the facility and the fleet, and the MW each cause's
 * events took in the hour (MW affected x the share of the hour they covered; withdrawn events left out).
 */
export function operationsHours(series: readonly MeterHour[], events: readonly OperationsEvent[], contractedMw: number, pue: number): OperationsHour[] {
  const counted = events.filter((event) => event.status !== 'WITHDRAWN');
  return series.map(({ hour, aiItMw, miningMw }) => {
    const start = Date.parse(hour);
    const curtailedMw = noCurtailment();
    for (const event of counted) {
      const overlap = Math.min(Date.parse(event.endsAt), start + HOUR_MS) - Math.max(Date.parse(event.startsAt), start);
      if (overlap > 0) curtailedMw[event.cause] += (event.mwAffected * overlap) / HOUR_MS;
    }
    const idleMw = aiItMw === null || miningMw === null ? null : Math.max(0, (contractedMw - aiItMw) * pue - miningMw);
    return { aiMw: aiItMw, miningMw, idleMw, curtailedMw };
  });
}

/** The agreed PUE from the frozen agreement's model input (the engine's `site.pue`), 1 when absent. */
export function agreedPue(inputs: unknown): number {
  const pue = (inputs as { site?: { pue?: unknown } } | null)?.site?.pue;
  return typeof pue === 'number' && pue >= 1 ? pue : 1;
}

/** A statement line's data, as `key: value` rows (the API's `detail` JSON is flat figures). */
export function detailRows(detail: unknown): [string, string][] {
  if (!detail || typeof detail !== 'object') return [];
  return Object.entries(detail as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}
