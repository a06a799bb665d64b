import type { Metadata } from 'next';
import Link from 'next/link';
import { BusyForm } from '@/components/busy-form';
import { CsvLink } from '@/components/csv-link';
import { SaveScenarioForm } from '@/components/save-scenario-form';
import { GridshareError } from '@gridshare/sdk';
import { fmtNum, fmtUsdCompact } from '@/lib/format';
import { buildInput, FIELDS, fieldForError, GROUPS, isSubmitted, type Params, paramsFromInputs, valuesFromInput, yearPart } from '@/lib/revenue-inputs';
import { gql, requireViewer } from '@/lib/session';
import { saveScenario } from './actions';
import { Results } from './results';
import { type Json, type Run, runAll, yearAndWeek } from './run';
import { SeriesResults, SeriesRunProvider, SeriesUpload } from './series';
import { runWithSeries } from './series-action';
import { RevenueDefaultsDocument, SavedScenariosDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Revenue modeller' };

interface Adjustment { field: string; constraint: string; given: number; proposed: number }

export default async function RevenuePage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireViewer();
  const p = await searchParams;
  const context: Record<string, string> = Object.fromEntries((['siteId', 'blockId', 'dealId'] as const).filter((k) => p[k]).map((k) => [k, p[k]!]));
  const { year, week } = yearAndWeek(p);
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
    <SeriesRunProvider>
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
      <BusyForm action="/revenue" label="Run model" busyLabel="Running…" status="Re-running the model…">
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
                    <input id={f.name} name={f.name} type={f.name === 'startDate' ? 'date' : f.name === 'halvingDates' ? 'text' : 'number'} step="any" defaultValue={values[f.name]} aria-invalid={refusal?.field === f.name ? true : undefined} />
                  )}
                  {refusal?.field === f.name && <small className="field-error" role="alert">{refusal.message.replace(/^[\w.]+: /, '')}</small>}
                </div>
              ))}
            </fieldset>
          ))}
          <SeriesUpload run={runWithSeries} />
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
      <SeriesResults>{run && <Results run={run} view={view} year={year} week={week} />}</SeriesResults>
      {(context.siteId || context.dealId) && run && <Scenarios context={context} inputs={yearPart(run.term.inputs)} view={view} />}
    </SeriesRunProvider>
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
      <div className="actions">
        <h2>Saved scenarios for this {context.siteId ? 'site' : 'deal'}</h2>
        {scenarios.length > 0 && (
          <CsvLink
            name="revenue-scenarios"
            header={['Name', 'Saved', 'Saved by', ...(view === 'host' ? ['Year-1 host EBITDA $'] : []), 'Year-1 tenant net cost $']}
            rows={scenarios.map((sc) => [sc.name, sc.createdAt.slice(0, 10), sc.savedByCaller ? 'you' : 'other party', ...(view === 'host' ? [Math.round(sc.results.hostEbitdaUsd)] : []), Math.round(sc.results.tenantNetCostUsd)])}
          />
        )}
      </div>
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
