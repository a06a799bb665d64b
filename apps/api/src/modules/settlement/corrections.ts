// Corrections after agreement: an agreed statement never changes, so when an agreed month's inputs changed
// after its agreement, that month is recomputed from the data as it is now and the difference (recomputed −
// agreed − adjustments already agreed for it) becomes adjustment lines of the statement being computed.
// The agreed rows are only read.
import type { AppTx } from '@gridshare/db';
import { type AdjustmentInput, adjustmentsFor, settleMonth } from '@gridshare/settlement';
import { changedAgreedMonths, describeChanges } from './input-changes';
import { monthOf, monthStart } from './months';
import { type SettlementDeal, loadMonthData } from './statement-inputs';

type Correctable = AdjustmentInput['corrects'];
const CORRECTABLE: readonly string[] = ['COLOCATION', 'SLA_CREDIT', 'ENERGY_PASS_THROUGH', 'BACKFILL_CREDIT', 'DEMAND_RESPONSE_CREDIT'];

/**
 * Per corrected month, what was agreed for it so far, by line kind: its own agreed lines, plus the
 * adjustment lines for it on later agreed statements (their `detail.corrects` names the kind).
 */
async function agreedAmounts(db: AppTx, dealId: string, months: readonly Date[], before: Date): Promise<Map<string, Partial<Record<Correctable, number>>>> {
  const lines = await db.statementLine.findMany({
    where: {
      statement: { dealId, status: { in: ['AGREED', 'INVOICED', 'PAID'] }, month: { lt: before } },
      OR: [{ statement: { month: { in: [...months] } }, kind: { in: CORRECTABLE as Correctable[] } }, { kind: 'ADJUSTMENT', adjustsMonth: { in: [...months] } }],
    },
    select: { kind: true, amountCents: true, adjustsMonth: true, detail: true, statement: { select: { month: true } } },
  });
  const byMonth = new Map<string, Partial<Record<Correctable, number>>>();
  for (const line of lines) {
    const month = monthOf(line.adjustsMonth ?? line.statement.month);
    const kind = (line.kind === 'ADJUSTMENT' ? (line.detail as { corrects?: Correctable }).corrects : line.kind) as Correctable | undefined;
    if (!kind || !CORRECTABLE.includes(kind)) continue;
    const amounts = byMonth.get(month) ?? {};
    amounts[kind] = (amounts[kind] ?? 0) + Number(line.amountCents);
    byMonth.set(month, amounts);
  }
  return byMonth;
}

/** The adjustment lines the statement of `month` carries for earlier agreed months corrected since. */
export async function adjustmentsForCorrections(db: AppTx, deal: SettlementDeal, month: string): Promise<AdjustmentInput[]> {
  const before = monthStart(month);
  const changed = await changedAgreedMonths(db, deal.id, before);
  if (changed.length === 0) return [];
  const agreed = await agreedAmounts(db, deal.id, changed.map((c) => monthStart(c.month)), before);
  const adjustments: AdjustmentInput[] = [];
  for (const changes of changed) {
    // The month alone, as it would be computed today: carries and earlier adjustments are not corrected.
    const { data } = await loadMonthData(db, deal, changes.month);
    const recomputed = settleMonth({ ...data, carriedTenantCreditCents: 0, carriedPlatformFeeCents: 0, adjustments: [] });
    adjustments.push(...adjustmentsFor(changes.month, recomputed, agreed.get(changes.month) ?? {}, describeChanges(changes)));
  }
  return adjustments;
}
