// Hashprice for every day of a term. hashprice ∝ BTC price x (subsidy + fees) / difficulty: with the price and
// fees held, difficulty growth g divides it by (1 + g) a year (continuously, day by day), and each halving
// halves the subsidy part, (100 - feeShare)% of today's revenue, from its date on.
import { addYears, daysBetween, parseIsoDate } from '../calendar.js';
import { HASHPRICE_PRESETS } from './presets.js';
import type { THashpricePath } from './schema.js';

const MS_PER_DAY = 86_400_000;

/** The model behind every path but an uploaded series. */
export interface HashpriceModel {
  readonly difficultyGrowthPercentPerYear: number;
  readonly feeSharePercent: number;
  readonly halvingDates: readonly string[];
}

export function hashpriceModelOf(path: THashpricePath): HashpriceModel | null {
  switch (path.kind) {
    case 'flat':
      return { difficultyGrowthPercentPerYear: 0, feeSharePercent: 0, halvingDates: [] };
    case 'difficulty':
      return { difficultyGrowthPercentPerYear: path.difficultyGrowthPercentPerYear, feeSharePercent: 0, halvingDates: [] };
    case 'halvings':
      return path;
    case 'preset':
      return HASHPRICE_PRESETS[path.name];
    case 'series':
      return null;
  }
}

/** A preset as the explicit path it stands for (same days, same values), so its figures can be swept. */
export function explicitPath(path: THashpricePath): THashpricePath {
  if (path.kind !== 'preset') return path;
  const p = HASHPRICE_PRESETS[path.name];
  return { kind: 'halvings', difficultyGrowthPercentPerYear: p.difficultyGrowthPercentPerYear, feeSharePercent: p.feeSharePercent, halvingDates: [...p.halvingDates] };
}

/** Hashprice $/PH/day for each day of `years` years from `startDate` (day 0 = the start date). */
export function dailyHashprice(startDate: string, years: number, todayUsdPerPhDay: number, path: THashpricePath): Float64Array {
  if (path.kind === 'series') {
    const days = daysBetween(startDate, addYears(startDate, years));
    const out = new Float64Array(days);
    out.set(path.dailyUsdPerPhDay.slice(0, days));
    return out;
  }
  const out = relativeHashprice(startDate, years, path);
  for (let d = 0; d < out.length; d++) out[d] = todayUsdPerPhDay * out[d]!;
  return out;
}

/**
 * A modelled path relative to today's hashprice (1 = today): every path but a series is today's hashprice times
 * this, which lets the sensitivity grid compute it once for every hashprice level.
 */
export function relativeHashprice(startDate: string, years: number, path: Exclude<THashpricePath, { kind: 'series' }>): Float64Array {
  const days = daysBetween(startDate, addYears(startDate, years));
  const out = new Float64Array(days);
  const model = hashpriceModelOf(path)!;
  const start = parseIsoDate(startDate)!;
  // Day index from which each halving applies (dates before the term count from day 0).
  const halvingDays = model.halvingDates.map((d) => Math.max(0, Math.round((parseIsoDate(d)! - start) / MS_PER_DAY))).sort((a, b) => a - b);
  const fees = model.feeSharePercent / 100;
  const dailyDecay = Math.pow(1 + model.difficultyGrowthPercentPerYear / 100, -1 / 365);
  let subsidyFactor = 1;
  let next = 0;
  for (let d = 0; d < days; d++) {
    while (next < halvingDays.length && halvingDays[next]! <= d) {
      subsidyFactor /= 2;
      next++;
    }
    out[d] = (fees + (1 - fees) * subsidyFactor) * Math.pow(dailyDecay, d);
  }
  return out;
}
