import { CONSTRAINT_LABELS, CONSTRAINT_ORDER } from './constraints.js';
import { formatCount } from './format.js';
import type { ConstraintKey, ExclusionCounts } from './types.js';

/**
 * "312 sites excluded: 280 by contiguous MW, 32 by latency". Largest count first, ties in constraint
 * order; constraints that excluded nothing are left out.
 */
export function describeExclusions(excluded: ExclusionCounts): string {
  if (excluded.total === 0) return 'No sites excluded';
  const parts = CONSTRAINT_ORDER.map((key, order) => ({ key, order, n: excluded.byConstraint[key] }))
    .filter((p) => p.n > 0)
    .sort((a, b) => b.n - a.n || a.order - b.order)
    .map((p) => `${formatCount(p.n)} by ${CONSTRAINT_LABELS[p.key]}`);
  const noun = excluded.total === 1 ? 'site' : 'sites';
  return `${formatCount(excluded.total)} ${noun} excluded: ${parts.join(', ')}`;
}

export function emptyExclusionCounts(): Record<ConstraintKey, number> {
  const counts = {} as Record<ConstraintKey, number>;
  for (const key of CONSTRAINT_ORDER) counts[key] = 0;
  return counts;
}
