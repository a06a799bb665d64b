// A deal's whole term, hour by hour: the one-year model's loop (year-kernel.ts) run year after year with the
// fleet carrying on across new year, under a daily hashprice path, escalated prices, contracted MW by phase and
// fleet refreshes; then each year's money lines, and the host's and the tenant's cash flows, NPV, IRR, payback.
//
// Three steps, so the sensitivity grid can reuse the ones its axes do not touch (term/sensitivity.ts):
//   prepareTerm  calendars, AI utilisation, base energy prices and demand response of every year
//   runTerm      the hourly loops: YearSums per year (cents rounded once per hour, MWh)
//   settleTerm   money lines per year from the sums and the annual terms, finance and valuation
import { addYears, type YearCalendar, yearCalendar } from '../calendar.js';
import { fillDemandResponse, fillEnergyPrice } from '../energy.js';
import { RevenueInputError } from '../errors.js';
import { LoadShapeAccumulator, type LoadShape } from '../metrics.js';
import { hashRevenuePerMwh, miningRevenuePerMwh } from '../mining.js';
import { type Cents, multiplyCents, roundCents, roundHalfAway } from '../money.js';
import { fillAiUtilisation } from '../profiles/index.js';
import type { HourlySeries, TAiProfile, TBlendableProfile, TEnergyPrice, TRevenueInput } from '../schema.js';
import type { HourlyOutput, RevenueTotalsCents } from '../types.js';
import { yearParams } from '../simulate.js';
import { type DispatchCarry, runYear, strikeParams, type YearOutputs, type YearSums } from '../year-kernel.js';
import { sumTotals, yearTotals } from '../year-totals.js';
import { irr, monthlyCents, npv, paybackMonth } from './finance.js';
import { dailyHashprice } from './hashprice-path.js';
import { type TTermInput, ZTermInput } from './schema.js';

export interface PreparedYear {
  readonly startDate: string;
  readonly cal: YearCalendar;
  /** Day of the term this year starts on. */
  readonly dayOffset: number;
  /** Hour of the term this year starts on. */
  readonly hourOffset: number;
  readonly ai: Float64Array;
  /** Energy price before the escalator. */
  readonly priceBase: Float64Array;
  readonly dr: Float64Array;
}

export interface TermYear {
  /** 1 = the first year of the term. */
  readonly year: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
  readonly contractedItMw: number;
  readonly colocationUsdPerKwMonth: number;
  /** Multiplies every energy price of the base year: (1 + escalator)^(year - 1). */
  readonly energyPriceFactor: number;
  readonly jPerTh: number;
  readonly averageHashpriceUsdPerPhDay: number;
  readonly totalsCents: RevenueTotalsCents;
  /** Fleet refresh bought this year (capexUsdPerMw x fleetMw). */
  readonly fleetCapexCents: Cents;
  /** Host EBITDA less fleet capex. */
  readonly hostCashFlowCents: Cents;
  /** What the contracted kW-months earn the tenant (finance.tenantValueUsdPerKwMonth). */
  readonly tenantValueCents: Cents;
  /** Tenant value less its net cost. */
  readonly tenantCashFlowCents: Cents;
  /** (Colocation - the tenant's backfill credit) / contracted kW-months; null with no contracted MW. */
  readonly tenantEffectiveUsdPerKwMonth: number | null;
  /** Tenant net cost (colocation + energy pass-through - credit) / contracted kW-months. */
  readonly tenantAllInUsdPerKwMonth: number | null;
  readonly energyMwh: { readonly ai: number; readonly mining: number; readonly backfill: number; readonly idle: number };
}

export interface PartyFinance {
  /** Index 0 = the upfront investment (today), index y = year y. */
  readonly cashFlowsCents: readonly Cents[];
  readonly npvCents: Cents;
  readonly irrPercent: number | null;
  /** Month (1 = the first) the cumulative cash turns non-negative; 0 with no investment; null if not in the term. */
  readonly paybackMonth: number | null;
}

export interface TenantFinance extends PartyFinance {
  /** PV of (colocation - backfill credit) / PV of contracted kW-months at the discount rate. */
  readonly levelisedEffectiveUsdPerKwMonth: number | null;
  /** PV of the tenant's net cost / PV of contracted kW-months. */
  readonly levelisedAllInUsdPerKwMonth: number | null;
}

export interface CentsRange {
  readonly low: Cents;
  readonly high: Cents;
}

export interface TermValuation {
  /** The year valued: the first with every phase in (its EBITDA is the run rate). */
  readonly basisYear: number;
  readonly ebitdaCents: Cents;
  readonly atMiningMultiple: CentsRange;
  readonly atDataCentreMultiple: CentsRange;
  /** Data-centre value less mining value: low = at the low DC and high mining multiple, high = the other way. */
  readonly uplift: CentsRange;
}

export interface TermResult {
  readonly startDate: string;
  readonly endDate: string;
  readonly years: number;
  readonly hours: number;
  readonly yearly: readonly TermYear[];
  /** Each money line summed over the term (reproduces from `yearly`). */
  readonly totalsCents: RevenueTotalsCents;
  readonly host: PartyFinance;
  readonly tenant: TenantFinance;
  readonly valuation: TermValuation;
  /** Hashprice $/PH/day, one per day of the term. */
  readonly hashpriceDaily: Float64Array;
  /** Over the whole term; null when run without statistics. */
  readonly loadShape: { readonly aiOnly: LoadShape; readonly withBackfill: LoadShape } | null;
  readonly interconnectionUtilisation: { readonly withoutBackfill: number; readonly withBackfill: number };
  /** Every hour of the term; null unless asked for. */
  readonly hourly: HourlyOutput | null;
}

export interface SimulateTermOptions {
  /** Hour-by-hour arrays over the whole term (default false: 87,600 hours x 5 arrays for ten years). */
  readonly hourly?: boolean;
  /** Load-shape statistics (default true). */
  readonly stats?: boolean;
}

/** Validates with ZTermInput; throws RevenueInputError naming every field at fault. */
export function parseTermInput(input: unknown): TTermInput {
  const parsed = ZTermInput.safeParse(input);
  if (!parsed.success) throw RevenueInputError.fromZod(parsed.error);
  return parsed.data;
}

/** Validates and simulates the term. Throws RevenueInputError for an invalid input. */
export function simulateTerm(input: TTermInput, options: SimulateTermOptions = {}): TermResult {
  const parsed = parseTermInput(input);
  const prep = prepareTerm(parsed);
  const run = runTerm(parsed, prep, options.stats ?? true, options.hourly ?? false);
  return settleTerm(parsed, prep, run);
}

/** A series uploaded for the first year, fitted to a year of `hours`: cut, or its last day repeated. */
function fitSeries(values: HourlySeries, hours: number): HourlySeries {
  if (values.length === hours) return values;
  const out = new Float64Array(hours);
  for (let h = 0; h < hours; h++) out[h] = values[h < values.length ? h : values.length - 24 + ((h - values.length) % 24)]!;
  return out;
}

function fitProfile<P extends TAiProfile | TBlendableProfile>(profile: P, hours: number): P {
  if (profile.kind === 'series') return { ...profile, values: fitSeries(profile.values, hours) };
  if (profile.kind === 'blend') return { ...profile, components: profile.components.map((c) => ({ ...c, profile: fitProfile(c.profile, hours) })) };
  return profile;
}

function fitPrice(price: TEnergyPrice, hours: number): TEnergyPrice {
  return price.kind === 'series' ? { ...price, values: fitSeries(price.values, hours) } : price;
}

/** Which prepared arrays a caller already has and may reuse (the sensitivity grid). */
export interface ReusePrepared {
  readonly ai?: readonly Float64Array[];
  readonly priceBase?: readonly Float64Array[];
  readonly dr?: readonly Float64Array[];
}

/** What a year's fill depends on: its length, and its weekdays when the fill follows local days. */
const calendarKey = (cal: YearCalendar, byWeekday: boolean) => (byWeekday ? `${cal.hours}/${cal.startDayOfWeek}` : `${cal.hours}`);

const followsWeekdays = (profile: TAiProfile | TBlendableProfile): boolean =>
  profile.kind === 'inference' || (profile.kind === 'blend' && profile.components.some((c) => followsWeekdays(c.profile)));

export function prepareTerm(input: TTermInput, reuse: ReusePrepared = {}): PreparedYear[] {
  // Years with the same length (and weekdays, where it matters) share their arrays: nothing writes to them.
  const aiFills = new Map<string, Float64Array>();
  const priceFills = new Map<string, Float64Array>();
  const drFills = new Map<string, Float64Array>();
  const aiByWeekday = followsWeekdays(input.aiLoad.profile);
  const priceByWeekday = input.energy.price.kind === 'time-of-use';
  const fill = (cache: Map<string, Float64Array>, key: string, hours: number, write: (out: Float64Array) => void) => {
    let out = cache.get(key);
    if (!out) {
      out = new Float64Array(hours);
      write(out);
      cache.set(key, out);
    }
    return out;
  };
  const years: PreparedYear[] = [];
  let dayOffset = 0;
  let hourOffset = 0;
  for (let y = 0; y < input.term.years; y++) {
    const startDate = addYears(input.startDate, y);
    const cal = yearCalendar(startDate);
    const ai =
      reuse.ai?.[y] ?? fill(aiFills, calendarKey(cal, aiByWeekday), cal.hours, (out) => fillAiUtilisation(out, cal, fitProfile(input.aiLoad.profile, cal.hours)));
    const priceBase =
      reuse.priceBase?.[y] ?? fill(priceFills, calendarKey(cal, priceByWeekday), cal.hours, (out) => fillEnergyPrice(out, cal, fitPrice(input.energy.price, cal.hours)));
    // The base year's events recur every year (clipped to a shorter year).
    const dr = reuse.dr?.[y] ?? fill(drFills, calendarKey(cal, false), cal.hours, (out) => fillDemandResponse(out, cal, input.energy.demandResponseEvents));
    years.push({ startDate, cal, dayOffset, hourOffset, ai, priceBase, dr });
    dayOffset += cal.hours / 24;
    hourOffset += cal.hours;
  }
  return years;
}

/** The value of a term-year setting: the last entry starting at or before `year`, else `fallback`. */
function inForce(entries: readonly { from: number; value: number }[], year: number, fallback: number): number {
  let value = fallback;
  for (const e of entries) if (e.from <= year) value = e.value;
  return value;
}

export const contractedItMwInYear = (input: TTermInput, year: number) =>
  inForce(input.term.phases.map((p) => ({ from: p.fromYear, value: p.contractedItMw })), year, input.aiLoad.contractedItMw);

export const jPerThInYear = (input: TTermInput, year: number) =>
  inForce(input.term.fleetRefreshes.map((r) => ({ from: r.year, value: r.jPerTh })), year, input.mining.jPerTh);

export interface TermRun {
  readonly sums: readonly YearSums[];
  readonly hashpriceDaily: Float64Array;
  readonly shapes: { readonly ai: LoadShapeAccumulator; readonly total: LoadShapeAccumulator } | null;
  readonly hourly: HourlyOutput | null;
}

const growth = (percent: number, years: number) => Math.pow(1 + percent / 100, years);

export function runTerm(input: TTermInput, prep: readonly PreparedYear[], stats: boolean, hourly: boolean): TermRun {
  const totalHours = prep.reduce((n, y) => n + y.cal.hours, 0);
  const hashpriceDaily = dailyHashprice(input.startDate, input.term.years, input.market.hashpriceUsdPerPhDay, input.term.hashprice);
  const shapes = stats ? { ai: new LoadShapeAccumulator(), total: new LoadShapeAccumulator() } : null;
  const out: HourlyOutput | null = hourly
    ? {
        aiMw: new Float64Array(totalHours),
        miningMw: new Float64Array(totalHours),
        idleMw: new Float64Array(totalHours),
        energyPriceUsdPerMwh: new Float64Array(totalHours),
        miningMarginUsdPerMwh: new Float64Array(totalHours),
      }
    : null;
  const carry: DispatchCarry = { prevMining: 0, prevAi: 0, running: false };
  const base = yearParams(input);
  const { poolFeePercent } = input.mining;
  const sums: YearSums[] = [];
  let price = new Float64Array(0);
  for (let y = 0; y < prep.length; y++) {
    const p = prep[y]!;
    const n = p.cal.hours;
    const days = n / 24;
    const factor = growth(input.term.energyEscalatorPercent, y);
    if (price.length !== n) price = new Float64Array(n);
    for (let h = 0; h < n; h++) price[h] = p.priceBase[h]! * factor;
    const jPerTh = jPerThInYear(input, y + 1);
    const gross = new Float64Array(days);
    const net = new Float64Array(days);
    for (let d = 0; d < days; d++) {
      const hp = hashpriceDaily[p.dayOffset + d]!;
      gross[d] = hashRevenuePerMwh(jPerTh, hp);
      net[d] = miningRevenuePerMwh(jPerTh, hp, poolFeePercent);
    }
    const outputs: YearOutputs = { shapes, hourly: out, offset: p.hourOffset };
    const params = {
      ...base,
      facilityMw: contractedItMwInYear(input, y + 1) * input.site.pue,
      ...strikeParams(input.energy.strike, factor),
    };
    sums.push(runYear({ hours: n, ai: p.ai, price, dr: p.dr, grossPerMwhByDay: gross, netPerMwhByDay: net }, params, carry, outputs));
  }
  return { sums, hashpriceDaily, shapes, hourly: out };
}

const perKwMonth = (cents: Cents, itMw: number) => (itMw > 0 ? cents / 100 / (itMw * 1_000 * 12) : null);

export function settleTerm(input: TTermInput, prep: readonly PreparedYear[], run: TermRun): TermResult {
  const { term, finance, mining } = input;
  const refreshCapex = new Map(term.fleetRefreshes.map((r) => [r.year, roundCents(r.capexUsdPerMw * mining.fleetMw)]));
  const yearly: TermYear[] = run.sums.map((s, y) => {
    const year = y + 1;
    const p = prep[y]!;
    const contractedItMw = contractedItMwInYear(input, year);
    const colocationUsdPerKwMonth = input.deal.colocationUsdPerKwMonth * growth(term.colocationEscalatorPercent, y);
    const totals = yearTotals(s, {
      deal: input.deal,
      colocationUsdPerKwMonth,
      contractedItMw,
      fleetMw: mining.fleetMw,
      fixedOpexUsdPerMwYear: mining.fixedOpexUsdPerMwYear,
      aiNonPowerUsdPerMwItYear: input.opex.aiNonPowerUsdPerMwItYear,
    });
    const fleetCapexCents = refreshCapex.get(year) ?? 0;
    const tenantValueCents = roundCents(finance.tenantValueUsdPerKwMonth * contractedItMw * 1_000 * 12);
    let hashSum = 0;
    const days = p.cal.hours / 24;
    for (let d = 0; d < days; d++) hashSum += run.hashpriceDaily[p.dayOffset + d]!;
    return {
      year,
      startDate: p.startDate,
      endDate: p.cal.endDate,
      hours: p.cal.hours,
      contractedItMw,
      colocationUsdPerKwMonth,
      energyPriceFactor: growth(term.energyEscalatorPercent, y),
      jPerTh: jPerThInYear(input, year),
      averageHashpriceUsdPerPhDay: hashSum / days,
      totalsCents: totals,
      fleetCapexCents,
      hostCashFlowCents: totals.hostEbitda - fleetCapexCents,
      tenantValueCents,
      tenantCashFlowCents: tenantValueCents - totals.tenantNetCost,
      tenantEffectiveUsdPerKwMonth: perKwMonth(totals.colocationRevenue - totals.tenantShare, contractedItMw),
      tenantAllInUsdPerKwMonth: perKwMonth(totals.tenantNetCost, contractedItMw),
      energyMwh: { ai: s.aiMwh, mining: s.miningMwh, backfill: s.backfillMwh, idle: s.idleMwh },
    };
  });

  const rate = finance.discountRatePercent;
  const hostFlows = [-roundCents(finance.hostUpfrontCapexUsd), ...yearly.map((y) => y.hostCashFlowCents)];
  const hostMonthly = yearly.flatMap((y) => {
    const months = monthlyCents(y.totalsCents.hostEbitda);
    months[0] = months[0]! - y.fleetCapexCents;
    return months;
  });
  const tenantFlows = [-roundCents(finance.tenantUpfrontUsd), ...yearly.map((y) => y.tenantCashFlowCents)];
  const tenantMonthly = yearly.flatMap((y) => monthlyCents(y.tenantCashFlowCents));
  const pvKwMonths = npv(rate, [0, ...yearly.map((y) => y.contractedItMw * 1_000 * 12)]);
  const levelised = (cents: readonly number[]) => (pvKwMonths > 0 ? npv(rate, [0, ...cents]) / 100 / pvKwMonths : null);

  const lastPhase = term.phases.length > 0 ? term.phases[term.phases.length - 1]!.fromYear : 1;
  const basisYear = Math.min(term.years, lastPhase);
  const ebitda = yearly[basisYear - 1]!.totalsCents.hostEbitda;
  const at = (multiple: number) => multiplyCents(ebitda, multiple);

  const drawnCapacityMwh = input.site.interconnectionMw * run.sums.reduce((n, _s, y) => n + prep[y]!.cal.hours, 0);
  const aiMwh = run.sums.reduce((n, s) => n + s.aiMwh, 0);
  const miningMwh = run.sums.reduce((n, s) => n + s.miningMwh, 0);
  return {
    startDate: input.startDate,
    endDate: addYears(input.startDate, term.years),
    years: term.years,
    hours: prep.reduce((n, y) => n + y.cal.hours, 0),
    yearly,
    totalsCents: sumTotals(yearly.map((y) => y.totalsCents)),
    host: partyFinance(rate, hostFlows, hostMonthly),
    tenant: {
      ...partyFinance(rate, tenantFlows, tenantMonthly),
      levelisedEffectiveUsdPerKwMonth: levelised(yearly.map((y) => y.totalsCents.colocationRevenue - y.totalsCents.tenantShare)),
      levelisedAllInUsdPerKwMonth: levelised(yearly.map((y) => y.totalsCents.tenantNetCost)),
    },
    valuation: {
      basisYear,
      ebitdaCents: ebitda,
      atMiningMultiple: { low: at(finance.miningMultipleLow), high: at(finance.miningMultipleHigh) },
      atDataCentreMultiple: { low: at(finance.dataCentreMultipleLow), high: at(finance.dataCentreMultipleHigh) },
      uplift: {
        low: at(finance.dataCentreMultipleLow) - at(finance.miningMultipleHigh),
        high: at(finance.dataCentreMultipleHigh) - at(finance.miningMultipleLow),
      },
    },
    hashpriceDaily: run.hashpriceDaily,
    loadShape: run.shapes ? { aiOnly: run.shapes.ai.result(), withBackfill: run.shapes.total.result() } : null,
    interconnectionUtilisation: { withoutBackfill: aiMwh / drawnCapacityMwh, withBackfill: (aiMwh + miningMwh) / drawnCapacityMwh },
    hourly: run.hourly,
  };
}

function partyFinance(ratePercent: number, flows: readonly Cents[], monthly: readonly Cents[]): PartyFinance {
  return {
    cashFlowsCents: flows,
    npvCents: roundHalfAway(npv(ratePercent, flows)),
    irrPercent: irr(flows),
    paybackMonth: paybackMonth(flows[0]!, monthly),
  };
}

/** The one-year scenario inside a term input (the term's first year, as the one-year model sees it). */
export function firstYearOf(input: TTermInput): TRevenueInput {
  const { term: _term, finance: _finance, ...year } = input;
  return year;
}
