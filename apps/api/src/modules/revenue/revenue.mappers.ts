import type { Prisma, RevenueScenario } from '@gridshare/db';
import type { HourlyOutput, RevenueResult, SensitivityGrid, TRevenueInput } from '@gridshare/revenue';
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
