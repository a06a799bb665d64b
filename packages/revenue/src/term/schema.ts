// zod schema of a deal's term: the one-year scenario (ZRevenueFields) plus how it moves year by year and the
// finance inputs. Every rule names its field, as for the one-year input.
import { z } from 'zod';
import { addYears, daysBetween, parseIsoDate } from '../calendar.js';
import { checkScenario, ZRevenueFields } from '../schema.js';
import { availableMw } from '../site.js';
import { HASHPRICE_PRESET_NAMES } from './presets.js';

export const MAX_TERM_YEARS = 30;

const num = (what: string) => z.number({ error: `${what} must be a finite number` });
const between = (what: string, min: number, max: number) =>
  num(what).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);
const termYear = (what: string) =>
  z
    .int({ error: `${what} must be a whole year of the term (1 = the first)` })
    .min(1, `${what} must be at least 1`)
    .max(MAX_TERM_YEARS, `${what} must be at most ${MAX_TERM_YEARS}`);
const isoDate = (what: string) => z.string().refine((d) => parseIsoDate(d) !== null, `${what} must be a real date as YYYY-MM-DD`);
const growth = between('difficultyGrowthPercentPerYear', -90, 1_000);
const feeShare = between('feeSharePercent', 0, 100);

export const ZHashpricePath = z.discriminatedUnion('kind', [
  /** market.hashpriceUsdPerPhDay every day of the term. */
  z.object({ kind: z.literal('flat') }),
  /** Network difficulty grows by this much a year (net of any bitcoin price change): hashprice divides by it. */
  z.object({ kind: z.literal('difficulty'), difficultyGrowthPercentPerYear: growth }),
  /** Difficulty growth, and the block subsidy halving on each date; fees (a share of today's revenue) do not halve. */
  z.object({
    kind: z.literal('halvings'),
    difficultyGrowthPercentPerYear: growth,
    feeSharePercent: feeShare,
    halvingDates: z.array(isoDate('halvingDates')).max(10, 'halvingDates must hold at most 10 dates'),
  }),
  /** One hashprice per day from the term's start date, $/PH/day (an uploaded forecast); must cover the term. */
  z.object({
    kind: z.literal('series'),
    dailyUsdPerPhDay: z
      .array(between('dailyUsdPerPhDay', 0, 10_000))
      .min(1, 'dailyUsdPerPhDay must hold at least one day')
      .max(MAX_TERM_YEARS * 366, `dailyUsdPerPhDay must hold at most ${MAX_TERM_YEARS * 366} days`),
  }),
  /** A named path documented with its sources (presets.ts), starting from market.hashpriceUsdPerPhDay. */
  z.object({
    kind: z.literal('preset'),
    name: z.enum(HASHPRICE_PRESET_NAMES, { error: `name must be one of ${HASHPRICE_PRESET_NAMES.join(', ')}` }),
  }),
]);

export const ZTerm = z.object({
  years: z
    .int({ error: 'years must be a whole number of years' })
    .min(1, 'years must be at least 1')
    .max(MAX_TERM_YEARS, `years must be at most ${MAX_TERM_YEARS}`),
  /** Yearly rise of the colocation price, % (year 2 pays price x (1 + e), year 3 x (1 + e)^2 ...). */
  colocationEscalatorPercent: between('colocationEscalatorPercent', -20, 50),
  /** Yearly rise of every energy price (and of a price-cap strike), %. */
  energyEscalatorPercent: between('energyEscalatorPercent', -20, 50),
  /** Contracted IT MW from a year on; before the first phase, aiLoad.contractedItMw. */
  phases: z
    .array(z.object({ fromYear: termYear('fromYear'), contractedItMw: between('contractedItMw', 0, 10_000) }))
    .max(MAX_TERM_YEARS, `phases must hold at most ${MAX_TERM_YEARS} phases`),
  hashprice: ZHashpricePath,
  /** New fleet generations: from `year` the fleet runs at `jPerTh`, bought for capexUsdPerMw x fleetMw that year. */
  fleetRefreshes: z
    .array(
      z.object({
        year: termYear('year'),
        jPerTh: between('jPerTh', 1, 1_000),
        capexUsdPerMw: between('capexUsdPerMw', 0, 100_000_000),
      }),
    )
    .max(MAX_TERM_YEARS, `fleetRefreshes must hold at most ${MAX_TERM_YEARS} refreshes`),
});

const multiple = (what: string) => between(what, 0, 100);

export const ZFinance = z
  .object({
    /** Discount rate for NPV, % a year. */
    discountRatePercent: between('discountRatePercent', 0, 100),
    /** The host's investment at the start (conversion, fit-out), $. */
    hostUpfrontCapexUsd: between('hostUpfrontCapexUsd', 0, 1e12),
    /** The tenant's investment at the start (deposit, its own fit-out), $. */
    tenantUpfrontUsd: between('tenantUpfrontUsd', 0, 1e12),
    /** What a kW-month of contracted IT earns the tenant (0 = look at its cost only), $. */
    tenantValueUsdPerKwMonth: between('tenantValueUsdPerKwMonth', 0, 100_000),
    /** EV/EBITDA ranges: a miner's and a data centre's. */
    miningMultipleLow: multiple('miningMultipleLow'),
    miningMultipleHigh: multiple('miningMultipleHigh'),
    dataCentreMultipleLow: multiple('dataCentreMultipleLow'),
    dataCentreMultipleHigh: multiple('dataCentreMultipleHigh'),
  })
  .superRefine((f, ctx) => {
    if (f.miningMultipleLow > f.miningMultipleHigh)
      ctx.addIssue({ code: 'custom', path: ['miningMultipleHigh'], message: 'miningMultipleHigh must be at least miningMultipleLow' });
    if (f.dataCentreMultipleLow > f.dataCentreMultipleHigh)
      ctx.addIssue({
        code: 'custom',
        path: ['dataCentreMultipleHigh'],
        message: 'dataCentreMultipleHigh must be at least dataCentreMultipleLow',
      });
  });

/** The term input's sections, each validated on its own by the sensitivity grid's cells. */
export const ZTermFields = ZRevenueFields.extend({ term: ZTerm, finance: ZFinance });

export const ZTermInput = ZTermFields.superRefine((input, ctx) => {
  checkScenario(input, ctx);
  const { term } = input;
  const available = availableMw(input.site);
  term.phases.forEach((phase, i) => {
    const facility = phase.contractedItMw * input.site.pue;
    if (available >= 0 && facility > available)
      ctx.addIssue({
        code: 'custom',
        path: ['term', 'phases', i, 'contractedItMw'],
        message: `contractedItMw x PUE (${facility.toFixed(3)} MW) exceeds the interconnection less reserve (${available.toFixed(3)} MW)`,
      });
    if (i > 0 && phase.fromYear <= term.phases[i - 1]!.fromYear)
      ctx.addIssue({ code: 'custom', path: ['term', 'phases', i, 'fromYear'], message: 'phases must be in order of fromYear, one per year' });
  });
  term.fleetRefreshes.forEach((r, i) => {
    if (i > 0 && r.year <= term.fleetRefreshes[i - 1]!.year)
      ctx.addIssue({ code: 'custom', path: ['term', 'fleetRefreshes', i, 'year'], message: 'fleetRefreshes must be in order of year, one per year' });
  });
  const path = term.hashprice;
  if (path.kind === 'series' && parseIsoDate(input.startDate) !== null) {
    const days = daysBetween(input.startDate, addYears(input.startDate, term.years));
    if (path.dailyUsdPerPhDay.length < days)
      ctx.addIssue({
        code: 'custom',
        path: ['term', 'hashprice', 'dailyUsdPerPhDay'],
        message: `expected at least ${days} daily values for a ${term.years}-year term from ${input.startDate}, got ${path.dailyUsdPerPhDay.length}`,
      });
  }
});

export type TTermInput = z.infer<typeof ZTermInput>;
export type TTerm = z.infer<typeof ZTerm>;
export type TFinance = z.infer<typeof ZFinance>;
export type THashpricePath = z.infer<typeof ZHashpricePath>;
