import type { Metadata } from 'next';
import Link from 'next/link';
import { Heatmap, StackedHourChart } from '@/components/charts';
import { SaveScenarioForm } from '@/components/save-scenario-form';
import { GridshareError } from '@gridshare/sdk';
import { fmtNum, fmtPct, fmtUsdCompact } from '@/lib/format';
import { buildInput, ENERGY_PRICES, HASHPRICES, INPUTS, type Params, paramsFromInputs, setPath } from '@/lib/revenue-inputs';
import { gql, requireViewer } from '@/lib/session';
import { saveScenario } from './actions';

export const metadata: Metadata = { title: 'Revenue modeller' };

interface Model {
  totals: { hostEbitdaUsd: number; colocationRevenueUsd: number; miningNetUsd: number; hostShareUsd: number; tenantShareUsd: number; energyCostUsd: number; tenantNetCostUsd: number };
  valuation: { sumOfPartsUsd: number; upliftUsd: number };
  energy: { aiMwh: number; miningMwh: number; idleMwh: number };
  interconnectionUtilisation: { withoutBackfill: number; withBackfill: number };
  loadShape: { aiOnly: { peakToAverage: number; stdDevMw: number; maxRampMw: number }; withBackfill: { peakToAverage: number; stdDevMw: number; maxRampMw: number } };
}

const MODEL = `totals { hostEbitdaUsd colocationRevenueUsd miningNetUsd hostShareUsd tenantShareUsd energyCostUsd tenantNetCostUsd }
  valuation { sumOfPartsUsd upliftUsd } energy { aiMwh miningMwh idleMwh } interconnectionUtilisation { withoutBackfill withBackfill }
  loadShape { aiOnly { peakToAverage stdDevMw maxRampMw } withBackfill { peakToAverage stdDevMw maxRampMw } }`;

async function runModel(input: Record<string, unknown>, week: number) {
  const noBackfill = structuredClone(input);
  setPath(noBackfill, ['mining', 'fleetMw'], 0);
  // Three separate operations keep each under the API's query-cost limit; they run in parallel.
  const [withBf, withoutBf, grid] = await Promise.all([
    gql<{ revenueModel: Model & { hourly: { aiMw: number[]; miningMw: number[]; idleMw: number[]; energyPriceUsdPerMwh: number[] } } }>(
      `query($input: JSON!, $week: Int) { revenueModel(input: $input, week: $week) { ${MODEL} hourly { aiMw miningMw idleMw energyPriceUsdPerMwh } } }`,
      { input, week },
    ),
    gql<{ revenueModel: Model }>(`query($input: JSON!) { revenueModel(input: $input) { ${MODEL} } }`, { input: noBackfill }),
    gql<{ revenueSensitivity: { hostEbitdaUsd: number[] } }>(
      `query($input: JSON!, $axes: [SensitivityAxisInput!]!) { revenueSensitivity(input: $input, axes: $axes) { hostEbitdaUsd } }`,
      { input, axes: [{ path: 'market.hashpriceUsdPerPhDay', values: HASHPRICES }, { path: 'energy.price.usdPerMwh', values: ENERGY_PRICES }] },
    ),
  ]);
  return { withBf: withBf.revenueModel, withoutBf: withoutBf.revenueModel, grid: grid.revenueSensitivity.hostEbitdaUsd };
}

export default async function RevenuePage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireViewer();
  const p = await searchParams;
  const week = Math.min(52, Math.max(0, Number.parseInt(p.week ?? '10', 10) || 0));
  const { input, values } = buildInput(p);
  let result: Awaited<ReturnType<typeof runModel>> | null = null;
  let refusal: { field?: string; message: string } | null = null;
  try {
    result = await runModel(input, week);
  } catch (error) {
    if (!(error instanceof GridshareError) || error.code !== 'BAD_USER_INPUT') throw error;
    const path = error.field?.replace(/^input\./, '') ?? '';
    refusal = { field: INPUTS.find((f) => f.path.join('.') === path)?.name, message: error.message };
  }
  return (
    <>
      <h1>Revenue modeller</h1>
      <p className="muted">One site-year of AI colocation with backfill mining, hour by hour. Defaults are the engine’s house scenario.</p>
      <form className="filters card">
        {INPUTS.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={f.name}>{f.label}</label>
            <input id={f.name} name={f.name} type="number" step="any" defaultValue={values[f.name]} aria-invalid={refusal?.field === f.name ? true : undefined} />
            {refusal?.field === f.name && <small className="field-error" role="alert">{refusal.message.replace(/^[\w.]+: /, '')}</small>}
          </div>
        ))}
        <div className="field">
          <label htmlFor="profile">AI load</label>
          <select id="profile" name="profile" defaultValue={p.profile ?? 'inference'}>
            <option value="inference">Inference (daily cycle)</option>
            <option value="training">Training (jobs and checkpoints)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="week">Week shown (0-52)</label>
          <input id="week" name="week" type="number" min={0} max={52} defaultValue={week} />
        </div>
        {p.siteId && <input type="hidden" name="siteId" value={p.siteId} />}
        {p.dealId && <input type="hidden" name="dealId" value={p.dealId} />}
        <button type="submit">Run model</button>
      </form>
      {refusal && !refusal.field && <p className="form-error" role="alert">{refusal.message}</p>}
      {result && <Results {...result} week={week} />}
      {(p.siteId || p.dealId) && <Scenarios p={p} values={values} />}
    </>
  );
}

interface Scenario { id: string; name: string; savedByCaller: boolean; inputs: unknown; results: { hostEbitdaUsd: number; tenantNetCostUsd: number }; createdAt: string }

/** Saved scenarios of the site or deal the modeller was opened from, and a form to save the one on screen. */
async function Scenarios({ p, values }: { p: Params; values: Record<string, string> }) {
  const context: Record<string, string> = p.siteId ? { siteId: p.siteId } : { dealId: p.dealId ?? '' };
  const data = await gql<{ revenueScenarios: { edges: { node: Scenario }[] } }>(
    'query($siteId: ID, $dealId: ID) { revenueScenarios(siteId: $siteId, dealId: $dealId, first: 20) { edges { node { id name savedByCaller inputs results { hostEbitdaUsd tenantNetCostUsd } createdAt } } } }',
    context,
  );
  const scenarios = data.revenueScenarios.edges.map((e) => e.node);
  return (
    <div className="card" data-testid="scenarios">
      <h2>Saved scenarios for this {p.siteId ? 'site' : 'deal'}</h2>
      <SaveScenarioForm action={saveScenario} fields={{ ...context, ...values, ...(p.profile ? { profile: p.profile } : {}) }} />
      {scenarios.length === 0 ? (
        <div className="empty" style={{ marginTop: 12 }}>No scenario saved yet.</div>
      ) : (
        <table style={{ marginTop: 12 }}>
          <thead><tr><th>Name</th><th>Saved</th><th className="num">Host EBITDA</th><th className="num">Tenant net cost</th><th /></tr></thead>
          <tbody>
            {scenarios.map((sc) => (
              <tr key={sc.id}>
                <td>{sc.name}{!sc.savedByCaller && <span className="muted"> (other party)</span>}</td>
                <td>{sc.createdAt.slice(0, 10)}</td>
                <td className="num">{fmtUsdCompact(sc.results.hostEbitdaUsd)}</td>
                <td className="num">{fmtUsdCompact(sc.results.tenantNetCostUsd)}</td>
                <td><Link href={paramsFromInputs(sc.inputs, context)}>Open</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Results({ withBf, withoutBf, grid, week }: Awaited<ReturnType<typeof runModel>> & { week: number }) {
  const t = withBf.totals;
  const h = (withBf as Model & { hourly: { aiMw: number[]; miningMw: number[]; idleMw: number[]; energyPriceUsdPerMwh: number[] } }).hourly;
  const rows: [string, string, string][] = [
    ['Host EBITDA', fmtUsdCompact(withoutBf.totals.hostEbitdaUsd), fmtUsdCompact(t.hostEbitdaUsd)],
    ['Valuation (sum of parts)', fmtUsdCompact(withoutBf.valuation.sumOfPartsUsd), fmtUsdCompact(withBf.valuation.sumOfPartsUsd)],
    ['Tenant net cost', fmtUsdCompact(withoutBf.totals.tenantNetCostUsd), fmtUsdCompact(t.tenantNetCostUsd)],
    ['Interconnection used', fmtPct(withBf.interconnectionUtilisation.withoutBackfill), fmtPct(withBf.interconnectionUtilisation.withBackfill)],
    ['Load peak-to-average', fmtNum(withBf.loadShape.aiOnly.peakToAverage, 2), fmtNum(withBf.loadShape.withBackfill.peakToAverage, 2)],
    ['Load std. deviation (MW)', fmtNum(withBf.loadShape.aiOnly.stdDevMw), fmtNum(withBf.loadShape.withBackfill.stdDevMw)],
  ];
  return (
    <>
      <div className="cards" data-testid="revenue-totals">
        <div className="kpi"><div className="label">Host EBITDA / year</div><div className="value">{fmtUsdCompact(t.hostEbitdaUsd)}</div></div>
        <div className="kpi"><div className="label">Colocation revenue</div><div className="value">{fmtUsdCompact(t.colocationRevenueUsd)}</div></div>
        <div className="kpi"><div className="label">Mining net</div><div className="value">{fmtUsdCompact(t.miningNetUsd)}</div></div>
        <div className="kpi"><div className="label">Backfill to host / tenant</div><div className="value">{fmtUsdCompact(t.hostShareUsd)} / {fmtUsdCompact(t.tenantShareUsd)}</div></div>
        <div className="kpi"><div className="label">Energy cost</div><div className="value">{fmtUsdCompact(t.energyCostUsd)}</div></div>
      </div>
      <div className="card">
        <h2>Week {week}: hour by hour</h2>
        <div className="legend"><span><i style={{ background: 'var(--ai)' }} />AI MW</span><span><i style={{ background: 'var(--mining)' }} />Mining MW</span><span><i style={{ background: 'var(--idle)' }} />Idle MW</span><span><i style={{ background: 'var(--price)' }} />Energy $/MWh (right axis)</span></div>
        <StackedHourChart ai={h.aiMw} mining={h.miningMw} idle={h.idleMw} price={h.energyPriceUsdPerMwh} title={`AI, mining and idle MW in week ${week}, with the energy price`} />
      </div>
      <div className="row">
        <div className="card">
          <h2>With and without backfill</h2>
          <table data-testid="backfill-comparison">
            <thead><tr><th /><th className="num">AI only</th><th className="num">With backfill</th></tr></thead>
            <tbody>{rows.map(([name, a, b]) => <tr key={name}><td>{name}</td><td className="num">{a}</td><td className="num">{b}</td></tr>)}</tbody>
          </table>
        </div>
        <div className="card">
          <h2>Host EBITDA by hashprice × energy price</h2>
          <Heatmap rows={HASHPRICES} cols={ENERGY_PRICES} values={grid} rowLabel="$/PH/day" colLabel="Energy $/MWh" format={fmtUsdCompact} title="Host EBITDA sensitivity to hashprice and energy price" />
        </div>
      </div>
    </>
  );
}
