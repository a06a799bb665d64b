import type { Prisma, RevenueScenario } from '@gridshare/db';
import type {
  CentsRange,
  HourlyOutput,
  PartyFinance,
  RevenueResult,
  SensitivityGrid,
  TermResult,
  TermSensitivityGrid,
  Tornado,
  TRevenueInput,
  TTermInput,
} from '@gridshare/revenue';
import { z } from 'zod';
import { centsToUsd } from '../common/units';

/** `{ hostEbitda: 123 }` cents → `{ hostEbitdaUsd: 1.23 }`: every money line, named with its unit. */
export function toTotalsNode<Line extends string>(totalsCents: { readonly [L in Line]: number }): Record<`${Line}Usd`, number> {
  const lines = Object.entries<number>(totalsCents).map(([line, cents]) => [`${line}Usd`, centsToUsd(cents)]);
  return Object.fromEntries(lines) as Record<`${Line}Usd`, number>;
}

/** The GraphQL RevenueResult; `hourly` is sliced on demand from the arrays kept here. */
export function toRevenueResultNode(result: RevenueResult, input: TRevenueInput, weekStartHour: number) {
  const { valuationCents: v, hashRevenueUsdPerMwh: hash, energyMwh: mwh } = result;
  return {
    startDate: result.startDate,
    endDate: result.endDate,
    hours: result.hours,
    availableMw: result.availableMw,
    contractedFacilityMw: result.contractedFacilityMw,
    hostHeadroomMw: result.hostHeadroomMw,
    inputs: input,
    totals: toTotalsNode(result.totalsCents),
    valuation: {
      miningMultiple: input.valuation.miningMultiple,
      dataCentreMultiple: input.valuation.dataCentreMultiple,
      atMiningMultipleUsd: centsToUsd(v.atMiningMultiple),
      atDataCentreMultipleUsd: centsToUsd(v.atDataCentreMultiple),
      upliftUsd: centsToUsd(v.uplift),
      sumOfPartsUsd: centsToUsd(v.sumOfParts),
    },
    breakEven: result.breakEven,
    hashRevenue: { grossUsdPerMwh: hash.gross, netUsdPerMwh: hash.net },
    energy: { aiMwh: mwh.ai, miningMwh: mwh.mining, backfillMwh: mwh.backfill, idleMwh: mwh.idle, curtailedMwh: mwh.curtailed },
    interconnectionUtilisation: result.interconnectionUtilisation,
    loadShape: result.loadShape,
    weekStartHour,
    hourlyOutput: result.hourly,
  };
}
export type RevenueResultNode = ReturnType<typeof toRevenueResultNode>;

/** Hours [from, to) of each series, as plain arrays (GraphQL lists, not typed arrays). */
export function toHourlyNode(output: HourlyOutput, from: number, to: number) {
  const window = (series: Float64Array) => Array.from(series.subarray(from, to));
  return {
    fromHour: from,
    hours: to - from,
    aiMw: window(output.aiMw),
    miningMw: window(output.miningMw),
    idleMw: window(output.idleMw),
    energyPriceUsdPerMwh: window(output.energyPriceUsdPerMwh),
    miningMarginUsdPerMwh: window(output.miningMarginUsdPerMwh),
  };
}

export function toSensitivityNode(grid: SensitivityGrid) {
  return {
    axes: grid.axes.map((axis) => ({ path: axis.path, values: [...axis.values] })),
    shape: [...grid.shape],
    hostEbitdaUsd: Array.from(grid.hostEbitdaCents, (cents) => centsToUsd(cents)),
  };
}

/** What a scenario keeps of a result: every yearly figure, not the hourly arrays. */
export function toStoredResults(result: RevenueResult): Prisma.InputJsonValue {
  const { hourly: _hourly, ...yearly } = result;
  return toJsonColumn(yearly);
}

/** Engine types are plain JSON data but lack the index signatures Prisma's Json types want. */
export function toJsonColumn(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

// Read back defensively: a row written by an older engine fails loudly here, not as a half-filled answer.
const ZStoredResults = z.object({ totalsCents: z.record(z.string(), z.number()) });

export function toScenarioNode(row: RevenueScenario, callerOrgId: string) {
  return {
    id: row.id,
    name: row.name,
    siteId: row.siteId,
    dealId: row.dealId,
    savedByCaller: row.orgId === callerOrgId,
    inputs: row.inputs,
    results: toTotalsNode(ZStoredResults.parse(row.results).totalsCents),
    createdAt: row.createdAt,
  };
}
export type ScenarioNode = ReturnType<typeof toScenarioNode>;

const usdRange = (r: CentsRange) => ({ lowUsd: centsToUsd(r.low), highUsd: centsToUsd(r.high) });
const partyNode = (p: PartyFinance) => ({
  cashFlowsUsd: p.cashFlowsCents.map(centsToUsd),
  npvUsd: centsToUsd(p.npvCents),
  irrPercent: p.irrPercent,
  paybackMonth: p.paybackMonth,
});

/** The GraphQL RevenueTermResult; `hourly` is sliced on demand from the term's arrays kept here. */
export function toTermResultNode(result: TermResult, input: TTermInput, windowStartHour: number) {
  return {
    startDate: result.startDate,
    endDate: result.endDate,
    years: result.years,
    hours: result.hours,
    inputs: input,
    yearly: result.yearly.map((y) => ({
      year: y.year,
      startDate: y.startDate,
      endDate: y.endDate,
      hours: y.hours,
      contractedItMw: y.contractedItMw,
      colocationUsdPerKwMonth: y.colocationUsdPerKwMonth,
      energyPriceFactor: y.energyPriceFactor,
      jPerTh: y.jPerTh,
      averageHashpriceUsdPerPhDay: y.averageHashpriceUsdPerPhDay,
      totals: toTotalsNode(y.totalsCents),
      fleetCapexUsd: centsToUsd(y.fleetCapexCents),
      hostCashFlowUsd: centsToUsd(y.hostCashFlowCents),
      tenantValueUsd: centsToUsd(y.tenantValueCents),
      tenantCashFlowUsd: centsToUsd(y.tenantCashFlowCents),
      tenantEffectiveUsdPerKwMonth: y.tenantEffectiveUsdPerKwMonth,
      tenantAllInUsdPerKwMonth: y.tenantAllInUsdPerKwMonth,
      energy: { aiMwh: y.energyMwh.ai, miningMwh: y.energyMwh.mining, backfillMwh: y.energyMwh.backfill, idleMwh: y.energyMwh.idle, curtailedMwh: 0 },
    })),
    totals: toTotalsNode(result.totalsCents),
    host: partyNode(result.host),
    tenant: {
      ...partyNode(result.tenant),
      levelisedEffectiveUsdPerKwMonth: result.tenant.levelisedEffectiveUsdPerKwMonth,
      levelisedAllInUsdPerKwMonth: result.tenant.levelisedAllInUsdPerKwMonth,
    },
    valuation: {
      basisYear: result.valuation.basisYear,
      ebitdaUsd: centsToUsd(result.valuation.ebitdaCents),
      atMiningMultiple: usdRange(result.valuation.atMiningMultiple),
      atDataCentreMultiple: usdRange(result.valuation.atDataCentreMultiple),
      uplift: usdRange(result.valuation.uplift),
    },
    loadShape: result.loadShape,
    interconnectionUtilisation: result.interconnectionUtilisation,
    weekStartHour: windowStartHour,
    hourlyOutput: result.hourly,
  };
}
export type TermResultNode = ReturnType<typeof toTermResultNode>;

export function toTermSensitivityNode(grid: TermSensitivityGrid) {
  return {
    axes: grid.axes.map((axis) => ({ path: axis.path, values: [...axis.values] })),
    shape: [...grid.shape],
    hostNpvUsd: Array.from(grid.hostNpvCents, centsToUsd),
    tenantNpvUsd: Array.from(grid.tenantNpvCents, centsToUsd),
  };
}

export function toTornadoNode(tornado: Tornado) {
  return {
    baseHostNpvUsd: centsToUsd(tornado.baseHostNpvCents),
    bars: tornado.bars.map((b) => ({
      path: b.path,
      base: b.base,
      low: b.low,
      high: b.high,
      hostNpvLowUsd: centsToUsd(b.hostNpvLowCents),
      hostNpvHighUsd: centsToUsd(b.hostNpvHighCents),
      swingUsd: centsToUsd(b.swingCents),
    })),
  };
}
