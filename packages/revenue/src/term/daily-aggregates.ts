// The sensitivity grid's fast path: per-day aggregates that are linear in the swept prices.
//
// When the fleet has no ramp limits, a one-hour minimum run, no demand-response events and a flat energy price,
// an hour's mining MW is min(fleet x uptime, headroom) whenever it may run, whatever the prices; and whether it
// may run depends only on that day's hash revenue and the year's energy price (both constant over the day). So
// each day of the term reduces to two numbers, the MWh the fleet would mine in the host's own headroom and in
// the tenant's idle reservation (O_d, B_d), and a year's money lines are sums over days:
//   netOwn = sum over eligible days of O_d x (N_d - P_y - v)         (N_d: miningRevenuePerMwh of the day)
//   gross  = sum over eligible days of (O_d + B_d) x G_d, and so on
// A cell of hashprice x energy price x J/TH x pool fee x difficulty growth x escalator is then O(days), not
// O(hours). Axes that shape the load (AI profile, MW, fleet size) rebuild the aggregates once per distinct value.
// The one difference from the hourly model: money is rounded to the cent once per year rather than per hour
// (at most half a cent an hour; the tests bound it).
import { hashRevenuePerMwh, miningRevenuePerMwh } from '../mining.js';
import type { YearSums } from '../year-kernel.js';
import { yearParams } from '../simulate.js';
import { dailyHashprice, relativeHashprice } from './hashprice-path.js';
import type { TTermInput } from './schema.js';
import { contractedItMwInYear, jPerThInYear, type PreparedYear, type TermRun } from './simulate-term.js';

/** Per year: the fleet's MWh per day in the host's headroom and in the tenant's reservation, and the AI MWh. */
export interface DailyAggregates {
  readonly own: readonly Float64Array[];
  readonly backfill: readonly Float64Array[];
  readonly aiMwh: readonly number[];
}

/** Whether the fast path models this input exactly as the hourly loop would (up to per-hour cent rounding). */
export function dailyAggregatesApply(input: TTermInput): boolean {
  const { mining, energy } = input;
  return (
    mining.rampMwPerHour === null &&
    mining.rampDownMwPerHour === null &&
    mining.minRunHours === 1 &&
    energy.demandResponseEvents.length === 0 &&
    energy.price.kind === 'flat'
  );
}

export function buildDailyAggregates(input: TTermInput, prep: readonly PreparedYear[]): DailyAggregates {
  const k = yearParams(input);
  const own: Float64Array[] = [];
  const backfill: Float64Array[] = [];
  const aiMwh: number[] = [];
  prep.forEach((p, y) => {
    const facility = contractedItMwInYear(input, y + 1) * input.site.pue;
    const ownHeadroom = k.availableMw - facility;
    const days = p.cal.hours / 24;
    const o = new Float64Array(days);
    const b = new Float64Array(days);
    let ai = 0;
    for (let h = 0; h < p.cal.hours; h++) {
      const aiMw = facility * p.ai[h]!;
      const headroom = k.availableMw - aiMw;
      const m = k.fleetCapMw < headroom ? k.fleetCapMw : headroom;
      const ownMw = m < ownHeadroom ? m : ownHeadroom;
      const d = (h / 24) | 0;
      o[d] = o[d]! + ownMw;
      b[d] = b[d]! + (m - ownMw);
      ai += aiMw;
    }
    own.push(o);
    backfill.push(b);
    aiMwh.push(ai);
  });
  return { own, backfill, aiMwh };
}

const cents = (usd: number) => (usd < 0 ? -Math.round(-usd * 100) : Math.round(usd * 100)) + 0;

// Cells that do not move the path share its object (the grid copies only what an axis changes): its shape
// relative to today's hashprice is computed once per path, then scaled by each cell's hashprice.
const relativePaths = new WeakMap<object, { key: string; relative: Float64Array }>();

function cellHashprice(input: TTermInput): Float64Array {
  const path = input.term.hashprice;
  const today = input.market.hashpriceUsdPerPhDay;
  if (path.kind === 'series') return dailyHashprice(input.startDate, input.term.years, today, path);
  const key = `${input.startDate}/${input.term.years}`;
  let cached = relativePaths.get(path);
  if (cached?.key !== key) {
    cached = { key, relative: relativeHashprice(input.startDate, input.term.years, path) };
    relativePaths.set(path, cached);
  }
  const out = new Float64Array(cached.relative.length);
  for (let d = 0; d < out.length; d++) out[d] = today * cached.relative[d]!;
  return out;
}

/** The term's YearSums from the aggregates, for this cell's prices. */
export function runTermDaily(input: TTermInput, prep: readonly PreparedYear[], agg: DailyAggregates): TermRun {
  const hashpriceDaily = cellHashprice(input);
  const { mining, energy } = input;
  const flat = energy.price.kind === 'flat' ? energy.price.usdPerMwh : 0;
  const v = mining.variableOpexUsdPerMwh;
  const sums: YearSums[] = prep.map((p, y) => {
    const factor = Math.pow(1 + input.term.energyEscalatorPercent / 100, y);
    const price = flat * factor;
    const jPerTh = jPerThInYear(input, y + 1);
    // Revenue per MWh is linear in the hashprice: the one formula at $1/PH/day, scaled by each day's hashprice.
    const grossPerHashprice = hashRevenuePerMwh(jPerTh, 1);
    const netPerHashprice = miningRevenuePerMwh(jPerTh, 1, mining.poolFeePercent);
    const o = agg.own[y]!;
    const b = agg.backfill[y]!;
    let gross = 0;
    let afterFee = 0;
    let minedMwh = 0;
    let netOwn = 0;
    let netBackfill = 0;
    let backfillMwh = 0;
    const strike = energy.strike;
    const cap = strike.kind === 'price-cap' ? strike.maxUsdPerMwh * factor : 0;
    for (let d = 0; d < o.length; d++) {
      const hp = hashpriceDaily[p.dayOffset + d]!;
      const net = netPerHashprice * hp;
      const margin = net - price - v;
      const eligible = strike.kind === 'none' || (strike.kind === 'breakeven' ? margin > 0 : price <= cap);
      if (!eligible) continue;
      const mined = o[d]! + b[d]!;
      gross += mined * grossPerHashprice * hp;
      afterFee += mined * net;
      minedMwh += mined;
      netOwn += o[d]! * margin;
      netBackfill += b[d]! * margin;
      backfillMwh += b[d]!;
    }
    const aiMwh = agg.aiMwh[y]!;
    return {
      aiEnergyCents: cents(aiMwh * price),
      grossCents: cents(gross),
      afterFeeCents: cents(afterFee),
      variableOpexCents: cents(minedMwh * v),
      netOwnCents: cents(netOwn),
      netBackfillCents: cents(netBackfill),
      drOwnCents: 0,
      drBackfillCents: 0,
      aiMwh,
      miningMwh: minedMwh,
      backfillMwh,
      idleMwh: p.cal.hours * yearParams(input).availableMw - aiMwh - minedMwh,
      curtailedMwh: 0,
      priceSum: price * p.cal.hours,
    };
  });
  return { sums, hashpriceDaily, shapes: null, hourly: null };
}
