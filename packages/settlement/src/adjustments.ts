// Corrections after agreement: an agreed statement never changes, so a month recomputed from corrected data
// becomes adjustment lines of a later statement, one per line kind whose amount moved.
import { z } from 'zod';
import { SettlementInputError, parseOrThrow } from './errors.js';
import { CORRECTABLE_KINDS, month as monthSchema } from './schema.js';
import type { AdjustmentInput, Cents, SettlementStatementOut } from './types.js';

type Correctable = AdjustmentInput['corrects'];

const ZArgs = z.object({
  month: monthSchema('month'),
  alreadyAgreedCentsByKind: z.partialRecord(z.enum(CORRECTABLE_KINDS), z.int({ error: 'each amount must be a whole number of cents' })),
  reason: z.string({ error: 'reason must be text' }).min(1, 'reason must not be empty').max(500, 'reason must be at most 500 characters'),
});

/**
 * The adjustments that bring `month` to its recomputed amounts: for each correctable line kind, recomputed −
 * (agreed + adjustments already made to it), when that is not 0. `recomputed` is settleMonth of the month
 * with the corrected data and the same carries as agreed; its adjustment and carried lines are not corrected.
 */
export function adjustmentsFor(
  month: string,
  recomputed: SettlementStatementOut,
  alreadyAgreedCentsByKind: Readonly<Partial<Record<Correctable, Cents>>>,
  reason: string,
): AdjustmentInput[] {
  const args = parseOrThrow(ZArgs, { month, alreadyAgreedCentsByKind, reason });
  if (recomputed.month !== args.month)
    throw new SettlementInputError([{ path: 'recomputed.month', message: `the recomputed statement is of ${recomputed.month}, not ${args.month}` }]);
  return CORRECTABLE_KINDS.flatMap((kind) => {
    const now = recomputed.lines.reduce((sum, l) => (l.kind === kind ? sum + l.amountCents : sum), 0);
    const amountCents = now - (args.alreadyAgreedCentsByKind[kind] ?? 0);
    return amountCents === 0 ? [] : [{ month: args.month, corrects: kind, amountCents, reason: args.reason }];
  });
}
