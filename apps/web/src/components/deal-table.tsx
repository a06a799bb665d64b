import Link from 'next/link';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { StatusBadge } from './badges';
import { type Column, SortableTable, totalMw } from './sortable-table';
import type { SortState } from '@/lib/table-sort';
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

const COLUMNS: Column<DealRow>[] = [
  { key: 'request', label: 'Request', cell: (d) => <Link href={`/deals/${d.id}`}>{d.request.title}</Link>, sortBy: (d) => d.request.title.toLowerCase() },
  { key: 'counterparty', label: 'Counterparty', cell: (d) => <Counterparty deal={d} />, sortBy: (d) => (d.role === 'TENANT' ? d.host.name : d.tenant.name).toLowerCase() },
  { key: 'role', label: 'Our side', cell: (d) => label(d.role), sortBy: (d) => d.role },
  { key: 'mw', label: 'MW', numeric: true, cell: (d) => fmtMw(d.mw), sortBy: (d) => d.mw, total: totalMw((d) => d.mw, fmtMw) },
  { key: 'price', label: '$/kW-mo', numeric: true, cell: (d) => d.priceUsdPerKwMonth, sortBy: (d) => d.priceUsdPerKwMonth },
  { key: 'term', label: 'Term', numeric: true, cell: (d) => `${d.termMonths} mo`, sortBy: (d) => d.termMonths },
  { key: 'start', label: 'Start', cell: (d) => fmtDate(d.startDate), sortBy: (d) => d.startDate },
  { key: 'status', label: 'Status', cell: (d) => <StatusBadge status={d.status} />, sortBy: (d) => d.status },
];

export function DealTable({ deals, empty, sort }: { deals: DealRow[]; empty: string; sort: SortState }) {
  if (deals.length === 0) return <div className="empty">{empty}</div>;
  return <SortableTable rows={deals} columns={COLUMNS} rowKey={(d) => d.id} rowTestId={() => 'deal-row'} sort={sort} totalLabel={(n) => `${n} deals`} />;
}
