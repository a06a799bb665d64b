'use server';
// Runs the form's scenario with an uploaded series in place of the energy price, the AI profile or the hashprice
// path, and answers the results rendered (series.tsx shows them in place of the page's). The browser checked the
// file line by line; the arguments are checked again here, and the API refuses what the engine does not accept.
import type { ReactNode } from 'react';
import { z } from 'zod';
import { GridshareError } from '@gridshare/sdk';
import { MAX_SERIES_DAYS, type SeriesCsvKind } from '@gridshare/sdk/series-csv';
import { buildInput, setPath } from '@/lib/revenue-inputs';
import { requireViewer } from '@/lib/session';
import { Results } from './results';
import { runAll, yearAndWeek } from './run';

export type SeriesOutcome = { ok: true; results: ReactNode } | { ok: false; message: string };

const ZSeriesRun = z.object({
  fields: z.record(z.string().max(100), z.string().max(1_000)),
  kind: z.enum(['price', 'utilisation', 'hashprice']),
  // At most a leap year of hours or 30 years of days; the engine checks the length and each value's range.
  values: z.array(z.number().finite()).min(1).max(MAX_SERIES_DAYS),
});

/** Where each kind of series goes in the term input. */
const SERIES_AT: Record<SeriesCsvKind, [string, (values: number[]) => Record<string, unknown>]> = {
  price: ['energy.price', (values) => ({ kind: 'series', values })],
  utilisation: ['aiLoad.profile', (values) => ({ kind: 'series', values })],
  hashprice: ['term.hashprice', (dailyUsdPerPhDay) => ({ kind: 'series', dailyUsdPerPhDay })],
};

export async function runWithSeries(fields: Record<string, string>, kind: SeriesCsvKind, values: number[]): Promise<SeriesOutcome> {
  await requireViewer();
  const args = ZSeriesRun.safeParse({ fields, kind, values });
  if (!args.success) return { ok: false, message: `The series could not be sent: ${z.prettifyError(args.error)}` };
  const input = buildInput(args.data.fields);
  const [path, series] = SERIES_AT[args.data.kind];
  setPath(input, path, series(args.data.values));
  const { year, week } = yearAndWeek(args.data.fields);
  const view = args.data.fields.view === 'tenant' ? 'tenant' : 'host';
  try {
    const run = await runAll(input, year, week, view);
    return { ok: true, results: <Results run={run} view={view} year={year} week={week} /> };
  } catch (error) {
    if (!(error instanceof GridshareError) || error.code !== 'BAD_USER_INPUT') throw error;
    return { ok: false, message: `The model refused the scenario with this series: ${error.message}` };
  }
}
