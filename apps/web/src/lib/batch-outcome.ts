// What one upload call (a batch of readings, a pool-statement file) came to, as the upload form shows it.
import { type ErrorIssue, GridshareError } from '@gridshare/sdk';

export type BatchOutcome =
  | { ok: true; inserted: number; corrected: number; unchanged: number }
  | { ok: false; message: string; issues: readonly ErrorIssue[] };

/** Refusals as the upload shows them: the API's issues (or its one message) with their fields. */
export function refusal(error: unknown): BatchOutcome {
  if (!(error instanceof GridshareError)) throw error;
  const issues = error.issues.length > 0 ? error.issues : error.field ? [{ field: error.field, message: error.message }] : [];
  return { ok: false, message: error.message, issues };
}
