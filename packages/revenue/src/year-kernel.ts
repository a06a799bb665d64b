// One year hour by hour, the loop both the one-year model and the term model run. AI load comes first; mining
// fills what the interconnection leaves after the AI facility load and the reserve, within the fleet's MW and
// ramp limits, only in hours it may run, and stops for demand-response events. Every hour:
// aiMw + miningMw + idleMw = availableMw.
//
// Speed: the drivers (utilisation, price, demand response, hash revenue per day) come in as typed arrays; the
// loop allocates nothing. Module scratch buffers are reused, which is safe because the function is synchronous.
// The loops run day by day (a year is whole days), so the day's hash revenue is read once, not per hour; with
// no ramp-down limit the hour's bound is computed in the main loop rather than in a pass of its own; the
// load-shape statistics are taken after the loop in one pass over both series at once (LoadShapeAccumulator.
// pushPair), whose two chains of divisions overlap. The arithmetic is the same, in the same order: the outputs
// are the same to the bit (checked against the previous kernel on every bench case and the tests' closed forms).
import { NO_EVENT } from './energy.js';
import { LoadShapeAccumulator } from './metrics.js';
import type { HourlyOutput } from './types.js';

const MAX_HOURS = 8_784;
// Local bindings for the hot loop: compiled to CommonJS, every use of an imported name is a getter call on
// the module object, which the JIT does not inline (measured: it tripled the time per site-year).
const NONE = NO_EVENT;
/** money.ts's roundCents, local so the JIT inlines it. Sums start at +0, so a -0 here never shows. */
function toCents(usd: number): number {
  const c = usd * 100;
  return c < 0 ? -Math.round(-c) : Math.round(c);
}

let scratch: { upper: Float64Array; runLeft: Int32Array; totalMw: Float64Array } | null = null;
function scratchBuffers() {
  scratch ??= { upper: new Float64Array(MAX_HOURS + 1), runLeft: new Int32Array(MAX_HOURS + 1), totalMw: new Float64Array(MAX_HOURS) };
  return scratch;
}

/** The year's hourly inputs, already priced and escalated. */
export interface YearDrivers {
  readonly hours: number;
  /** AI utilisation 0..1 of the contracted facility, per hour. */
  readonly ai: Float64Array;
  /** Energy price $/MWh, per hour. */
  readonly price: Float64Array;
  /** Demand-response payment $/MWh curtailed, NO_EVENT where there is none. */
  readonly dr: Float64Array;
  /** Hash revenue per MWh before and after the pool fee, per day of the year (miningRevenuePerMwh). */
  readonly grossPerMwhByDay: Float64Array;
  readonly netPerMwhByDay: Float64Array;
}

/** The year's constants. */
export interface YearParams {
  readonly availableMw: number;
  /** contractedItMw x PUE. */
  readonly facilityMw: number;
  /** fleetMw x uptime. */
  readonly fleetCapMw: number;
  /** Infinity = no limit. */
  readonly rampUpMw: number;
  readonly rampDownMw: number;
  readonly minRunHours: number;
  /** 0 none, 1 breakeven, 2 price cap. */
  readonly strikeKind: 0 | 1 | 2;
  readonly strikeCapUsdPerMwh: number;
  readonly variableOpexUsdPerMwh: number;
}

/** Where the fleet stands at the end of a year, so the next year of a term carries on from it. */
export interface DispatchCarry {
  prevMining: number;
  prevAi: number;
  running: boolean;
}

/** Hourly sums of a year: cents (rounded once per hour) and MWh. */
export interface YearSums {
  readonly aiEnergyCents: number;
  readonly grossCents: number;
  readonly afterFeeCents: number;
  readonly variableOpexCents: number;
  readonly netOwnCents: number;
  readonly netBackfillCents: number;
  readonly drOwnCents: number;
  readonly drBackfillCents: number;
  readonly aiMwh: number;
  readonly miningMwh: number;
  readonly backfillMwh: number;
  readonly idleMwh: number;
  readonly curtailedMwh: number;
  readonly priceSum: number;
}

export interface YearOutputs {
  /** Load-shape accumulators (AI alone, AI + mining); null skips the statistics. */
  readonly shapes: { readonly ai: LoadShapeAccumulator; readonly total: LoadShapeAccumulator } | null;
  /** Hourly arrays written from `offset`; null skips them. */
  readonly hourly: HourlyOutput | null;
  readonly offset: number;
}

export function strikeParams(strike: { kind: 'none' } | { kind: 'breakeven' } | { kind: 'price-cap'; maxUsdPerMwh: number }, escalator = 1) {
  return {
    strikeKind: (strike.kind === 'none' ? 0 : strike.kind === 'breakeven' ? 1 : 2) as 0 | 1 | 2,
    strikeCapUsdPerMwh: strike.kind === 'price-cap' ? strike.maxUsdPerMwh * escalator : 0,
  };
}

/** Simulates one year; `carry` is read at the start and updated at the end. */
export function runYear(d: YearDrivers, k: YearParams, carry: DispatchCarry, outputs: YearOutputs): YearSums {
  const n = d.hours;
  const { ai, price, dr } = d;
  const net = d.netPerMwhByDay;
  const grossByDay = d.grossPerMwhByDay;
  const available = k.availableMw;
  const facilityMw = k.facilityMw;
  const ownHeadroom = available - facilityMw;
  const fleetCap = k.fleetCapMw;
  const rampUp = k.rampUpMw;
  const rampDown = k.rampDownMw;
  const minRun = k.minRunHours;
  const strikeKind = k.strikeKind;
  const strikeCap = k.strikeCapUsdPerMwh;
  const varOpex = k.variableOpexUsdPerMwh;
  const { upper, runLeft, totalMw } = scratchBuffers();
  const days = n / 24;

  // An hour is eligible when there is no demand-response event and the strike lets mining run.
  const eligible = (p: number, pay: number, netPerMwh: number): boolean =>
    pay === NONE && (strikeKind === 0 || (strikeKind === 1 ? netPerMwh - p - varOpex > 0 : p <= strikeCap));
  // Minimum run: a run starts only if it can last minRunHours, so the fleet never mines an hour it should not.
  // runLeft[h] = eligible hours in a row from h; the year's end does not cut a run (it carries on).
  if (minRun > 1) {
    runLeft[n] = minRun;
    for (let day = days - 1; day >= 0; day--) {
      const netPerMwh = net[day]!;
      for (let h = day * 24 + 23; h >= day * 24; h--) {
        runLeft[h] = eligible(price[h]!, dr[h]!, netPerMwh) ? Math.min(minRun, runLeft[h + 1]! + 1) : 0;
      }
    }
  }
  // upper[h]: the most the fleet may mine in hour h (0 when it must not run). With a ramp-down limit the
  // fleet starts down early enough to meet every later bound (it knows the modelled prices and load), so it is
  // never caught above the headroom, in a strike hour or in an event. With both limits it also leans against
  // the AI load: the site's draw moves by at most the larger of the fleet's ramp and the AI load's own move, so
  // it drops in hours the AI load holds or rises, never in one where it falls as far as the fleet's ramp.
  // Without a ramp-down limit no hour looks ahead, and the main loop computes the bound itself.
  const smooth = rampDown !== Number.POSITIVE_INFINITY;
  const siteRamp = rampUp < rampDown ? rampUp : rampDown;
  let running = carry.running;
  if (smooth) {
    for (let day = 0, h = 0; day < days; day++) {
      const netPerMwh = net[day]!;
      for (const end = h + 24; h < end; h++) {
        running = eligible(price[h]!, dr[h]!, netPerMwh) && (running || minRun === 1 || runLeft[h]! >= minRun);
        const headroom = available - facilityMw * ai[h]!;
        upper[h] = running ? (fleetCap < headroom ? fleetCap : headroom) : 0;
      }
    }
    for (let h = n - 2; h >= 0; h--) {
      const aiMove = facilityMw * (ai[h + 1]! - ai[h]!);
      const siteMove = siteRamp > -aiMove ? siteRamp : -aiMove;
      const drop = rampDown < siteMove + aiMove ? rampDown : siteMove + aiMove;
      if (upper[h]! > upper[h + 1]! + drop) upper[h] = upper[h + 1]! + drop;
    }
  }

  let aiEnergy = 0;
  let gross = 0;
  let afterFee = 0;
  let opexVar = 0;
  let netOwn = 0;
  let netBackfill = 0;
  let drOwn = 0;
  let drBackfill = 0;
  let aiMwh = 0;
  let miningMwh = 0;
  let backfillMwh = 0;
  let idleMwh = 0;
  let curtailedMwh = 0;
  let priceSum = 0;
  const shapes = outputs.shapes;
  const out = outputs.hourly;
  const offset = outputs.offset;

  let prevMining = carry.prevMining;
  let prevAi = carry.prevAi;
  let inEvent = false;
  let baseline = 0;
  for (let day = 0, h = 0; day < days; day++) {
    const netPerMwh = net[day]!;
    const grossPerMwh = grossByDay[day]!;
    for (const end = h + 24; h < end; h++) {
      const aiMw = facilityMw * ai[h]!;
      const headroom = available - aiMw;
      const p = price[h]!;
      const margin = netPerMwh - p - varOpex;
      const pay = dr[h]!;

      let upperH: number;
      if (smooth) upperH = upper[h]!;
      else {
        running = eligible(p, pay, netPerMwh) && (running || minRun === 1 || runLeft[h]! >= minRun);
        upperH = running ? (fleetCap < headroom ? fleetCap : headroom) : 0;
      }
      const cap = prevMining + rampUp < upperH ? prevMining + rampUp : upperH;
      let m = cap;
      if (smooth) {
        const aiMove = aiMw - prevAi;
        const siteMove = siteRamp > Math.abs(aiMove) ? siteRamp : Math.abs(aiMove);
        // Within [prevTotal - siteMove, prevTotal + siteMove] where the fleet's ramp and the bound allow it.
        const prevTotal = prevAi + prevMining;
        if (m > prevTotal + siteMove - aiMw) m = prevTotal + siteMove - aiMw;
        if (m < prevTotal - siteMove - aiMw) m = prevTotal - siteMove - aiMw;
        const floor = prevMining - rampDown > 0 ? prevMining - rampDown : 0;
        if (m < floor) m = floor;
        if (m > cap) m = cap;
      }

      // Demand response pays for the mining the event stopped: the level just before the event, as far as
      // this hour's headroom would have allowed it.
      let curtailed = 0;
      if (pay !== NONE) {
        if (!inEvent) baseline = prevMining;
        inEvent = true;
        curtailed = baseline < headroom ? baseline : headroom;
      } else {
        inEvent = false;
      }

      aiEnergy += toCents(aiMw * p);
      if (m > 0) {
        // The host's own headroom is mined first; only what runs in the tenant's idle reservation is shared.
        const own = m < ownHeadroom ? m : ownHeadroom;
        const backfill = m - own;
        gross += toCents(m * grossPerMwh);
        afterFee += toCents(m * netPerMwh);
        opexVar += toCents(m * varOpex);
        // The net is rounded once per part, so it is never below zero in an hour with a positive margin and
        // never falls when the hashprice rises; the energy line is the remainder (money.ts).
        netOwn += toCents(own * margin);
        netBackfill += toCents(backfill * margin);
        backfillMwh += backfill;
      }
      if (curtailed > 0) {
        const own = curtailed < ownHeadroom ? curtailed : ownHeadroom;
        drOwn += toCents(own * pay);
        drBackfill += toCents((curtailed - own) * pay);
        curtailedMwh += curtailed;
      }

      const idle = headroom - m;
      aiMwh += aiMw;
      miningMwh += m;
      idleMwh += idle;
      priceSum += p;
      totalMw[h] = aiMw + m;
      if (out) {
        const at = offset + h;
        out.aiMw[at] = aiMw;
        out.miningMw[at] = m;
        out.idleMw[at] = idle;
        out.energyPriceUsdPerMwh[at] = p;
        out.miningMarginUsdPerMwh[at] = margin;
      }
      prevMining = m;
      prevAi = aiMw;
    }
  }
  if (shapes) LoadShapeAccumulator.pushPair(shapes.ai, shapes.total, ai, facilityMw, totalMw, n);
  carry.prevMining = prevMining;
  carry.prevAi = prevAi;
  carry.running = running;

  return {
    aiEnergyCents: aiEnergy,
    grossCents: gross,
    afterFeeCents: afterFee,
    variableOpexCents: opexVar,
    netOwnCents: netOwn,
    netBackfillCents: netBackfill,
    drOwnCents: drOwn,
    drBackfillCents: drBackfill,
    aiMwh,
    miningMwh,
    backfillMwh,
    idleMwh,
    curtailedMwh,
    priceSum,
  };
}
