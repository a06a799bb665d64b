// One site-year, hour by hour. AI load comes first; mining fills what the interconnection leaves after the AI
// facility load and the reserve, within the fleet's MW and ramp limits, only in hours it may run, and stops
// for demand-response events. Every hour: aiMw + miningMw + idleMw = availableMw.
//
// Speed: the year's inputs (utilisation, price, demand response) are written into typed arrays first, then
// one loop dispatches and accumulates money and load statistics. Nothing is allocated per hour; with
// `hourly: false` nothing is allocated per year either beyond the result (module scratch buffers are reused,
// which is safe because the function is synchronous).
import { yearCalendar } from './calendar.js';
import { fillDemandResponse, fillEnergyPrice, NO_EVENT } from './energy.js';
import { RevenueInputError } from './errors.js';
import { LoadShapeAccumulator } from './metrics.js';
import { breakEvenEnergyPrice, breakEvenHashprice, hashRevenuePerMwh, miningRevenuePerMwh } from './mining.js';
import { multiplyCents, percentOf, roundCents, splitPool } from './money.js';
import { fillAiUtilisation } from './profiles/index.js';
import { ZRevenueInput, type TRevenueInput } from './schema.js';
import { availableMw } from './site.js';
import type { HourlyOutput, RevenueResult, SimulateOptions } from './types.js';

const MAX_HOURS = 8_784;
// Local bindings for the hot loop: compiled to CommonJS, every use of an imported name is a getter call on
// the module object, which the JIT does not inline (measured: it tripled the time per site-year).
const NONE = NO_EVENT;
/** money.ts's roundCents, local so the JIT inlines it. Sums start at +0, so a -0 here never shows. */
function toCents(usd: number): number {
  const c = usd * 100;
  return c < 0 ? -Math.round(-c) : Math.round(c);
}

let scratch: { ai: Float64Array; price: Float64Array; dr: Float64Array; runLeft: Int32Array } | null = null;
function scratchBuffers() {
  scratch ??= {
    ai: new Float64Array(MAX_HOURS),
    price: new Float64Array(MAX_HOURS),
    dr: new Float64Array(MAX_HOURS),
    runLeft: new Int32Array(MAX_HOURS + 1),
  };
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
  // Utilisation goes into aiMw and is replaced by MW in the loop; the price array is the output itself.
  const ai = out ? out.aiMw : s.ai;
  const price = out ? out.energyPriceUsdPerMwh : s.price;
  const dr = s.dr;
  fillAiUtilisation(ai, cal, input.aiLoad.profile);
  fillEnergyPrice(price, cal, input.energy.price);
  fillDemandResponse(dr, cal, input.energy.demandResponseEvents);

  const { mining, energy, site } = input;
  const available = availableMw(site);
  const facilityMw = input.aiLoad.contractedItMw * site.pue;
  const ownHeadroom = available - facilityMw;
  const grossPerMwh = hashRevenuePerMwh(mining.jPerTh, input.market.hashpriceUsdPerPhDay);
  const netPerMwh = miningRevenuePerMwh(mining.jPerTh, input.market.hashpriceUsdPerPhDay, mining.poolFeePercent);
  const varOpex = mining.variableOpexUsdPerMwh;
  const fleetCap = (mining.fleetMw * mining.uptimePercent) / 100;
  const ramp = mining.rampMwPerHour ?? Number.POSITIVE_INFINITY;
  const minRun = mining.minRunHours;
  const strike = energy.strike;
  const strikeKind = strike.kind === 'none' ? 0 : strike.kind === 'breakeven' ? 1 : 2;
  const strikeCap = strike.kind === 'price-cap' ? strike.maxUsdPerMwh : 0;

  // An hour is eligible when there is no demand-response event and the strike lets mining run.
  const eligible = (h: number): boolean => {
    if (dr[h] !== NONE) return false;
    const p = price[h]!;
    return strikeKind === 0 || (strikeKind === 1 ? netPerMwh - p - varOpex > 0 : p <= strikeCap);
  };
  // Minimum run: a run starts only if it can last minRunHours, so the fleet never mines an hour it should not.
  // runLeft[h] = eligible hours in a row from h; the year's end does not cut a run (it carries on).
  const runLeft = s.runLeft;
  if (minRun > 1) {
    runLeft[n] = minRun;
    for (let h = n - 1; h >= 0; h--) runLeft[h] = eligible(h) ? Math.min(minRun, runLeft[h + 1]! + 1) : 0;
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
  const aiShape = new LoadShapeAccumulator();
  const totalShape = new LoadShapeAccumulator();

  let prevMining = 0;
  let running = false;
  let inEvent = false;
  let baseline = 0;
  for (let h = 0; h < n; h++) {
    const aiMw = facilityMw * ai[h]!;
    const headroom = available - aiMw;
    const p = price[h]!;
    const margin = netPerMwh - p - varOpex;
    const pay = dr[h]!;

    running = eligible(h) && (running || minRun === 1 || runLeft[h]! >= minRun);
    let m = 0;
    if (running) {
      m = prevMining + ramp;
      if (fleetCap < m) m = fleetCap;
      if (headroom < m) m = headroom;
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
    aiShape.push(aiMw);
    totalShape.push(aiMw + m);
    if (out) {
      out.aiMw[h] = aiMw;
      out.miningMw[h] = m;
      out.idleMw[h] = idle;
      out.miningMarginUsdPerMwh[h] = margin;
    }
    prevMining = m;
  }

  const { deal } = input;
  const colocationRevenue = roundCents(deal.colocationUsdPerKwMonth * input.aiLoad.contractedItMw * 1_000 * 12);
  const energyPassThroughRevenue =
    aiEnergy + (deal.energyPassThrough.kind === 'margin' ? percentOf(aiEnergy, deal.energyPassThrough.marginPercent) : 0);
  const poolFees = gross - afterFee;
  const miningEnergyCost = afterFee - opexVar - netOwn - netBackfill;
  const demandResponseIncome = drOwn + drBackfill;
  const miningFixedOpex = roundCents(mining.fixedOpexUsdPerMwYear * mining.fleetMw);
  const miningNet = netOwn + netBackfill + demandResponseIncome - miningFixedOpex;
  const backfillPool = netBackfill + drBackfill;
  const backfillDistributed = backfillPool > 0 ? backfillPool : 0;
  const split = splitPool(backfillDistributed, deal.revenueShare.hostPercent, deal.platformFeePercent);
  const aiNonPowerOpex = roundCents(input.opex.aiNonPowerUsdPerMwItYear * input.aiLoad.contractedItMw);
  const aiSegmentEbitda = colocationRevenue + energyPassThroughRevenue - aiEnergy - aiNonPowerOpex;
  const miningSegmentEbitda = miningNet - split.tenantShare - split.platformFee;
  const hostEbitda = aiSegmentEbitda + miningSegmentEbitda;
  const { miningMultiple, dataCentreMultiple } = input.valuation;
  const atMiningMultiple = multiplyCents(hostEbitda, miningMultiple);
  const atDataCentreMultiple = multiplyCents(hostEbitda, dataCentreMultiple);
  const averageEnergy = priceSum / n;
  const drawnCapacityMwh = site.interconnectionMw * n;

  return {
    startDate: input.startDate,
    endDate: cal.endDate,
    hours: n,
    availableMw: available,
    contractedFacilityMw: facilityMw,
    hostHeadroomMw: ownHeadroom,
    hashRevenueUsdPerMwh: { gross: grossPerMwh, net: netPerMwh },
    breakEven: {
      energyUsdPerMwh: breakEvenEnergyPrice(netPerMwh, varOpex),
      hashpriceUsdPerPhDay: breakEvenHashprice(mining.jPerTh, mining.poolFeePercent, averageEnergy, varOpex),
      averageEnergyUsdPerMwh: averageEnergy,
    },
    totalsCents: {
      colocationRevenue,
      energyPassThroughRevenue,
      aiEnergyCost: aiEnergy,
      miningEnergyCost,
      energyCost: aiEnergy + miningEnergyCost,
      miningGrossRevenue: gross,
      poolFees,
      miningVariableOpex: opexVar,
      miningFixedOpex,
      demandResponseIncome,
      miningNet,
      backfillPool,
      backfillDistributed,
      hostShare: split.hostShare,
      tenantShare: split.tenantShare,
      platformFee: split.platformFee,
      aiNonPowerOpex,
      aiSegmentEbitda,
      miningSegmentEbitda,
      hostEbitda,
      tenantNetCost: colocationRevenue + energyPassThroughRevenue - split.tenantShare,
    },
    valuationCents: {
      atMiningMultiple,
      atDataCentreMultiple,
      uplift: atDataCentreMultiple - atMiningMultiple,
      sumOfParts: multiplyCents(aiSegmentEbitda, dataCentreMultiple) + multiplyCents(miningSegmentEbitda, miningMultiple),
    },
    energyMwh: { ai: aiMwh, mining: miningMwh, backfill: backfillMwh, idle: idleMwh, curtailed: curtailedMwh },
    interconnectionUtilisation: {
      withoutBackfill: aiMwh / drawnCapacityMwh,
      withBackfill: (aiMwh + miningMwh) / drawnCapacityMwh,
    },
    loadShape: { aiOnly: aiShape.result(), withBackfill: totalShape.result() },
    hourly: out,
  };
}
