// The one error the engine throws for a bad input: every issue names its field by dotted path, so the API
// can answer BAD_USER_INPUT with it as it is.
import type { InputIssue } from '@gridshare/revenue';
import type { z } from 'zod';

export type { InputIssue };

/** The input failed validation; `issues` lists every field at fault (e.g. `aiItMwh.17`, `terms.pue`). */
export class SettlementInputError extends Error {
  override readonly name = 'SettlementInputError';
  constructor(readonly issues: readonly InputIssue[]) {
    super(`Invalid settlement input: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }

  static fromZod(error: z.ZodError, prefix: readonly (string | number)[] = []): SettlementInputError {
    return new SettlementInputError(
      error.issues.map((i) => ({ path: [...prefix, ...i.path].map(String).join('.'), message: i.message })),
    );
  }
}

/** Parses with a zod schema, or throws SettlementInputError naming every field at fault. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, prefix: readonly (string | number)[] = []): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw SettlementInputError.fromZod(parsed.error, prefix);
  return parsed.data;
}
