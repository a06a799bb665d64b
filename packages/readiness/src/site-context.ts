import { formatNumber } from './format.js';
import { READINESS_MODEL } from './model.js';
import type { ReadinessSiteInput } from './types.js';

// Values criteria need, worked out once per site. Every number of the site is read from here, clamped
// to >= 0 (NaN → 0), so an unvalidated input still gives a finite score; validate with
// ZReadinessSiteInput for real errors. Enums and flags are read from the site itself.

export interface SiteContext {
  readonly energizedMw: number;
  readonly underConstructionMw: number;
  readonly pipelineMw: number;
  /** null = unknown. */
  readonly substationMva: number | null;
  readonly transformerMva: number | null;
  readonly waterM3PerDay: number | null;
  readonly backupMw: number | null;
  readonly floorKgPerM2: number | null;
  readonly landAcres: number;
  readonly rackKw: number;
  readonly skilledStaff: number;
  readonly miningMw: number;
  /** MW to convert: energized + under construction, or pipeline MW when both are 0. */
  readonly siteMw: number;
  /** Critical IT MW once converted. */
  readonly itMw: number;
  /** siteMw and itMw as text, formatted once for the several reasons and actions that quote them. */
  readonly siteMwText: string;
  readonly itMwText: string;
  /** Distinct carriers, case-insensitive. */
  readonly carrierCount: number;
  /** Months until power is live, fractional, >= 0. */
  readonly monthsToPower: number;
  /** How monthsToPower was found, for the reason. */
  readonly monthsToPowerBasis: 'liveDate' | 'floor' | 'noLiveDate' | 'noAsOf';
}

/** x if it is a positive number, else 0 (also for NaN). */
export function nonNegative(x: number): number {
  return x > 0 ? x : 0;
}

/** nonNegative(x), or null when the figure is unknown. */
export function known(x: number | null | undefined): number | null {
  return x === null || x === undefined ? null : nonNegative(x);
}

/** Case-insensitive equality without allocating for ASCII names. */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x > 127 || y > 127) return a.toLowerCase() === b.toLowerCase();
    // ASCII letters differ only in bit 5 between cases.
    const lower = x | 32;
    if (lower !== (y | 32) || lower < 97 || lower > 122) return false;
  }
  return true;
}

export function countDistinctCarriers(carriers: readonly string[]): number {
  let count = 0;
  // O(n^2) over a handful of names beats allocating a Set per site.
  for (let i = 0; i < carriers.length; i++) {
    const name = carriers[i]!;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = sameName(carriers[j]!, name);
    if (!seen) count++;
  }
  return count;
}

/** Value of the decimal digit at `i`, or -1 when it is not a digit. */
function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** Epoch ms (UTC) of a YYYY-MM-DD string, or NaN when `text` is not exactly that shape. */
function parseIsoDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const y0 = digitAt(text, 0), y1 = digitAt(text, 1), y2 = digitAt(text, 2), y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5), m1 = digitAt(text, 6), d0 = digitAt(text, 8), d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  return Date.UTC(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month - 1, day);
}

/** Epoch ms of a Date or ISO string; NaN when missing or unparseable. */
export function toEpochMs(date: Date | string | null | undefined): number {
  if (date === null || date === undefined) return NaN;
  if (typeof date !== 'string') return date.getTime();
  // Date-only strings are the common case (Prisma @db.Date); Date.parse is several times slower.
  const day = parseIsoDay(date);
  return Number.isNaN(day) ? Date.parse(date) : day;
}

export function buildSiteContext(site: ReadinessSiteInput, asOfMs: number): SiteContext {
  const energizedMw = nonNegative(site.energizedMw);
  const underConstructionMw = nonNegative(site.underConstructionMw);
  const pipelineMw = nonNegative(site.pipelineMw);
  const builtMw = energizedMw + underConstructionMw;
  const siteMw = builtMw > 0 ? builtMw : pipelineMw;

  const itMw = siteMw * READINESS_MODEL.conversion.itShareOfSiteMw;

  const ttp = READINESS_MODEL.criteria.timeToPower;
  const status = site.interconnectionStatus;
  const liveMs = toEpochMs(site.liveDate);
  let monthsToPower: number = ttp.monthsByStatus[status];
  let basis: SiteContext['monthsToPowerBasis'] = Number.isNaN(liveMs) ? 'noLiveDate' : 'noAsOf';
  if (!Number.isNaN(liveMs) && !Number.isNaN(asOfMs)) {
    const byDate = nonNegative((liveMs - asOfMs) / 86_400_000 / ttp.daysPerMonth);
    const floor = ttp.floorMonthsByStatus[status];
    // max() of two non-increasing terms: an earlier date or a better status never adds months.
    monthsToPower = byDate >= floor ? byDate : floor;
    basis = byDate >= floor ? 'liveDate' : 'floor';
  }

  return {
    energizedMw,
    underConstructionMw,
    pipelineMw,
    substationMva: known(site.substationMva),
    transformerMva: known(site.transformerMva),
    waterM3PerDay: known(site.waterSupplyM3PerDay),
    backupMw: known(site.backupPowerMw),
    floorKgPerM2: known(site.floorLoadingKgPerM2),
    landAcres: nonNegative(site.landAcres),
    rackKw: nonNegative(site.maxRackDensityKw),
    skilledStaff: nonNegative(site.skilledStaffCount),
    miningMw: nonNegative(site.miningMw),
    siteMw,
    itMw,
    siteMwText: formatNumber(siteMw),
    itMwText: formatNumber(itMw),
    carrierCount: countDistinctCarriers(site.carriers),
    monthsToPower,
    monthsToPowerBasis: basis,
  };
}
