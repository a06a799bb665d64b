import type { Metadata } from 'next';
import Link from 'next/link';
import { BusyForm } from '@/components/busy-form';
import { Heatmap, StackedHourChart } from '@/components/charts';
import { CsvLink } from '@/components/csv-link';
import { TornadoChart, YearBars } from '@/components/revenue-charts';
import { SaveScenarioForm } from '@/components/save-scenario-form';
import { GridshareError } from '@gridshare/sdk';
import { fmtNum, fmtPct, fmtUsdCompact } from '@/lib/format';
import { buildInput, FIELDS, fieldForError, GROUPS, isSubmitted, type Params, paramsFromInputs, valuesFromInput, yearPart } from '@/lib/revenue-inputs';
import { gql, requireViewer } from '@/lib/session';
import { saveScenario } from './actions';
import { RevenueDefaultsDocument, SavedScenariosDocument, RevenueTermModelDocument, RevenueTermSensitivityDocument, RevenueTermTornadoDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Revenue modeller' };

type Json = Record<string, unknown>;
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
interface Range { lowUsd: number; highUsd: number }
interface Adjustment { field: string; constraint: string; given: number; proposed: number }

const FACTORS = [0.5, 0.75, 1, 1.25, 1.5];
const around = (v: number) => FACTORS.map((f) => Math.round(v * f * 10) / 10);
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const TORNADO_LABELS: Record<string, string> = {
  'market.hashpriceUsdPerPhDay': 'Hashprice today',
  'energy.price.usdPerMwh': 'Energy price',
  'energy.price.baseUsdPerMwh': 'Energy base price',
  'aiLoad.profile.peakUtilisation': 'AI peak utilisation',
  'aiLoad.profile.busyUtilisation': 'AI busy utilisation',
  'aiLoad.profile.utilisation': 'AI utilisation',
  'term.hashprice.difficultyGrowthPercentPerYear': 'Difficulty growth %/yr',
  'deal.revenueShare.hostPercent': 'Host share of backfill %',
  'deal.colocationUsdPerKwMonth': 'Colocation $/kW-month',
  'finance.discountRatePercent': 'Discount rate %',
};

async function runAll(input: Json, year: number, week: number, view: 'host' | 'tenant') {
  const model = (await gql(RevenueTermModelDocument, { input, year, week })).revenueTermModel;
  // A JSON scalar arrives as unknown; the model answers with its full input object.
  const term: Term = { ...model, inputs: model.inputs as Json };
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
    price.price.kind === 'series' ? null : gql(RevenueTermSensitivityDocument, { input: full, axes }),
    // The tornado is the host's NPV: a tenant's view does without it.
    view === 'host' ? gql(RevenueTermTornadoDocument, { input: full }) : null,
  ]);
  return { term, axes, grid: grid?.revenueTermSensitivity ?? null, tornado: tornado?.revenueTermTornado ?? null };
}
type Run = Awaited<ReturnType<typeof runAll>>;

export default async function RevenuePage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireViewer();
  const p = await searchParams;
  const context: Record<string, string> = Object.fromEntries((['siteId', 'blockId', 'dealId'] as const).filter((k) => p[k]).map((k) => [k, p[k]!]));
  const year = Math.max(1, Number.parseInt(p.year ?? '1', 10) || 1);
  const week = Math.min(52, Math.max(0, Number.parseInt(p.week ?? '10', 10) || 0));
  const view = p.view === 'tenant' || p.view === 'host' ? p.view : viewer.organization?.kind === 'TENANT' ? 'tenant' : 'host';

  let base: Json = {};
  let opened: { source: string; adjustments: Adjustment[] } | null = null;
  if (isSubmitted(p)) base = buildInput(p);
  else if (Object.keys(context).length > 0) {
    const d = (await gql(RevenueDefaultsDocument, context)).revenueDefaults;
    base = d.input as Json;
    opened = { source: d.source, adjustments: d.adjustments };
  }

  let run: Run | null = null;
  let refusal: { field?: string; message: string } | null = null;
  try {
    run = await runAll(base, year, week, view);
  } catch (error) {
    if (!(error instanceof GridshareError) || error.code !== 'BAD_USER_INPUT') throw error;
    refusal = { field: fieldForError(error.field)?.name, message: error.message };
  }
  // The form shows the input that ran (every default filled), or what was typed when it was refused.
  const values: Record<string, string> = run ? valuesFromInput(run.term.inputs) : Object.fromEntries(FIELDS.map((f) => [f.name, p[f.name] ?? '']));

  return (
    <>
      <h1>Revenue modeller</h1>
      <p className="muted">
        A deal’s whole term hour by hour: AI colocation with backfill mining, a hashprice path with halvings, escalators, fleet refreshes, and each party’s NPV, IRR and payback.
      </p>
      <div className="tabs" role="tablist" aria-label="Whose view">
        {(['host', 'tenant'] as const).map((v) => (
          <Link key={v} role="tab" aria-selected={view === v} className={view === v ? 'active' : undefined} href={`/revenue?${new URLSearchParams({ ...p, view: v } as Record<string, string>)}`}>
            {v === 'host' ? 'Host view' : 'Tenant view'}
          </Link>
        ))}
      </div>
      {opened && opened.adjustments.length > 0 && (
        <div className="notice" role="status" data-testid="adjustments">
          <strong>Opened from {opened.source}, adjusted to fit:</strong>
          <ul>
            {opened.adjustments.map((a) => (
              <li key={a.field}>
                {a.constraint}: {a.field} {fmtNum(a.given, 3)} → {fmtNum(a.proposed, 3)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <BusyForm action="/revenue" label="Run model" busyLabel="Running…">
        <input type="hidden" name="run" value="1" />
        {Object.entries(context).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <input type="hidden" name="view" value={view} />
        <div className="field-groups">
          {GROUPS.map((group) => (
            <fieldset key={group} className="filters">
              <legend>{group}</legend>
              {FIELDS.filter((f) => f.group === group).map((f) => (
                <div className="field" key={f.name}>
                  <label htmlFor={f.name}>{f.unit ? `${f.label} (${f.unit})` : f.label}</label>
                  {f.options ? (
                    <select id={f.name} name={f.name} defaultValue={values[f.name]}>
                      {f.options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
                    </select>
                  ) : (
                    <input id={f.name} name={f.name} type={f.name === 'halvingDates' ? 'text' : 'number'} step="any" defaultValue={values[f.name]} aria-invalid={refusal?.field === f.name ? true : undefined} />
                  )}
                  {refusal?.field === f.name && <small className="field-error" role="alert">{refusal.message.replace(/^[\w.]+: /, '')}</small>}
                </div>
              ))}
            </fieldset>
          ))}
          <fieldset className="filters">
            <legend>Week chart</legend>
            <div className="field">
              <label htmlFor="year">Year of the term</label>
              <input id="year" name="year" type="number" min={1} max={30} defaultValue={year} />
            </div>
            <div className="field">
              <label htmlFor="week">Week shown (0-52)</label>
              <input id="week" name="week" type="number" min={0} max={52} defaultValue={week} />
            </div>
          </fieldset>
        </div>
      </BusyForm>
      {refusal && !refusal.field && <p className="form-error" role="alert">{refusal.message}</p>}
      {run && (view === 'tenant' ? <TenantResults run={run} /> : <HostResults run={run} />)}
      {run && <SharedResults run={run} view={view} year={year} week={week} />}
      {(context.siteId || context.dealId) && run && <Scenarios context={context} inputs={yearPart(run.term.inputs)} view={view} />}
    </>
  );
}

const pct = (v: number | null) => (v === null ? '—' : `${fmtNum(v, 1)}%`);
const range = (r: Range) => `${fmtUsdCompact(r.lowUsd)} – ${fmtUsdCompact(r.highUsd)}`;
const perKw = (v: number | null) => (v === null ? '—' : `$${fmtNum(v, 2)}`);
const payback = (m: number | null) => (m === null ? 'not within the term' : m === 0 ? 'no investment' : `month ${m} (${fmtNum(m / 12, 1)} years)`);

function HostResults({ run }: { run: Run }) {
  const { host, valuation: v, yearly } = run.term;
  return (
    <>
      <div className="cards" data-testid="revenue-totals">
        <div className="kpi"><div className="label">Host EBITDA, year 1</div><div className="value" data-testid="ebitda">{fmtUsdCompact(yearly[0]!.totals.hostEbitdaUsd)}</div></div>
        <div className="kpi"><div className="label">Host NPV over the term</div><div className="value">{fmtUsdCompact(host.npvUsd)}</div></div>
        <div className="kpi"><div className="label">Host IRR</div><div className="value">{pct(host.irrPercent)}</div></div>
        <div className="kpi"><div className="label">Payback</div><div className="value">{payback(host.paybackMonth)}</div></div>
      </div>
      <div className="card" data-testid="valuation">
        <h2>Valuation (year {v.basisYear} EBITDA {fmtUsdCompact(v.ebitdaUsd)})</h2>
        <table>
          <tbody>
            <tr><td>As a miner ({fmtNum(Number((run.term.inputs.finance as Json).miningMultipleLow))}–{fmtNum(Number((run.term.inputs.finance as Json).miningMultipleHigh))}× EV/EBITDA)</td><td className="num">{range(v.atMiningMultiple)}</td></tr>
            <tr><td>As a data centre ({fmtNum(Number((run.term.inputs.finance as Json).dataCentreMultipleLow))}–{fmtNum(Number((run.term.inputs.finance as Json).dataCentreMultipleHigh))}× EV/EBITDA)</td><td className="num">{range(v.atDataCentreMultiple)}</td></tr>
            <tr><td>Uplift from the re-rating</td><td className="num">{range(v.uplift)}</td></tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

function TenantResults({ run }: { run: Run }) {
  const { tenant, yearly, totals } = run.term;
  return (
    <div className="cards" data-testid="tenant-totals">
      <div className="kpi"><div className="label">Effective cost per kW-month, levelised (after backfill credit)</div><div className="value" data-testid="tenant-effective">{perKw(tenant.levelisedEffectiveUsdPerKwMonth)}</div></div>
      <div className="kpi"><div className="label">Year 1 effective cost per kW-month</div><div className="value">{perKw(yearly[0]!.tenantEffectiveUsdPerKwMonth)}</div></div>
      <div className="kpi"><div className="label">All-in incl. energy, levelised</div><div className="value">{perKw(tenant.levelisedAllInUsdPerKwMonth)}</div></div>
      <div className="kpi"><div className="label">Backfill credit over the term</div><div className="value">{fmtUsdCompact(totals.tenantShareUsd)}</div></div>
      <div className="kpi"><div className="label">Tenant NPV{tenant.irrPercent === null ? ' (costs)' : ''}</div><div className="value">{fmtUsdCompact(tenant.npvUsd)}</div></div>
    </div>
  );
}

function SharedResults({ run, view, year, week }: { run: Run; view: 'host' | 'tenant'; year: number; week: number }) {
  const { term, grid, axes, tornado } = run;
  const years = term.yearly.map((y) => y.year);
  const h = term.hourly;
  const yearStart = term.yearly[Math.min(year, term.years) - 1]!.startDate;
  const firstDay = Date.parse(`${yearStart}T00:00:00Z`);
  const dayLabels = Array.from({ length: 7 }, (_, d) => {
    const date = new Date(firstDay + (week * 7 + d) * 86_400_000);
    return `${DAY_NAMES[date.getUTCDay()]} ${date.getUTCDate()}/${date.getUTCMonth() + 1}`;
  });
  const s = term.loadShape;
  const u = term.interconnectionUtilisation;
  const comparison: [string, string, string][] = [
    ['Peak-to-average', fmtNum(s.aiOnly.peakToAverage, 2), fmtNum(s.withBackfill.peakToAverage, 2)],
    ['Largest hourly ramp (MW)', fmtNum(s.aiOnly.maxRampMw), fmtNum(s.withBackfill.maxRampMw)],
    ['Std. deviation (MW)', fmtNum(s.aiOnly.stdDevMw), fmtNum(s.withBackfill.stdDevMw)],
    ['Interconnection used', fmtPct(u.withoutBackfill), fmtPct(u.withBackfill)],
  ];
  const yearRows =
    view === 'tenant'
      ? term.yearly.map((y) => [y.year, y.startDate, y.contractedItMw, Math.round(y.totals.colocationRevenueUsd), Math.round(y.totals.tenantShareUsd), Math.round(y.totals.tenantNetCostUsd), y.tenantEffectiveUsdPerKwMonth?.toFixed(2) ?? ''])
      : term.yearly.map((y) => [y.year, y.startDate, y.contractedItMw, y.jPerTh, y.averageHashpriceUsdPerPhDay.toFixed(2), Math.round(y.totals.aiSegmentEbitdaUsd), Math.round(y.totals.miningSegmentEbitdaUsd), Math.round(y.totals.hostEbitdaUsd), Math.round(y.fleetCapexUsd), Math.round(y.hostCashFlowUsd)]);
  const yearHeader =
    view === 'tenant'
      ? ['Year', 'Starts', 'IT MW', 'Colocation $', 'Backfill credit $', 'Net cost $', 'Effective $/kW-month']
      : ['Year', 'Starts', 'IT MW', 'J/TH', 'Hashprice $/PH/day', 'AI segment EBITDA $', 'Mining segment EBITDA $', 'Host EBITDA $', 'Fleet capex $', 'Host cash flow $'];
  const npv = grid ? (view === 'tenant' ? grid.tenantNpvUsd : grid.hostNpvUsd) : null;
  return (
    <>
      <div className="card">
        <div className="actions"><h2>By year</h2><CsvLink name="revenue-by-year" header={yearHeader} rows={yearRows} /></div>
        {view === 'tenant' ? (
          <YearBars years={years} title="Tenant cost by year: colocation less backfill credit, energy pass-through" series={[
            { label: 'Colocation less credit', colour: 'var(--ai)', values: term.yearly.map((y) => y.totals.colocationRevenueUsd - y.totals.tenantShareUsd) },
            { label: 'Energy pass-through', colour: 'var(--price)', values: term.yearly.map((y) => y.totals.energyPassThroughRevenueUsd) },
          ]} />
        ) : (
          <YearBars years={years} title="Host EBITDA by year: AI segment and mining segment" series={[
            { label: 'AI segment EBITDA', colour: 'var(--ai)', values: term.yearly.map((y) => y.totals.aiSegmentEbitdaUsd) },
            { label: 'Mining segment EBITDA', colour: 'var(--mining)', values: term.yearly.map((y) => y.totals.miningSegmentEbitdaUsd) },
          ]} />
        )}
        <div className="legend">
          {view === 'tenant' ? (
            <><span><i style={{ background: 'var(--ai)' }} />Colocation less backfill credit</span><span><i style={{ background: 'var(--price)' }} />Energy pass-through</span></>
          ) : (
            <><span><i style={{ background: 'var(--ai)' }} />AI segment EBITDA</span><span><i style={{ background: 'var(--mining)' }} />Mining segment EBITDA</span></>
          )}
        </div>
        <table data-testid="by-year">
          <thead><tr>{yearHeader.map((c) => <th key={c} className={c === 'Year' || c === 'Starts' ? undefined : 'num'}>{c}</th>)}</tr></thead>
          <tbody>{yearRows.map((row) => <tr key={String(row[0])}>{row.map((c, i) => <td key={i} className={i < 2 ? undefined : 'num'}>{typeof c === 'number' && i > 2 ? fmtNum(c, 0) : c}</td>)}</tr>)}</tbody>
        </table>
      </div>
      <div className="card">
        <h2>Year {Math.min(year, term.years)}, week {week}: hour by hour</h2>
        <div className="legend"><span><i style={{ background: 'var(--ai)' }} />AI MW</span><span><i style={{ background: 'var(--mining)' }} />Mining MW</span><span><i style={{ background: 'var(--idle)' }} />Idle MW</span><span><i style={{ background: 'var(--price)' }} />Energy $/MWh (right axis)</span></div>
        <StackedHourChart ai={h.aiMw} mining={h.miningMw} idle={h.idleMw} price={h.energyPriceUsdPerMwh} dayLabels={dayLabels} title={`AI, mining and idle MW in year ${year} week ${week}, with the energy price`} />
      </div>
      <div className="row">
        <div className="card">
          <div className="actions"><h2>With and without backfill (whole term)</h2><CsvLink name="backfill-comparison" header={['', 'AI only', 'With backfill']} rows={comparison} /></div>
          <table data-testid="backfill-comparison">
            <thead><tr><th /><th className="num">AI only</th><th className="num">With backfill</th></tr></thead>
            <tbody>{comparison.map(([name, a, b]) => <tr key={name}><td>{name}</td><td className="num">{a}</td><td className="num">{b}</td></tr>)}</tbody>
          </table>
        </div>
        <div className="card">
          <h2>{view === 'tenant' ? 'Tenant' : 'Host'} NPV by hashprice × energy price</h2>
          {npv ? (
            <>
              <Heatmap rows={axes[0]!.values} cols={axes[1]!.values} values={npv} rowLabel="$/PH/day" colLabel="Energy $/MWh" format={fmtUsdCompact} mark={{ row: 2, col: 2 }} title={`${view === 'tenant' ? 'Tenant' : 'Host'} NPV sensitivity to hashprice and energy price`} />
              <CsvLink name="npv-sensitivity" header={['$/PH/day', ...axes[1]!.values.map(String)]} rows={axes[0]!.values.map((r, i) => [r, ...axes[1]!.values.map((_c, j) => Math.round(npv[i * axes[1]!.values.length + j]!))])} />
            </>
          ) : (
            <div className="empty">An uploaded price series has no single level to sweep.</div>
          )}
        </div>
      </div>
      {tornado && (
        <div className="card">
          <div className="actions"><h2>What moves host NPV most (one input at a time)</h2><CsvLink name="tornado" header={['Input', 'Low', 'High', 'Host NPV at low $', 'Host NPV at high $']} rows={tornado.bars.map((b) => [b.path, b.low, b.high, Math.round(b.hostNpvLowUsd), Math.round(b.hostNpvHighUsd)])} /></div>
          <TornadoChart base={tornado.baseHostNpvUsd} title="Tornado: host NPV at the low and high value of each input" rows={tornado.bars.map((b) => ({ label: TORNADO_LABELS[b.path] ?? b.path, low: b.hostNpvLowUsd, high: b.hostNpvHighUsd, lowLabel: fmtNum(b.low, 2), highLabel: fmtNum(b.high, 2) }))} />
        </div>
      )}
    </>
  );
}

/** Saved scenarios of the site or deal the modeller was opened from, and a form to save the one on screen (its one-year part). */
async function Scenarios({ context, inputs, view }: { context: Record<string, string>; inputs: Json; view: 'host' | 'tenant' }) {
  const subject: Record<string, string> = context.siteId ? { siteId: context.siteId } : { dealId: context.dealId ?? '' };
  const data = await gql(
    SavedScenariosDocument,
    subject,
  );
  const scenarios = data.revenueScenarios.edges.map((e) => e.node);
  return (
    <div className="card" data-testid="scenarios">
      <h2>Saved scenarios for this {context.siteId ? 'site' : 'deal'}</h2>
      <p className="muted">A scenario keeps the one-year inputs (what a deal’s parties sign); the term and finance settings stay in the link.</p>
      <SaveScenarioForm action={saveScenario} fields={{ ...subject, inputs: JSON.stringify(inputs) }} />
      {scenarios.length === 0 ? (
        <div className="empty" style={{ marginTop: 12 }}>No scenario saved yet.</div>
      ) : (
        <table style={{ marginTop: 12 }}>
          <thead><tr><th>Name</th><th>Saved</th>{view === 'host' && <th className="num">Year-1 host EBITDA</th>}<th className="num">Year-1 tenant net cost</th><th /></tr></thead>
          <tbody>
            {scenarios.map((sc) => (
              <tr key={sc.id}>
                <td>{sc.name}{!sc.savedByCaller && <span className="muted"> (other party)</span>}</td>
                <td>{sc.createdAt.slice(0, 10)}</td>
                {view === 'host' && <td className="num">{fmtUsdCompact(sc.results.hostEbitdaUsd)}</td>}
                <td className="num">{fmtUsdCompact(sc.results.tenantNetCostUsd)}</td>
                <td><Link href={paramsFromInputs(sc.inputs, subject)}>Open</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
