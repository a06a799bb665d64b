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
const TERM_QUERY = `query($input: JSON!, $year: Int, $week: Int) { revenueTermModel(input: $input, year: $year, week: $week) {
  years inputs
  yearly { year startDate contractedItMw jPerTh averageHashpriceUsdPerPhDay totals { ${TOTALS} } fleetCapexUsd hostCashFlowUsd tenantCashFlowUsd tenantEffectiveUsdPerKwMonth tenantAllInUsdPerKwMonth }
  totals { ${TOTALS} }
  host { npvUsd irrPercent paybackMonth }
  tenant { npvUsd irrPercent paybackMonth levelisedEffectiveUsdPerKwMonth levelisedAllInUsdPerKwMonth }
  valuation { basisYear ebitdaUsd atMiningMultiple { lowUsd highUsd } atDataCentreMultiple { lowUsd highUsd } uplift { lowUsd highUsd } }
  loadShape { aiOnly { ${SHAPE} } withBackfill { ${SHAPE} } }
  interconnectionUtilisation { withoutBackfill withBackfill }
  hourly { fromHour aiMw miningMw idleMw energyPriceUsdPerMwh } } }`;
const GRID_QUERY = `query($input: JSON!, $axes: [SensitivityAxisInput!]!) { revenueTermSensitivity(input: $input, axes: $axes) { hostNpvUsd tenantNpvUsd } }`;
const TORNADO_QUERY = `query($input: JSON!) { revenueTermTornado(input: $input) { baseHostNpvUsd bars { path low high hostNpvLowUsd hostNpvHighUsd } } }`;

const FACTORS = [0.5, 0.75, 1, 1.25, 1.5];
const around = (v: number) => FACTORS.map((f) => Math.round(v * f * 10) / 10);

export async function runAll(input: Json, year: number, week: number, view: 'host' | 'tenant') {
  const term = (await gql<{ revenueTermModel: Term }>(TERM_QUERY, { input, year, week })).revenueTermModel;
  const full = term.inputs;
  const price = full.energy as { price: { kind: string; usdPerMwh?: number; baseUsdPerMwh?: number } };
  const energyPath = price.price.kind === 'time-of-use' ? 'energy.price.baseUsdPerMwh' : 'energy.price.usdPerMwh';
  const energyNow = price.price.usdPerMwh ?? price.price.baseUsdPerMwh ?? 60;
  const hashNow = (full.market as { hashpriceUsdPerPhDay: number }).hashpriceUsdPerPhDay;
  const axes = [
    { path: 'market.hashpriceUsdPerPhDay', values: around(hashNow) },
    { path: energyPath, values: around(energyNow) },
  ];
  // A series price has no single level to sweep: the heatmap is left out.
  const [grid, tornado] = await Promise.all([
    price.price.kind === 'series' ? null : gql<{ revenueTermSensitivity: { hostNpvUsd: number[]; tenantNpvUsd: number[] } }>(GRID_QUERY, { input: full, axes }),
    // The tornado is the host's NPV: a tenant's view does without it.
    view === 'host' ? gql<{ revenueTermTornado: Tornado }>(TORNADO_QUERY, { input: full }) : null,
  ]);
  return { term, axes, grid: grid?.revenueTermSensitivity ?? null, tornado: tornado?.revenueTermTornado ?? null };
}
export type Run = Awaited<ReturnType<typeof runAll>>;

/** The year and week the week chart shows, from the URL or the form. */
export function yearAndWeek(p: Record<string, string | undefined>): { year: number; week: number } {
  return {
    year: Math.max(1, Number.parseInt(p.year ?? '1', 10) || 1),
    week: Math.min(52, Math.max(0, Number.parseInt(p.week ?? '10', 10) || 0)),
  };
}
