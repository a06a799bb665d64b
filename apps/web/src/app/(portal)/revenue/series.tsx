'use client';
// An uploaded series for the modeller: the energy price or AI utilisation hour by hour, or the hashprice day by
// day. The file is checked here, line by line, with the SDK's parser; a file with a bad line is refused by line
// and field and nothing is sent. A good one runs the scenario in the form with the series in place of the price,
// the AI profile or the hashprice path (series-action.tsx), and its results replace the page's until the form
// is run again: 8,760 values do not fit in the page's URL.
import { useSearchParams } from 'next/navigation';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState, useTransition } from 'react';
import { parseSeriesCsv, type SeriesCsvKind } from '@gridshare/sdk/series-csv';
import { ErrorList, type RowError } from '@/components/csv-upload';
import type { SeriesOutcome } from './series-action';

type Shown = { node: ReactNode; caption: string } | null;
const SeriesResultsContext = createContext<{ shown: Shown; show: (shown: Shown) => void }>({ shown: null, show: () => undefined });

/** Holds the results of a run with a series; a new URL (the form run again) drops them. */
export function SeriesRunProvider({ children }: { children: ReactNode }) {
  const [shown, show] = useState<Shown>(null);
  const params = useSearchParams();
  useEffect(() => show(null), [params]);
  return <SeriesResultsContext.Provider value={{ shown, show }}>{children}</SeriesResultsContext.Provider>;
}

/** The page's results, or those of the run with the uploaded series. */
export function SeriesResults({ children }: { children: ReactNode }) {
  const { shown } = useContext(SeriesResultsContext);
  if (!shown) return children;
  return (
    <>
      <p className="notice" role="status" data-testid="series-run">{shown.caption}</p>
      {shown.node}
    </>
  );
}

/** Hours (days) in `years` years from `startDate` (YYYY-MM-DD): a year spanning a 29 February has 8,784 hours. */
function lengthFrom(startDate: string, years: number, unitMs: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (!match || !Number.isInteger(years) || years < 1) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return (Date.UTC(y + years, m, d) - Date.UTC(y, m, d)) / unitMs;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'refused'; message: string; errors: RowError[] };

const KINDS: Record<SeriesCsvKind, { option: string; what: string }> = {
  price: { option: 'Energy price ($/MWh), one per hour', what: 'energy price series' },
  utilisation: { option: 'AI utilisation (0-1 of contracted IT), one per hour', what: 'AI utilisation series' },
  hashprice: { option: 'Hashprice ($/PH/day), one per day of the term', what: 'hashprice path' },
};

/** The upload, inside the modeller's form: its button runs the form's fields with the series (not a submit). */
export function SeriesUpload({ run }: { run: (fields: Record<string, string>, kind: SeriesCsvKind, values: number[]) => Promise<SeriesOutcome> }) {
  const { show } = useContext(SeriesResultsContext);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [kind, setKind] = useState<SeriesCsvKind>('price');
  const [pending, startTransition] = useTransition();
  const file = useRef<HTMLInputElement>(null);

  const onRun = async (form: HTMLFormElement | null) => {
    const chosen = file.current?.files?.[0];
    if (!form || !chosen) return setStatus({ kind: 'refused', message: 'Choose a CSV file first.', errors: [] });
    const fields = Object.fromEntries([...new FormData(form).entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
    const daily = kind === 'hashprice';
    // An hourly series covers the first year; a daily hashprice path, the whole term.
    const count = lengthFrom(fields.startDate ?? '', daily ? Number(fields.termYears) : 1, daily ? 86_400_000 : 3_600_000);
    if (count === null) return setStatus({ kind: 'refused', message: 'Enter the start date (YYYY-MM-DD) and the term first: the series follows them.', errors: [] });
    const parsed = parseSeriesCsv(await chosen.text(), count, kind);
    if (parsed.errors.length > 0) {
      return setStatus({ kind: 'refused', message: `Nothing was sent: ${parsed.errors.length} line(s) of ${chosen.name} do not fit.`, errors: parsed.errors });
    }
    setStatus({ kind: 'busy' });
    startTransition(async () => {
      const outcome = await run(fields, kind, parsed.values);
      if (!outcome.ok) return setStatus({ kind: 'refused', message: outcome.message, errors: [] });
      setStatus({ kind: 'idle' });
      const length = `${parsed.values.length.toLocaleString('en-US')} ${daily ? 'days' : 'hours'}`;
      show({ node: outcome.results, caption: `Results with the uploaded ${KINDS[kind].what} (${chosen.name}, ${length})${daily ? '' : ', used every year of the term'}. Run model again to go back to the form’s inputs.` });
    });
  };

  const busy = pending || status.kind === 'busy';
  return (
    <fieldset className="filters" data-testid="series-upload" aria-busy={busy}>
      <legend>Uploaded series (CSV)</legend>
      <div className="field">
        <label htmlFor="series-kind">Series of</label>
        <select id="series-kind" value={kind} onChange={(e) => setKind(e.target.value as SeriesCsvKind)}>
          {Object.entries(KINDS).map(([value, k]) => <option key={value} value={value}>{k.option}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="series-file">Series file (CSV)</label>
        <input id="series-file" ref={file} type="file" accept=".csv,text/csv,text/plain" />
        <small className="help">
          One line per hour of the first year from the start date (8,760, or 8,784 over a 29 February), or per day of the term for the hashprice: <code>41.5</code>, or <code>2025-01-01T00:00:00Z,41.5</code>; an optional header line.
        </small>
      </div>
      <div className="field">
        <button type="button" className="secondary" disabled={busy} onClick={(e) => void onRun(e.currentTarget.form)}>
          {busy ? 'Running with the series…' : 'Check and run with this series'}
        </button>
      </div>
      {busy && <span className="muted" role="status">Re-running the model with the uploaded series…</span>}
      {status.kind === 'refused' && (
        <div style={{ flexBasis: '100%' }}>
          <p className="form-error" role="alert">{status.message}</p>
          <ErrorList errors={status.errors} />
        </div>
      )}
    </fieldset>
  );
}
