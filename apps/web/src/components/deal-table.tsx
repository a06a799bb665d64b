import Link from 'next/link';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { StatusBadge } from './badges';
import type { DealRowFragment } from '@/generated/graphql';

/** What a query selects with `...DealRow` (deal-table.graphql). */
export type DealRow = DealRowFragment;

/** The other party; a tenant not yet known to the host is its request's anonymous label, marked so. */
export function Counterparty({ deal }: { deal: Pick<DealRow, 'role' | 'host' | 'tenant'> }) {
  if (deal.role === 'TENANT') return <>{deal.host.name}</>;
  return deal.tenant.anonymous ? (
    <span data-testid="anonymous-tenant" title="The tenant is named once it accepts">
      {deal.tenant.name} <span className="muted">(anonymous until they accept)</span>
    </span>
  ) : (
    <>{deal.tenant.name}</>
  );
}

export function DealTable({ deals, empty }: { deals: DealRow[]; empty: string }) {
  if (deals.length === 0) return <div className="empty">{empty}</div>;
  return (
    <div className="table-wrap">
      <table>
        <thead><tr><th>Request</th><th>Counterparty</th><th>Our side</th><th className="num">MW</th><th className="num">$/kW-mo</th><th className="num">Term</th><th>Start</th><th>Status</th></tr></thead>
        <tbody>
          {deals.map((d) => (
            <tr key={d.id} data-testid="deal-row">
              <td><Link href={`/deals/${d.id}`}>{d.request.title}</Link></td>
              <td><Counterparty deal={d} /></td>
              <td>{label(d.role)}</td>
              <td className="num">{fmtMw(d.mw)}</td>
              <td className="num">{d.priceUsdPerKwMonth}</td>
              <td className="num">{d.termMonths} mo</td>
              <td>{fmtDate(d.startDate)}</td>
              <td><StatusBadge status={d.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
