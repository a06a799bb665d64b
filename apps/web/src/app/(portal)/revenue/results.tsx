// The modeller's results: the host's or the tenant's headline figures, then the views both share (by year,
// the week chart, with and without backfill, the NPV heatmap, the tornado). Rendered by the page, and by the
// run with an uploaded series (series-action.tsx), which replaces them in place.
import { Heatmap, StackedHourChart } from '@/components/charts';
import { CsvLink } from '@/components/csv-link';
import { TornadoChart, YearBars } from '@/components/revenue-charts';
import { fmtNum, fmtPct, fmtUsdCompact } from '@/lib/format';
import type { Json, Range, Run } from './run';

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

const pct = (v: number | null) => (v === null ? '—' : `${fmtNum(v, 1)}%`);
const range = (r: Range) => `${fmtUsdCompact(r.lowUsd)} – ${fmtUsdCompact(r.highUsd)}`;
const perKw = (v: number | null) => (v === null ? '—' : `$${fmtNum(v, 2)}`);
const payback = (m: number | null) => (m === null ? 'not within the term' : m === 0 ? 'no investment' : `month ${m} (${fmtNum(m / 12, 1)} years)`);

/** Everything a run shows, for one party's view. */
export function Results({ run, view, year, week }: { run: Run; view: 'host' | 'tenant'; year: number; week: number }) {
  return (
    <>
      {view === 'tenant' ? <TenantResults run={run} /> : <HostResults run={run} />}
      <SharedResults run={run} view={view} year={year} week={week} />
    </>
  );
}

function HostResults({ run }: { run: Run }) {
  const { host, valuation: v, yearly } = run.term;
  const finance = run.term.inputs.finance as Json;
  const valuationRows: { label: string; multiples?: [number, number]; range: Range }[] = [
    { label: 'As a miner', multiples: [Number(finance.miningMultipleLow), Number(finance.miningMultipleHigh)], range: v.atMiningMultiple },
    { label: 'As a data centre', multiples: [Number(finance.dataCentreMultipleLow), Number(finance.dataCentreMultipleHigh)], range: v.atDataCentreMultiple },
    { label: 'Uplift from the re-rating', range: v.uplift },
  ];
  return (
    <>
      <div className="cards" data-testid="revenue-totals">
        <div className="kpi"><div className="label">Host EBITDA, year 1</div><div className="value" data-testid="ebitda">{fmtUsdCompact(yearly[0]!.totals.hostEbitdaUsd)}</div></div>
        <div className="kpi"><div className="label">Host NPV over the term</div><div className="value">{fmtUsdCompact(host.npvUsd)}</div></div>
        <div className="kpi"><div className="label">Host IRR</div><div className="value">{pct(host.irrPercent)}</div></div>
        <div className="kpi"><div className="label">Payback</div><div className="value">{payback(host.paybackMonth)}</div></div>
      </div>
      <div className="card" data-testid="valuation">
        <div className="actions">
          <h2>Valuation (year {v.basisYear} EBITDA {fmtUsdCompact(v.ebitdaUsd)})</h2>
          <CsvLink name="valuation" header={['Valued as', 'Multiple low', 'Multiple high', 'Low $', 'High $']} rows={valuationRows.map((r) => [r.label, r.multiples?.[0] ?? '', r.multiples?.[1] ?? '', Math.round(r.range.lowUsd), Math.round(r.range.highUsd)])} />
        </div>
        <table>
          <tbody>
            {valuationRows.map((r) => (
              <tr key={r.label}>
                <td>{r.multiples ? `${r.label} (${fmtNum(r.multiples[0])}–${fmtNum(r.multiples[1])}× EV/EBITDA)` : r.label}</td>
                <td className="num">{range(r.range)}</td>
              </tr>
            ))}
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
            <div className="empty">An uploaded price or hashprice series has no single level to sweep.</div>
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
