'use client';
// The host's CSV uploads on a deal's operations page (colocation and hosting). Meter readings: the file is
// parsed here with the SDK's parser (every bad line named with its field, and then nothing is sent), then sent in batches of up
// to 10,000 readings, one after another, with progress; a batch the API refuses is named by line and field
// (its row index mapped back through the parser's `lines`), and stops the upload: batches before it stay
// recorded (re-sending them changes nothing). Pool statements: the file goes to the API whole, which names
// each bad line.
import { useRef, useState } from 'react';
import { MAX_READINGS_PER_BATCH, inBatches } from '@gridshare/sdk/batches';
import { type HostingReadingRow, parseHostingReadingsCsv } from '@gridshare/sdk/hosting-readings-csv';
import { parseMeterReadingsCsv } from '@gridshare/sdk/meter-readings-csv';
import type { ReadingRow } from '@/app/(portal)/deals/[id]/operations/actions';
import type { BatchOutcome } from '@/lib/batch-outcome';

export interface RowError {
  line: number | null;
  field: string;
  message: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; done: number; batches: number }
  | { kind: 'refused'; message: string; errors: RowError[] }
  | { kind: 'done'; message: string };

/** `input.readings.412.kw` (or `readings.412.kw`) of batch b → the CSV line of reading b × size + 412, and the field `kw`. */
export function readingError(field: string, message: string, batchStart: number, lines: readonly number[]): RowError {
  const match = /^(?:input\.)?readings\.(\d+)\.(\w+)$/.exec(field);
  if (!match) return { line: null, field: field.replace(/^input\./, ''), message: message.replace(/^[\w.]+: /, '') };
  return { line: lines[batchStart + Number(match[1])] ?? null, field: match[2]!, message: message.replace(/^[\w.]+: /, '') };
}

/** The lines of an upload that do not fit: line, field, problem. */
export function ErrorList({ errors }: { errors: readonly RowError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="table-wrap">
      <table data-testid="upload-errors">
        <thead>
          <tr><th>Line</th><th>Field</th><th>Problem</th></tr>
        </thead>
        <tbody>
          {errors.map((error, i) => (
            <tr key={i}>
              <td>{error.line ?? '—'}</td>
              <td><code>{error.field}</code></td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusLine({ status }: { status: Status }) {
  if (status.kind === 'busy') {
    return (
      <p role="status" data-testid="upload-progress">
        <progress value={status.done} max={status.batches} /> Batch {Math.min(status.done + 1, status.batches)} of {status.batches}…
      </p>
    );
  }
  if (status.kind === 'done') return <p className="notice" role="status">{status.message}</p>;
  if (status.kind === 'refused') {
    return (
      <>
        <p className="form-error" role="alert">{status.message}</p>
        <ErrorList errors={status.errors} />
      </>
    );
  }
  return null;
}

function useFileForm(run: (text: string, setStatus: (status: Status) => void) => Promise<void>) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setStatus({ kind: 'refused', message: 'Choose a CSV file first.', errors: [] });
      return;
    }
    await run(await file.text(), setStatus);
  };
  return { status, input, onSubmit, busy: status.kind === 'busy' };
}

type FileFormState = ReturnType<typeof useFileForm>;

/** A file picker, its button and what became of the upload. */
function FileForm({ form, testId, inputId, label, help, submit }: { form: FileFormState; testId: string; inputId: string; label: string; help: React.ReactNode; submit: string }) {
  return (
    <form onSubmit={form.onSubmit} data-testid={testId}>
      <div className="field" style={{ maxWidth: 420 }}>
        <label htmlFor={inputId}>{label}</label>
        <input id={inputId} ref={form.input} type="file" accept=".csv,text/csv" />
        <small className="help">{help}</small>
      </div>
      <p>
        <button type="submit" disabled={form.busy}>{form.busy ? 'Uploading…' : submit}</button>
      </p>
      <StatusLine status={form.status} />
    </form>
  );
}

/** A readings file parsed here, then sent batch by batch with progress; the first refused batch stops it. */
function BatchedReadingsUpload<R>({
  dealId,
  parse,
  send,
  refresh,
  help,
  counted = (t) => `${t.inserted} new, ${t.corrected} corrected, ${t.unchanged} unchanged`,
}: {
  dealId: string;
  parse: (text: string) => { readings: R[]; lines: number[]; errors: RowError[] };
  send: (dealId: string, readings: R[]) => Promise<BatchOutcome>;
  refresh: (dealId: string) => Promise<void>;
  help: React.ReactNode;
  /** What the API's counts mean, in words. */
  counted?: (totals: { inserted: number; corrected: number; unchanged: number }) => string;
}) {
  const form = useFileForm(async (text, setStatus) => {
    const parsed = parse(text);
    if (parsed.errors.length > 0) {
      setStatus({ kind: 'refused', message: `Nothing was sent: ${parsed.errors.length} line(s) of the file do not fit.`, errors: parsed.errors });
      return;
    }
    const batches = inBatches(parsed.readings, MAX_READINGS_PER_BATCH);
    const total = { inserted: 0, corrected: 0, unchanged: 0 };
    for (const [index, batch] of batches.entries()) {
      setStatus({ kind: 'busy', done: index, batches: batches.length });
      const outcome = await send(dealId, batch);
      if (!outcome.ok) {
        const start = index * MAX_READINGS_PER_BATCH;
        const kept = index === 0 ? 'Nothing was recorded' : `Batches 1-${index} were recorded; batch ${index + 1} and later were not`;
        const errors = outcome.issues.map((issue) => readingError(issue.field, issue.message, start, parsed.lines));
        setStatus({ kind: 'refused', message: `${kept}: the API refused batch ${index + 1} of ${batches.length}.`, errors });
        if (index > 0) await refresh(dealId);
        return;
      }
      total.inserted += outcome.inserted;
      total.corrected += outcome.corrected;
      total.unchanged += outcome.unchanged;
    }
    setStatus({ kind: 'done', message: `${parsed.readings.length.toLocaleString('en-US')} readings in ${batches.length} batch(es): ${counted(total)}.` });
    await refresh(dealId);
  });
  return <FileForm form={form} testId="readings-upload" inputId="readings-file" label="Meter readings (CSV)" help={help} submit="Upload readings" />;
}

export function MeterReadingsUpload({ dealId, send, refresh }: { dealId: string; send: (dealId: string, readings: ReadingRow[]) => Promise<BatchOutcome>; refresh: (dealId: string) => Promise<void> }) {
  const help = (
    <>
      Header <code>channel,intervalStart,intervalMinutes,kwh</code> (or <code>kw</code>), then one reading a line, e.g. <code>AI_IT,2026-07-01T00:15:00Z,15,7500</code>.
    </>
  );
  const parse = (text: string) => {
    const parsed = parseMeterReadingsCsv(text);
    return { ...parsed, readings: parsed.readings as ReadingRow[] };
  };
  return <BatchedReadingsUpload dealId={dealId} parse={parse} send={send} refresh={refresh} help={help} />;
}

/** A hosting deal's hourly kWh (the fleet's meter). */
export function HostingReadingsUpload({ dealId, send, refresh }: { dealId: string; send: (dealId: string, readings: HostingReadingRow[]) => Promise<BatchOutcome>; refresh: (dealId: string) => Promise<void> }) {
  const help = (
    <>
      Header <code>intervalStart,kwh</code>, then the fleet&apos;s metered kWh for each hour, e.g. <code>2026-11-01T00:00:00Z,9850.5</code>.
    </>
  );
  return <BatchedReadingsUpload dealId={dealId} parse={parseHostingReadingsCsv} send={send} refresh={refresh} help={help} counted={(t) => `${t.inserted} hour(s) recorded (new or replaced)`} />;
}

export function PoolStatementsUpload({ dealId, send, refresh }: { dealId: string; send: (dealId: string, csv: string) => Promise<BatchOutcome>; refresh: (dealId: string) => Promise<void> }) {
  const form = useFileForm(async (text, setStatus) => {
    setStatus({ kind: 'busy', done: 0, batches: 1 });
    const outcome = await send(dealId, text);
    if (!outcome.ok) {
      const errors = outcome.issues.map((issue) => ({ line: issue.line ?? null, field: issue.column ?? issue.field.replace(/^input\./, ''), message: issue.message }));
      setStatus({ kind: 'refused', message: `Nothing was recorded: ${outcome.message}`, errors });
      return;
    }
    setStatus({ kind: 'done', message: `${outcome.inserted} new day(s), ${outcome.corrected} updated, ${outcome.unchanged} unchanged.` });
    await refresh(dealId);
  });
  const help = (
    <>
      Lines <code>day,hashrateThs,earningsUsd</code>, one per day.
    </>
  );
  return <FileForm form={form} testId="pool-upload" inputId="pool-file" label="Pool statements (CSV)" help={help} submit="Upload pool statements" />;
}
