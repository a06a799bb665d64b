'use server';
// A hosting deal's monthly moves: the host computes and issues statements, uploads the fleet's metered kWh
// and records outages; the fleet agrees or disputes with a reason. The API decides who may do what; its
// refusals come back to the form.
import { revalidatePath } from 'next/cache';
import type { HostingReadingRow } from '@gridshare/sdk/hosting-readings-csv';
import { type BatchOutcome, refusal } from '@/lib/batch-outcome';
import { formValues, type FormState } from '@/lib/form';
import { namedMove, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';
import {
  AgreeHostingStatementDocument,
  ComputeHostingStatementDocument,
  DisputeHostingStatementDocument,
  IssueHostingStatementDocument,
  RecordHostingOutageDocument,
  RecordHostingReadingsDocument,
} from '@/generated/graphql';

/** Issue (host) or agree (fleet) a hosting statement. */
export const moveHostingStatement = namedMove({ issue: IssueHostingStatementDocument, agree: AgreeHostingStatementDocument });

/** The host computes (or recomputes) a month's DRAFT statement from the readings and outages as they are now. */
export async function computeHostingStatement(_prev: FormState, formData: FormData): Promise<FormState> {
  const variables = { dealId: String(formData.get('dealId')), month: String(formData.get('month')) };
  return submitMutation(ComputeHostingStatementDocument, variables, {});
}

/** The fleet disputes an ISSUED statement; the reason is shown to both parties. */
export async function disputeHostingStatement(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  return submitMutation(DisputeHostingStatementDocument, { id: values.id, reason: values.reason ?? '' }, values);
}

/** The host records hours the fleet's power was taken: curtailment (by the offer's pre-emptors) or downtime. */
export async function recordHostingOutage(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { dealId: values.dealId, kind: values.kind, startsAt: values.startsAt ?? '', endsAt: values.endsAt ?? '', note: values.note || null };
  return submitMutation(RecordHostingOutageDocument, { input }, values, { message: 'Outage recorded: recompute the month’s draft to count it.' });
}

/** One batch (≤ 10,000 hours) of the page's CSV upload; all or nothing, like the API, which counts new and replaced hours together. */
export async function recordHostingReadingsBatch(dealId: string, readings: HostingReadingRow[]): Promise<BatchOutcome> {
  try {
    const data = await gqlMutation(RecordHostingReadingsDocument, { dealId, readings });
    return { ok: true, inserted: data.recordHostingReadings, corrected: 0, unchanged: 0 };
  } catch (error) {
    return refusal(error);
  }
}

/** After an upload: the page reads the new data. */
export async function refreshHostingDeal(dealId: string): Promise<void> {
  revalidatePath(`/hosting/deals/${dealId}`);
}
