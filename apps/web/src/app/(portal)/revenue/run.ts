// The modeller's runs against the API: the term (with a week of hours), the NPV heatmap around this scenario
// and the tornado, asked together. Shared by the page and the run with an uploaded series (series-action.tsx).
import 'server-only';
import { gql } from '@/lib/session';

export type Json = Record<string, unknown>;
interface Totals { hostEbitdaUsd: number; aiSegmentEbitdaUsd: number; miningSegmentEbitdaUsd: number; colocationRevenueUsd: number; miningNetUsd: number; tenantShareUsd: number; tenantNetCostUsd: number; energyPassThroughRevenueUsd: number }
interface Shape { peakToAverage: number; maxRampMw: number; stdDevMw: number; peakMw: number }
interface Term {
  years: number;
  inputs: Json;
  yearly: { year: number; startDate: string; contractedItMw: number; jPerTh: number; averageHashpriceUsdPerPhDay: number; totals: Totals; fleetCapexUsd: number; hostCashFlowUsd: number; tenantCashFlowUsd: number; tenantEffectiveUsdPerKwMonth: number | null; tenantAllInUsdPerKwMonth: number | null }[];
  totals: Totals;
  host: { npvUsd: number; irrPercent: number | null; paybackMonth: number | null };
  tenant: { npvUsd: number; irrPercent: number | null; paybackMonth: number | null; levelisedEffectiveUsdPerKwMonth: number | null; levelisedAllInUsdPerKwMonth: number | null };
  valuation: { basisYear: number; ebitdaUsd: number; atMiningMultiple: Range; atDataCentreMultiple: Range; uplift: Range };
  loadShape: { aiOnly: Shape; withBackfill: Shape };
  interconnectionUtilisation: { withoutBackfill: number; withBackfill: number };
  hourly: { fromHour: number; aiMw: number[]; miningMw: number[]; idleMw: number[]; energyPriceUsdPerMwh: number[] };
}
export interface Range { lowUsd: number; highUsd: number }
interface Tornado { baseHostNpvUsd: number; bars: { path: string; low: number; high: number; hostNpvLowUsd: number; hostNpvHighUsd: number }[] }

const TOTALS = 'hostEbitdaUsd aiSegmentEbitdaUsd miningSegmentEbitdaUsd colocationRevenueUsd miningNetUsd tenantShareUsd tenantNetCostUsd energyPassThroughRevenueUsd';
const SHAPE = 'peakToAverage maxRampMw stdDevMw peakMw';
const TERM_FIELD = `revenueTermModel(input: $input, year: $year, week: $week) {
  years inputs
  yearly { year startDate contractedItMw jPerTh averageHashpriceUsdPerPhDay totals { ${TOTALS} } fleetCapexUsd hostCashFlowUsd tenantCashFlowUsd tenantEffectiveUsdPerKwMonth tenantAllInUsdPerKwMonth }
  totals { ${TOTALS} }
  host { npvUsd irrPercent paybackMonth }
  tenant { npvUsd irrPercent paybackMonth levelisedEffectiveUsdPerKwMonth levelisedAllInUsdPerKwMonth }
  valuation { basisYear ebitdaUsd atMiningMultiple { lowUsd highUsd } atDataCentreMultiple { lowUsd highUsd } uplift { lowUsd highUsd } }
  loadShape { aiOnly { ${SHAPE} } withBackfill { ${SHAPE} } }
  interconnectionUtilisation { withoutBackfill withBackfill }
  hourly { fromHour aiMw miningMw idleMw energyPriceUsdPerMwh } }`;
const GRID_FIELD = 'revenueTermSensitivity(input: $input, axes: $axes) @include(if: $withGrid) { hostNpvUsd tenantNpvUsd }';
const TORNADO_FIELD = 'revenueTermTornado(input: $input) @include(if: $withTornado) { baseHostNpvUsd bars { path low high hostNpvLowUsd hostNpvHighUsd } }';
const TERM_QUERY = `query($input: JSON!, $year: Int, $week: Int) { ${TERM_FIELD} }`;
const RISK_QUERY = `query($input: JSON!, $axes: [SensitivityAxisInput!]!, $withGrid: Boolean!, $withTornado: Boolean!) { ${GRID_FIELD} ${TORNADO_FIELD} }`;
const ALL_QUERY = `query($input: JSON!, $year: Int, $week: Int, $axes: [SensitivityAxisInput!]!, $withGrid: Boolean!, $withTornado: Boolean!) { ${TERM_FIELD} ${GRID_FIELD} ${TORNADO_FIELD} }`;
interface Risk {
  revenueTermSensitivity?: { hostNpvUsd: number[]; tenantNpvUsd: number[] };
  revenueTermTornado?: Tornado;
}

const FACTORS = [0.5, 0.75, 1, 1.25, 1.5];
const around = (v: number) => FACTORS.map((f) => Math.round(v * f * 10) / 10);

/**
 * The heatmap's axes around this scenario's hashprice and energy price; null when the input does not give both,
 * or gives a series (a price series has no level to sweep, and a hashprice series ignores today's hashprice).
 */
function sweepAxes(input: Json): { path: string; values: number[] }[] | null {
  if ((input.term as { hashprice?: { kind?: string } } | undefined)?.hashprice?.kind === 'series') return null;
  const price = (input.energy as { price?: { kind?: string; usdPerMwh?: unknown; baseUsdPerMwh?: unknown } } | undefined)?.price;
  const hashNow = (input.market as { hashpriceUsdPerPhDay?: unknown } | undefined)?.hashpriceUsdPerPhDay;
  const energyPath = price?.kind === 'time-of-use' ? 'energy.price.baseUsdPerMwh' : 'energy.price.usdPerMwh';
  const energyNow = price?.kind === 'time-of-use' ? price.baseUsdPerMwh : price?.usdPerMwh;
  if (typeof hashNow !== 'number' || typeof energyNow !== 'number') return null;
  return [
    { path: 'market.hashpriceUsdPerPhDay', values: around(hashNow) },
    { path: energyPath, values: around(energyNow) },
  ];
}

/**
 * The term, the NPV heatmap and (for the host) the tornado. A submitted form gives the heatmap's centre, so
 * all three go in one request; an entry point's partial input learns it from the term first.
 */
export async function runAll(input: Json, year: number, week: number, view: 'host' | 'tenant') {
  // The tornado is the host's NPV: a tenant's view does without it.
  const withTornado = view === 'host';
  const given = sweepAxes(input);
  if (given) {
    const all = await gql<{ revenueTermModel: Term } & Risk>(ALL_QUERY, { input, year, week, axes: given, withGrid: true, withTornado });
    return { term: all.revenueTermModel, axes: given, grid: all.revenueTermSensitivity ?? null, tornado: all.revenueTermTornado ?? null };
  }
  const term = (await gql<{ revenueTermModel: Term }>(TERM_QUERY, { input, year, week })).revenueTermModel;
  // With a series there is no level to sweep: the heatmap is left out.
  const axes = sweepAxes(term.inputs);
  const risk = axes || withTornado ? await gql<Risk>(RISK_QUERY, { input: term.inputs, axes: axes ?? [], withGrid: axes !== null, withTornado }) : {};
  return { term, axes: axes ?? [], grid: risk.revenueTermSensitivity ?? null, tornado: risk.revenueTermTornado ?? null };
}
export type Run = Awaited<ReturnType<typeof runAll>>;

/** The year and week the week chart shows, from the URL or the form. */
export function yearAndWeek(p: Record<string, string | undefined>): { year: number; week: number } {
  return {
    year: Math.max(1, Number.parseInt(p.year ?? '1', 10) || 1),
    week: Math.min(52, Math.max(0, Number.parseInt(p.week ?? '10', 10) || 0)),
  };
}
