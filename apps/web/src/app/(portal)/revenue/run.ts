// The modeller's runs against the API: the term (with a week of hours), the NPV heatmap around this scenario
// and the tornado, asked together. Shared by the page and the run with an uploaded series (series-action.tsx).
import 'server-only';
import { gql } from '@/lib/session';
import { RevenueTermAllDocument, RevenueTermModelDocument, RevenueTermRiskDocument, type RevenueTermFragment, type UsdRangeFragment } from '@/generated/graphql';

export type Json = Record<string, unknown>;
export type Range = UsdRangeFragment;

/** The term as the pages read it: `inputs` is a JSON scalar (unknown in the generated types), the model's full input object. */
const withInputs = (term: RevenueTermFragment) => ({ ...term, inputs: term.inputs as Json });

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
    const all = await gql(RevenueTermAllDocument, { input, year, week, axes: given, withGrid: true, withTornado });
    return { term: withInputs(all.revenueTermModel), axes: given, grid: all.revenueTermSensitivity ?? null, tornado: all.revenueTermTornado ?? null };
  }
  const term = withInputs((await gql(RevenueTermModelDocument, { input, year, week })).revenueTermModel);
  // With a series there is no level to sweep: the heatmap is left out.
  const axes = sweepAxes(term.inputs);
  const risk = axes || withTornado ? await gql(RevenueTermRiskDocument, { input: term.inputs, axes: axes ?? [], withGrid: axes !== null, withTornado }) : null;
  return { term, axes: axes ?? [], grid: risk?.revenueTermSensitivity ?? null, tornado: risk?.revenueTermTornado ?? null };
}
export type Run = Awaited<ReturnType<typeof runAll>>;

/** The year and week the week chart shows, from the URL or the form. */
export function yearAndWeek(p: Record<string, string | undefined>): { year: number; week: number } {
  return {
    year: Math.max(1, Number.parseInt(p.year ?? '1', 10) || 1),
    week: Math.min(52, Math.max(0, Number.parseInt(p.week ?? '10', 10) || 0)),
  };
}
