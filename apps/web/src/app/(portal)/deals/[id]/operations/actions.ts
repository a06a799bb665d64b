'use server';
// The operations page's moves: statements (host: compute, issue, re-issue; tenant: agree, dispute with a
// reason), disputing an event (tenant), and uploads (host): one batch of meter readings per call (the page
// parses the CSV and sends the batches in turn, showing progress), pool statements as CSV. The API decides
// who may do what; its refusals come back to the form.
import { revalidatePath } from 'next/cache';
import { type BatchOutcome, refusal } from '@/lib/batch-outcome';
import { formValues, type FormState } from '@/lib/form';
import { namedMove, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';
import {
  AgreeStatementDocument,
  DisputeCurtailmentEventDocument,
  DisputeStatementDocument,
  IssueStatementDocument,
  RecomputeStatementDocument,
  RecordPoolStatementsDocument,
  ReissueStatementDocument,
} from '@/generated/graphql';
// The same operation as the SDK's (metering partners send readings with it): one document, not two.
import { RecordMeterReadingsDocument } from '@gridshare/sdk';

/** Issue, re-issue (host) or agree (tenant) a statement. */
export const moveStatement = namedMove({ issue: IssueStatementDocument, reissue: ReissueStatementDocument, agree: AgreeStatementDocument });

/** The host computes (or recomputes) the month's DRAFT statement from the data as it is now. */
export async function recomputeStatement(_prev: FormState, formData: FormData): Promise<FormState> {
  const variables = { dealId: String(formData.get('dealId')), month: String(formData.get('month')) };
  return submitMutation(RecomputeStatementDocument, variables, {});
}

/** The tenant disputes an ISSUED statement; the reason is shown to both parties. */
export async function disputeStatement(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  return submitMutation(DisputeStatementDocument, { id: values.id, reason: values.reason ?? '' }, values);
}

/** The tenant disputes a curtailment event; it keeps counting until the recording side withdraws it. */
export async function disputeEvent(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  return submitMutation(DisputeCurtailmentEventDocument, { input: { id: values.id, reason: values.reason ?? '' } }, values);
}

export interface ReadingRow {
  channel: 'AI_IT' | 'MINING' | 'SITE_IMPORT';
  intervalStart: string;
  intervalMinutes: number;
  kwh?: number;
  kw?: number;
}

/** One batch (≤ 10,000 readings) of the page's CSV upload; all or nothing, like the API. */
export async function recordReadingsBatch(dealId: string, readings: ReadingRow[]): Promise<BatchOutcome> {
  try {
    const data = await gqlMutation(
      RecordMeterReadingsDocument,
      { input: { dealId, readings } },
    );
    return { ok: true, ...data.recordMeterReadings };
  } catch (error) {
    return refusal(error);
  }
}

/** The host's daily pool statements as CSV (`day,hashrateThs,earningsUsd`); the API names each bad line. */
export async function recordPoolStatements(dealId: string, csv: string): Promise<BatchOutcome> {
  try {
    const data = await gqlMutation(
      RecordPoolStatementsDocument,
      { input: { dealId, csv } },
    );
    const { inserted, updated, unchanged } = data.recordPoolStatements;
    return { ok: true, inserted, corrected: updated, unchanged };
  } catch (error) {
    return refusal(error);
  }
}

/** After an upload: the page's chart, gaps and statement read the new data. */
export async function refreshOperations(dealId: string): Promise<void> {
  revalidatePath(`/deals/${dealId}/operations`);
}
