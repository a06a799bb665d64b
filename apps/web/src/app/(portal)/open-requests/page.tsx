import type { Metadata } from 'next';
import Link from 'next/link';
import { fmtDate, fmtMw } from '@/lib/format';
import { gql, requireKind } from '@/lib/session';
import { OpenColocationRequestsDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Matching requests' };

export default async function OpenRequestsPage() {
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
        <div className="table-wrap">
          <table>
            <thead><tr><th>Tenant</th><th>Request</th><th className="num">MW</th><th>Needed by</th><th className="num">Term</th><th>Where</th><th className="num">Max $/kW-mo</th><th>Your best match</th></tr></thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-testid="open-request">
                  <td>{o.tenantLabel}</td>
                  <td><Link href={`/open-requests/${o.id}`}>{o.request.title}</Link></td>
                  <td className="num">{fmtMw(o.request.totalMw)}</td>
                  <td>{fmtDate(o.request.neededBy)}</td>
                  <td className="num">{o.request.termMonths} mo</td>
                  <td>{[...o.request.regions, ...o.request.gridOperators].join(', ') || 'anywhere'}</td>
                  <td className="num">{o.request.maxPriceUsdPerKwMonth ?? '—'}</td>
                  <td>{best.has(o.id) ? `#${best.get(o.id)?.rank} (score ${Math.round(best.get(o.id)?.score ?? 0)})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
