// NPV over a grid of any one or two numeric inputs of a term, and a tornado of one-at-a-time swings.
//
// A cell only recomputes what its axes reach. Each axis is classed by its path:
//   finance  finance.*: the yearly cash flows stand; a cell is O(years) of discounting
//   annual   deal.*, opex.*, valuation.*, the colocation escalator, fixed mining opex: every year's hourly sums
//            (YearSums, sufficient statistics for every money line) stand; a cell re-settles them, O(years)
//   price    hashprice and its path, the flat energy price and its escalator, J/TH, pool fee, variable opex,
//            the strike: per-day aggregates (daily-aggregates.ts) stand; a cell is O(days)
//   shape    AI load, site, fleet MW, uptime, phases: the per-day aggregates are rebuilt once per distinct
//            value of these axes, then cells are O(days)
//   hourly   anything else, or an input the daily aggregates cannot model (ramp limits, a minimum run above
//            one hour, demand response, a time-of-use or series price): each cell runs the hourly loops, lean
//            (no statistics, no hourly output), reusing the prepared arrays its axes do not touch
// A 40 x 25 grid of hashprice x energy price over ten years is then one hourly pass and 1,000 O(days) cells.
import type { z } from 'zod';
import { RevenueInputError } from '../errors.js';
import type { Cents } from '../money.js';
import { checkAxes, getAt, segmentsOf, setAt } from '../paths.js';
import type { SensitivityAxis } from '../sensitivity.js';
import { explicitPath } from './hashprice-path.js';
import { buildDailyAggregates, type DailyAggregates, dailyAggregatesApply, runTermDaily } from './daily-aggregates.js';
import { type PreparedYear, prepareTerm, type ReusePrepared, runTerm, settleTerm, type TermResult, type TermRun } from './simulate-term.js';
import { type TTermInput, ZTermFields, ZTermInput } from './schema.js';

/** An axis is a dotted path of a numeric field of the term input (e.g. 'market.hashpriceUsdPerPhDay') and its values. */
export type TermSensitivityAxis = SensitivityAxis;

export interface TermSensitivityGrid {
  readonly axes: readonly TermSensitivityAxis[];
  readonly shape: readonly number[];
  /** Row-major, the last axis fastest. */
  readonly hostNpvCents: Float64Array;
  readonly tenantNpvCents: Float64Array;
}

export const MAX_TERM_SENSITIVITY_CELLS = 10_000;

type Reach = 'finance' | 'annual' | 'price' | 'shape' | 'hourly';

const PREFIXES: readonly (readonly [Reach, readonly string[]])[] = [
  ['finance', ['finance.']],
  ['annual', ['deal.', 'opex.', 'valuation.', 'term.colocationEscalatorPercent', 'mining.fixedOpexUsdPerMwYear']],
  [
    'price',
    [
      'market.',
      'energy.price.usdPerMwh',
      'energy.strike.',
      'term.hashprice.',
      'term.energyEscalatorPercent',
      'term.fleetRefreshes.',
      'mining.jPerTh',
      'mining.poolFeePercent',
      'mining.variableOpexUsdPerMwh',
    ],
  ],
  ['shape', ['aiLoad.', 'site.', 'mining.fleetMw', 'mining.uptimePercent', 'term.phases.']],
];

function reachOf(path: string): Reach {
  return PREFIXES.find(([, prefixes]) => prefixes.some((p) => path.startsWith(p)))?.[0] ?? 'hourly';
}

const baseRuns = new WeakMap<readonly PreparedYear[], TermRun>();

/** How the cells of a grid are computed: from the base run's sums, from daily aggregates, or hour by hour. */
function cellRunner(base: TTermInput, paths: readonly string[], prep: readonly PreparedYear[]): (cellInput: TTermInput) => TermResult {
  const reaches = paths.map(reachOf);
  if (reaches.every((r) => r === 'finance' || r === 'annual')) {
    // Grids over one prepared base (the tornado's swings) share its one hourly run.
    const run = baseRuns.get(prep) ?? runTerm(base, prep, false, false);
    baseRuns.set(prep, run);
    return (cellInput) => settleTerm(cellInput, prep, run);
  }
  const reuse = reusable(paths, prep);
  if (dailyAggregatesApply(base) && !reaches.includes('hourly')) {
    const shapeAxes = paths.filter((_p, a) => reaches[a] === 'shape');
    const cache = new Map<string, { prep: readonly PreparedYear[]; agg: DailyAggregates }>();
    return (cellInput) => {
      const key = shapeAxes.map((p) => String(getAt(cellInput, segmentsOf(p)))).join('|');
      let entry = cache.get(key);
      if (!entry) {
        const cellPrep = shapeAxes.length > 0 ? prepareTerm(cellInput, reuse) : prep;
        entry = { prep: cellPrep, agg: buildDailyAggregates(cellInput, cellPrep) };
        cache.set(key, entry);
      }
      return settleTerm(cellInput, entry.prep, runTermDaily(cellInput, entry.prep, entry.agg));
    };
  }
  return hourByHour(reuse);
}

function hourByHour(reuse: ReusePrepared) {
  return (cellInput: TTermInput) => {
    const cellPrep = prepareTerm(cellInput, reuse);
    return settleTerm(cellInput, cellPrep, runTerm(cellInput, cellPrep, false, false));
  };
}

/** Whether the cells of these axes run the hourly loop (the costly case: about a full term simulation each). */
export function termSensitivityIsHourly(input: TTermInput, paths: readonly string[]): boolean {
  const reaches = paths.map((p) => reachOf(segmentsOf(p).join('.')));
  if (reaches.every((r) => r === 'finance' || r === 'annual')) return false;
  return !(dailyAggregatesApply(input) && !reaches.includes('hourly'));
}

/** Host and tenant shares must sum to 100: moving one moves the other. */
const LINKED: Readonly<Record<string, string>> = {
  'deal.revenueShare.hostPercent': 'deal.revenueShare.tenantPercent',
  'deal.revenueShare.tenantPercent': 'deal.revenueShare.hostPercent',
};

function withValue(input: unknown, path: string, value: number): unknown {
  const dotted = segmentsOf(path);
  const next = setAt(input, dotted, 0, value);
  const linked = LINKED[dotted.join('.')];
  return linked ? setAt(next, segmentsOf(linked), 0, Math.round((100 - value) * 100) / 100) : next;
}


/** What a cell may reuse of the base run. */
function reusable(paths: readonly string[], prep: readonly PreparedYear[]): ReusePrepared {
  const touches = (prefix: string) => paths.some((p) => p.startsWith(prefix) || p === 'startDate' || p === 'term.years');
  return {
    ...(touches('aiLoad.profile') ? {} : { ai: prep.map((y) => y.ai) }),
    ...(touches('energy.price') ? {} : { priceBase: prep.map((y) => y.priceBase) }),
    ...(touches('energy.demandResponseEvents') ? {} : { dr: prep.map((y) => y.dr) }),
  };
}

function cellError(error: z.ZodError, axes: readonly TermSensitivityAxis[], indices: readonly number[], prefix: PropertyKey[] = []) {
  const where = axes.map((ax, a) => `${ax.path}=${ax.values[indices[a]!]}`).join(', ');
  const issues = error.issues.map((i) => ({ path: [...prefix, ...i.path].map(String).join('.'), message: `in cell ${where}: ${i.message}` }));
  return new RevenueInputError(issues);
}

type Section = keyof typeof ZTermFields.shape;

/**
 * Validates a cell. Cross-field rules (the AI load fits the site, phases, series lengths) involve only shape and
 * hourly fields: the whole input is parsed once per distinct value of those axes; otherwise only the sections
 * the other axes changed, which is what keeps a 1,000-cell grid cheap (a whole parse costs more than a cell).
 */
function cellValidator(paths: readonly string[]) {
  const wholeAxes = paths.filter((p) => reachOf(p) === 'shape' || reachOf(p) === 'hourly');
  const sections = [...new Set(paths.map((p) => segmentsOf(p)[0] as Section))];
  const parsedWhole = new Set<string>();
  return (candidate: unknown, axes: readonly TermSensitivityAxis[], indices: readonly number[]): TTermInput => {
    const key = wholeAxes.map((p) => String(getAt(candidate, segmentsOf(p)))).join('|');
    if (wholeAxes.length > 0 && !parsedWhole.has(key)) {
      const parsed = ZTermInput.safeParse(candidate);
      if (!parsed.success) throw cellError(parsed.error, axes, indices);
      parsedWhole.add(key);
    }
    const cell = { ...(candidate as TTermInput) };
    for (const section of sections) {
      const parsed = ZTermFields.shape[section].safeParse(cell[section]);
      if (!parsed.success) throw cellError(parsed.error, axes, indices, [section]);
      Object.assign(cell, { [section]: parsed.data });
    }
    return cell;
  };
}

/** Host and tenant NPV for every combination of the axes' values (one or two axes), everything else as in `input`. */
/** The validated input, with a preset path as the explicit one it stands for (so its figures can be axes). */
function sweepable(input: TTermInput): TTermInput {
  const parsed = ZTermInput.safeParse(input);
  if (!parsed.success) throw RevenueInputError.fromZod(parsed.error);
  return { ...parsed.data, term: { ...parsed.data.term, hashprice: explicitPath(parsed.data.term.hashprice) } };
}

export interface TermSensitivityOptions {
  /** Refuse (RevenueInputError at 'axes') a grid whose cells would each run hour by hour beyond this many. */
  readonly maxHourlyCells?: number;
}

export function termSensitivity(input: TTermInput, axes: readonly TermSensitivityAxis[], options: TermSensitivityOptions = {}): TermSensitivityGrid {
  const base = sweepable(input);
  const cells = axes.reduce((n, a) => n * a.values.length, 1);
  const limit = options.maxHourlyCells ?? Number.POSITIVE_INFINITY;
  if (cells > limit && termSensitivityIsHourly(base, axes.map((a) => a.path)))
    throw new RevenueInputError([
      {
        path: 'axes',
        message: `${cells} cells that each run hour by hour (ramp limits, a minimum run, demand response, a non-flat price or such an axis) is more than the limit of ${limit}`,
      },
    ]);
  return gridOf(base, axes, prepareTerm(base));
}

/** The grid over a validated, sweepable base whose years are already prepared (the tornado shares them). */
function gridOf(base: TTermInput, axes: readonly TermSensitivityAxis[], prep: readonly PreparedYear[]): TermSensitivityGrid {
  const cells = checkAxes(base, axes, MAX_TERM_SENSITIVITY_CELLS, 2);
  const shape = axes.map((a) => a.values.length);
  const paths = axes.map((a) => segmentsOf(a.path).join('.'));
  const runCell = cellRunner(base, paths, prep);
  const parseCell = cellValidator(paths);

  const hostNpvCents = new Float64Array(cells);
  const tenantNpvCents = new Float64Array(cells);
  const indices = new Array<number>(axes.length).fill(0);
  for (let cell = 0; cell < cells; cell++) {
    let candidate: unknown = base;
    for (let a = 0; a < axes.length; a++) candidate = withValue(candidate, axes[a]!.path, axes[a]!.values[indices[a]!]!);
    const result = runCell(parseCell(candidate, axes, indices));
    hostNpvCents[cell] = result.host.npvCents;
    tenantNpvCents[cell] = result.tenant.npvCents;
    // Odometer: advance the last axis, carry into the ones before.
    for (let a = axes.length - 1; a >= 0; a--) {
      if (++indices[a]! < shape[a]!) break;
      indices[a] = 0;
    }
  }
  return { axes: axes.map((a) => ({ path: a.path, values: [...a.values] })), shape, hostNpvCents, tenantNpvCents };
}

export interface TornadoSwing {
  readonly path: string;
  readonly low: number;
  readonly high: number;
}

export interface TornadoBar extends TornadoSwing {
  readonly base: number;
  readonly hostNpvLowCents: Cents;
  readonly hostNpvHighCents: Cents;
  /** |high - low| NPV: the bars are sorted by it, widest first. */
  readonly swingCents: Cents;
}

export interface Tornado {
  readonly baseHostNpvCents: Cents;
  readonly bars: readonly TornadoBar[];
}

/** The AI utilisation field of the scenario's profile (the peak for inference, the busy level for training). */
function utilisationPath(input: TTermInput): string | null {
  switch (input.aiLoad.profile.kind) {
    case 'inference':
      return 'aiLoad.profile.peakUtilisation';
    case 'training':
      return 'aiLoad.profile.busyUtilisation';
    case 'flat':
      return 'aiLoad.profile.utilisation';
    default:
      return null;
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Default swings: hashprice and energy price +-25%, AI utilisation +-0.1, difficulty growth +-15 points (when
 * the path has one), the host's share +-10 points, colocation price +-10%, discount rate +-2 points.
 */
export function defaultTornadoSwings(input: TTermInput): TornadoSwing[] {
  const swings: TornadoSwing[] = [];
  const around = (path: string, lo: number, hi: number) => {
    const v = getAt(input, segmentsOf(path));
    if (typeof v === 'number') swings.push({ path, low: lo, high: hi });
  };
  const num = (path: string) => getAt(input, segmentsOf(path)) as number;
  around('market.hashpriceUsdPerPhDay', num('market.hashpriceUsdPerPhDay') * 0.75, num('market.hashpriceUsdPerPhDay') * 1.25);
  if (input.energy.price.kind === 'flat') around('energy.price.usdPerMwh', input.energy.price.usdPerMwh * 0.75, input.energy.price.usdPerMwh * 1.25);
  if (input.energy.price.kind === 'time-of-use')
    around('energy.price.baseUsdPerMwh', input.energy.price.baseUsdPerMwh * 0.75, input.energy.price.baseUsdPerMwh * 1.25);
  const util = utilisationPath(input);
  if (util) around(util, clamp(num(util) - 0.1, 0, 1), clamp(num(util) + 0.1, 0, 1));
  const path = input.term.hashprice;
  if (path.kind === 'difficulty' || path.kind === 'halvings')
    around('term.hashprice.difficultyGrowthPercentPerYear', path.difficultyGrowthPercentPerYear - 15, path.difficultyGrowthPercentPerYear + 15);
  const host = input.deal.revenueShare.hostPercent;
  around('deal.revenueShare.hostPercent', clamp(host - 10, 0, 100), clamp(host + 10, 0, 100));
  around('deal.colocationUsdPerKwMonth', input.deal.colocationUsdPerKwMonth * 0.9, input.deal.colocationUsdPerKwMonth * 1.1);
  const rate = input.finance.discountRatePercent;
  around('finance.discountRatePercent', clamp(rate - 2, 0, 100), clamp(rate + 2, 0, 100));
  return swings;
}

/** Host NPV at the low and the high end of each swing, one input at a time; widest bar first. */
export function termTornado(given: TTermInput, swings?: readonly TornadoSwing[]): Tornado {
  const input = sweepable(given);
  const prep = prepareTerm(input);
  const base = gridOf(input, [{ path: 'finance.discountRatePercent', values: [input.finance.discountRatePercent] }], prep);
  const bars = (swings ?? defaultTornadoSwings(input)).map((s) => {
    const grid = gridOf(input, [{ path: s.path, values: [s.low, s.high] }], prep);
    const lo = grid.hostNpvCents[0]!;
    const hi = grid.hostNpvCents[1]!;
    return { ...s, base: getAt(input, segmentsOf(s.path)) as number, hostNpvLowCents: lo, hostNpvHighCents: hi, swingCents: Math.abs(hi - lo) };
  });
  bars.sort((a, b) => b.swingCents - a.swingCents);
  return { baseHostNpvCents: base.hostNpvCents[0]!, bars };
}
