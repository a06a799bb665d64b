// One site-year, hour by hour (year-kernel.ts), totalled into money lines (year-totals.ts).
import { yearCalendar } from './calendar.js';
import { fillDemandResponse, fillEnergyPrice } from './energy.js';
import { RevenueInputError } from './errors.js';
import { LoadShapeAccumulator } from './metrics.js';
import { breakEvenEnergyPrice, breakEvenHashprice, hashRevenuePerMwh, miningRevenuePerMwh } from './mining.js';
import { multiplyCents } from './money.js';
import { fillAiUtilisation } from './profiles/index.js';
import { ZRevenueInput, type TRevenueInput } from './schema.js';
import { availableMw } from './site.js';
import type { HourlyOutput, RevenueResult, SimulateOptions } from './types.js';
import { runYear, strikeParams, type YearParams } from './year-kernel.js';
import { yearTotals } from './year-totals.js';

const MAX_HOURS = 8_784;
const MAX_DAYS = 367;

let scratch: { ai: Float64Array; price: Float64Array; dr: Float64Array } | null = null;
function scratchBuffers() {
  scratch ??= { ai: new Float64Array(MAX_HOURS), price: new Float64Array(MAX_HOURS), dr: new Float64Array(MAX_HOURS) };
  return scratch;
}

/** Validates with ZRevenueInput; throws RevenueInputError naming every field at fault. */
export function parseRevenueInput(input: unknown): TRevenueInput {
  const parsed = ZRevenueInput.safeParse(input);
  if (!parsed.success) throw RevenueInputError.fromZod(parsed.error);
  return parsed.data;
}

/** Validates the input and simulates one year. Throws RevenueInputError for an invalid input. */
export function simulateRevenue(input: TRevenueInput, options: SimulateOptions = {}): RevenueResult {
  return simulateParsed(parseRevenueInput(input), options.hourly ?? true);
}

/** The year's constants of an input (the term model overrides facility MW, fleet and strike per year). */
export function yearParams(input: TRevenueInput): YearParams {
  const { mining, site } = input;
  return {
    availableMw: availableMw(site),
    facilityMw: input.aiLoad.contractedItMw * site.pue,
    fleetCapMw: (mining.fleetMw * mining.uptimePercent) / 100,
    rampUpMw: mining.rampMwPerHour ?? Number.POSITIVE_INFINITY,
    rampDownMw: mining.rampDownMwPerHour ?? Number.POSITIVE_INFINITY,
    minRunHours: mining.minRunHours,
    ...strikeParams(input.energy.strike),
    variableOpexUsdPerMwh: mining.variableOpexUsdPerMwh,
  };
}

/** The simulation proper, for an input that already passed ZRevenueInput. */
export function simulateParsed(input: TRevenueInput, hourly: boolean): RevenueResult {
  const cal = yearCalendar(input.startDate);
  const n = cal.hours;
  const s = scratchBuffers();
  const out: HourlyOutput | null = hourly
    ? {
        aiMw: new Float64Array(n),
        miningMw: new Float64Array(n),
        idleMw: new Float64Array(n),
        energyPriceUsdPerMwh: new Float64Array(n),
        miningMarginUsdPerMwh: new Float64Array(n),
      }
    : null;
  fillAiUtilisation(s.ai, cal, input.aiLoad.profile);
  fillEnergyPrice(s.price, cal, input.energy.price);
  fillDemandResponse(s.dr, cal, input.energy.demandResponseEvents);

  const { mining, site } = input;
  const hashprice = input.market.hashpriceUsdPerPhDay;
  const grossPerMwh = hashRevenuePerMwh(mining.jPerTh, hashprice);
  const netPerMwh = miningRevenuePerMwh(mining.jPerTh, hashprice, mining.poolFeePercent);
  const params = yearParams(input);
  const shapes = { ai: new LoadShapeAccumulator(), total: new LoadShapeAccumulator() };
  const sums = runYear(
    {
      hours: n,
      ai: s.ai,
      price: s.price,
      dr: s.dr,
      grossPerMwhByDay: new Float64Array(MAX_DAYS).fill(grossPerMwh),
      netPerMwhByDay: new Float64Array(MAX_DAYS).fill(netPerMwh),
    },
    params,
    { prevMining: 0, prevAi: 0, running: false },
    { shapes, hourly: out, offset: 0 },
  );
  const totals = yearTotals(sums, {
    deal: input.deal,
    colocationUsdPerKwMonth: input.deal.colocationUsdPerKwMonth,
    contractedItMw: input.aiLoad.contractedItMw,
    fleetMw: mining.fleetMw,
    fixedOpexUsdPerMwYear: mining.fixedOpexUsdPerMwYear,
    aiNonPowerUsdPerMwItYear: input.opex.aiNonPowerUsdPerMwItYear,
  });
  const { miningMultiple, dataCentreMultiple } = input.valuation;
  const atMiningMultiple = multiplyCents(totals.hostEbitda, miningMultiple);
  const atDataCentreMultiple = multiplyCents(totals.hostEbitda, dataCentreMultiple);
  const averageEnergy = sums.priceSum / n;
  const drawnCapacityMwh = site.interconnectionMw * n;

  return {
    startDate: input.startDate,
    endDate: cal.endDate,
    hours: n,
    availableMw: params.availableMw,
    contractedFacilityMw: params.facilityMw,
    hostHeadroomMw: params.availableMw - params.facilityMw,
    hashRevenueUsdPerMwh: { gross: grossPerMwh, net: netPerMwh },
    breakEven: {
      energyUsdPerMwh: breakEvenEnergyPrice(netPerMwh, mining.variableOpexUsdPerMwh),
      hashpriceUsdPerPhDay: breakEvenHashprice(mining.jPerTh, mining.poolFeePercent, averageEnergy, mining.variableOpexUsdPerMwh),
      averageEnergyUsdPerMwh: averageEnergy,
    },
    totalsCents: totals,
    valuationCents: {
      atMiningMultiple,
      atDataCentreMultiple,
      uplift: atDataCentreMultiple - atMiningMultiple,
      sumOfParts: multiplyCents(totals.aiSegmentEbitda, dataCentreMultiple) + multiplyCents(totals.miningSegmentEbitda, miningMultiple),
    },
    energyMwh: { ai: sums.aiMwh, mining: sums.miningMwh, backfill: sums.backfillMwh, idle: sums.idleMwh, curtailed: sums.curtailedMwh },
    interconnectionUtilisation: {
      withoutBackfill: sums.aiMwh / drawnCapacityMwh,
      withBackfill: (sums.aiMwh + sums.miningMwh) / drawnCapacityMwh,
    },
    loadShape: { aiOnly: shapes.ai.result(), withBackfill: shapes.total.result() },
    hourly: out,
  };
}
