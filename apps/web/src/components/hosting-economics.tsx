// The fleet's economics under one hosting offer, as table cells (search, matches) or a compare column.
import { fmtNum, fmtUsd } from '@/lib/format';
import type { HostingEconomicsFragment } from '@/generated/graphql';

/** What a query selects with `...HostingEconomics` (hosting-economics.graphql). */
export type HostingEconomics = HostingEconomicsFragment;

export const ECONOMICS_HEADERS = ['Rate $/MWh', 'Margin $/MWh', 'Break-even $/PH/day', 'Profit / month'] as const;

export function economicsValues(e: HostingEconomics): string[] {
  return [fmtNum(e.rateUsdPerMwh, 2), fmtNum(e.marginUsdPerMwh, 2), fmtNum(e.breakEvenHashpriceUsdPerPhDay, 2), fmtUsd(e.expectedMonthlyProfitUsd)];
}

export function EconomicsCells({ economics }: { economics: HostingEconomics }) {
  return economicsValues(economics).map((v, i) => (
    <td key={ECONOMICS_HEADERS[i]} className="num">
      {v}
    </td>
  ));
}
