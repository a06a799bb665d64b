import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/badges';
import { type Column, SortableTable, totalMw } from '@/components/sortable-table';
import { fmtDate, fmtMw } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';
import { ColocationRequestsDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'My requests' };

interface Row { id: string; title: string; totalMw: number; neededBy: string; termMonths: number; status: string; phases: { mw: number }[] }

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ sort?: string; dir?: string }> }) {
  const viewer = await requireKind('TENANT');
  const current = await searchParams;
  const data = await gql(
    ColocationRequestsDocument,
  );
  const proposals = new Map<string, number>();
  for (const { node } of data.deals.edges) proposals.set(node.request.id, (proposals.get(node.request.id) ?? 0) + 1);
  const count = (r: Row) => proposals.get(r.id) ?? 0;
  const columns: Column<Row>[] = [
    { key: 'title', label: 'Title', cell: (r) => <Link href={`/requests/${r.id}`}>{r.title}</Link>, sortBy: (r) => r.title.toLowerCase() },
    { key: 'mw', label: 'MW', numeric: true, cell: (r) => fmtMw(r.totalMw), sortBy: (r) => r.totalMw, total: totalMw((r) => r.totalMw, fmtMw) },
    { key: 'phases', label: 'Phases', numeric: true, cell: (r) => r.phases.length },
    { key: 'neededBy', label: 'Needed by', cell: (r) => fmtDate(r.neededBy), sortBy: (r) => r.neededBy },
    { key: 'term', label: 'Term', numeric: true, cell: (r) => `${r.termMonths} mo`, sortBy: (r) => r.termMonths },
    { key: 'proposals', label: 'Proposals', numeric: true, cell: (r) => <span data-testid="proposal-count">{count(r)}</span>, sortBy: count, total: (rows) => rows.reduce((sum, r) => sum + count(r), 0) },
    { key: 'status', label: 'Status', cell: (r) => <StatusBadge status={r.status} />, sortBy: (r) => r.status },
  ];
  const rows = data.colocationRequests.edges.map((e) => e.node);
  return (
    <>
      <div className="actions" style={{ justifyContent: 'space-between' }}>
        <h1>My colocation requests</h1>
        {canWrite(viewer) && <Link href="/requests/new" className="button">New request</Link>}
      </div>
      {rows.length === 0 ? (
        <div className="empty">No requests yet. Describe the capacity you need and we will match it.</div>
      ) : (
        <SortableTable rows={rows} columns={columns} rowKey={(r) => r.id} sort={{ path: '/requests', params: current }} totalLabel={(n) => `${n} requests`} />
      )}
    </>
  );
}
