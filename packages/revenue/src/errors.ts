// Errors that name what was wrong and where, so the API can hand them to the user as they are.
import type { z } from 'zod';

export interface InputIssue {
  /** Dotted path of the field, e.g. 'mining.jPerTh' or 'aiLoad.profile.values.17'. */
  readonly path: string;
  readonly message: string;
}

/** The revenue input failed validation; `issues` lists every field at fault. */
export class RevenueInputError extends Error {
  override readonly name = 'RevenueInputError';
  constructor(readonly issues: readonly InputIssue[]) {
    super(`Invalid revenue input: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }

  static fromZod(error: z.ZodError): RevenueInputError {
    return new RevenueInputError(error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  }
}

/** An hourly CSV could not be read; `line` is 1-based, 0 when the problem is the file as a whole. */
export class HourlyCsvError extends Error {
  override readonly name = 'HourlyCsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
  }
}
