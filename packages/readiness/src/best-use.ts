import { formatNumber, formatUsd, plural } from './format.js';
import type { ConversionEstimate, CriterionResult, ReadinessTier } from './types.js';

/** Labels of the two criteria with the lowest sub-scores, lower-cased: "a, and b". */
function weakestTwo(criteria: readonly CriterionResult[]): string {
  let first: CriterionResult | undefined;
  let second: CriterionResult | undefined;
  for (const c of criteria) {
    if (first === undefined || c.subScore < first.subScore) {
      second = first;
      first = c;
    } else if (second === undefined || c.subScore < second.subScore) {
      second = c;
    }
  }
  if (first === undefined) return 'its criteria';
  const a = first.label.toLowerCase();
  return second === undefined ? a : a + ', and ' + second.label.toLowerCase();
}

/** One plain sentence or two telling the host what to do with the site. */
export function describeBestUse(
  tier: ReadinessTier,
  criteria: readonly CriterionResult[],
  gapCount: number,
  conversion: ConversionEstimate,
  miningMw: number,
): string {
  const it = formatNumber(conversion.criticalItMw) + ' MW of IT';
  const cost = formatUsd(conversion.capexUsd);
  switch (tier) {
    case 'MINING_ONLY': {
      const mining = miningMw > 0 ? formatNumber(miningMw) + ' MW of miners already earn' : 'mining earns';
      return (
        'Keep mining: ' + mining + ' from this power today, while AI conversion would cost about ' + cost +
        ' over ' + conversion.months + ' months for ' + it + '; its weakest criteria are ' + weakestTwo(criteria) +
        '. Backfill mining could add value next to an AI tenant later.'
      );
    }
    case 'CONVERTIBLE':
      return (
        'Convert: close ' + plural(gapCount, 'gap', 'gaps') + ' for about ' + cost + ' over ' + conversion.months +
        ' months to offer ' + it + ' at ' + conversion.achievableRackKw +
        ' kW per rack; keep mining meanwhile and backfill idle AI power after.'
      );
    case 'AI_READY':
      return (
        'Offer to AI tenants now: ' + it + ' at up to ' + conversion.achievableRackKw + ' kW per rack' +
        (gapCount > 0 ? '; ' + plural(gapCount, 'remaining gap costs', 'remaining gaps cost') + ' about ' + cost : '') +
        '. Backfill mining can soak up idle MW.'
      );
  }
}
