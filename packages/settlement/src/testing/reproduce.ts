// Recomputes a statement line's amount from its detail alone, with the formula docs/settlement.md gives: the
// tests hold every line to it, so the detail the parties see always reproduces the amount.
import { percentOf, roundHalfAway } from '@gridshare/revenue';
import type { StatementLineOut } from '../types.js';

const n = (detail: Readonly<Record<string, unknown>>, key: string): number => {
  const v = detail[key];
  if (typeof v !== 'number') throw new TypeError(`detail.${key} is ${String(v)}, not a number`);
  return v;
};

export function reproduce(line: StatementLineOut): number {
  const d = line.detail;
  switch (line.kind) {
    case 'COLOCATION':
      return roundHalfAway((n(d, 'kwDays') * n(d, 'priceCentsPerKwMonth')) / n(d, 'daysInMonth'));
    case 'SLA_CREDIT':
      return 0 - percentOf(n(d, 'colocationCents'), n(d, 'creditPct'));
    case 'ENERGY_PASS_THROUGH':
      return roundHalfAway((n(d, 'energyCostUsd') * 100 * (10_000 + n(d, 'marginBps'))) / 10_000);
    case 'BACKFILL_CREDIT':
      return 0 - roundHalfAway((n(d, 'positiveNetUsd') * 100 * n(d, 'tenantShareBps')) / 10_000);
    case 'DEMAND_RESPONSE_CREDIT':
      return 0 - roundHalfAway((n(d, 'incomeUsd') * 100 * n(d, 'tenantShareBps')) / 10_000);
    // Given amounts, carried over as they are.
    case 'ADJUSTMENT':
      return n(d, 'amountCents');
    case 'CARRIED_CREDIT':
      return n(d, 'carriedTenantCreditCents');
  }
}
