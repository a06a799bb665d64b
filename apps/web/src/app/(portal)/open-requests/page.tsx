import type { Metadata } from 'next';
import Link from 'next/link';
import { type Column, SortableTable, totalMw } from '@/components/sortable-table';
import { fmtDate, fmtMw } from '@/lib/format';
import { gql, requireKind } from '@/lib/session';
import { OpenColocationRequestsDocument, type OpenColocationRequestsQuery } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Matching requests' };

type Open = OpenColocationRequestsQuery['openColocationRequests']['edges'][number]['node'];

export default async function OpenRequestsPage({ searchParams }: { searchParams: Promise<{ sort?: string; dir?: string }> }) {
  await requireKind('MINER');
  const data = await gql(
    OpenColocationRequestsDocument,
  );
  const asks = data.receivedProposalRequests.edges.map((e) => e.node);
  const best = new Map<string, { score: number; rank: number }>();
  for (const { node } of data.hostMatches.edges) {
    const seen = best.get(node.requestId);
    if (!seen || node.score > seen.score) best.set(node.requestId, node);
  }
  const rows = data.openColocationRequests.edges.map((e) => e.node);
  const match = (o: Open) => best.get(o.id);
  const matchText = (o: Open) => {
    const m = match(o);
    return m ? `#${m.rank} (score ${Math.round(m.score)})` : '—';
  };
  const columns: Column<Open>[] = [
    { key: 'tenant', label: 'Tenant', cell: (o) => o.tenantLabel, sortBy: (o) => o.tenantLabel },
    { key: 'request', label: 'Request', cell: (o) => <Link href={`/open-requests/${o.id}`}>{o.request.title}</Link>, sortBy: (o) => o.request.title.toLowerCase() },
    { key: 'mw', label: 'MW', numeric: true, cell: (o) => fmtMw(o.request.totalMw), sortBy: (o) => o.request.totalMw, total: totalMw((o) => o.request.totalMw, fmtMw) },
    { key: 'neededBy', label: 'Needed by', cell: (o) => fmtDate(o.request.neededBy), sortBy: (o) => o.request.neededBy },
    { key: 'term', label: 'Term', numeric: true, cell: (o) => `${o.request.termMonths} mo`, sortBy: (o) => o.request.termMonths },
    { key: 'where', label: 'Where', cell: (o) => [...o.request.regions, ...o.request.gridOperators].join(', ') || 'anywhere' },
    { key: 'price', label: 'Max $/kW-mo', numeric: true, cell: (o) => o.request.maxPriceUsdPerKwMonth ?? '—', sortBy: (o) => o.request.maxPriceUsdPerKwMonth ?? Number.POSITIVE_INFINITY },
    { key: 'match', label: 'Your best match', cell: matchText, sortBy: (o) => match(o)?.score ?? -1 },
  ];
  return (
    <>
      <h1>Matching requests</h1>
      <p className="muted">Open requests from AI tenants. Tenants stay anonymous until they accept a proposal.</p>
      {asks.length > 0 && (
        <section className="card notice" aria-labelledby="asks-h" data-testid="proposal-requests">
          <h2 id="asks-h">Tenants asked you for a proposal ({data.receivedProposalRequests.totalCount})</h2>
          <ul>
            {asks.map((a) => (
              <li key={a.id}>
                {a.tenantLabel} asked on {fmtDate(a.createdAt)} about <Link href={`/sites/${a.siteId}`}>one of your sites</Link>:{' '}
                <Link href={`/open-requests/${a.requestId}`}>see the request and propose</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {rows.length === 0 ? (
        <div className="empty">No open requests right now.</div>
      ) : (
        <SortableTable rows={rows} columns={columns} rowKey={(o) => o.id} rowTestId={() => 'open-request'} sort={{ path: '/open-requests', params: await searchParams }} totalLabel={(n) => `${n} open requests`} />
      )}
    </>
  );
}
