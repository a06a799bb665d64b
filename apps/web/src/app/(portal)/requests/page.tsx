import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/badges';
import { fmtDate, fmtMw } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';

export const metadata: Metadata = { title: 'My requests' };

interface Row { id: string; title: string; totalMw: number; neededBy: string; termMonths: number; status: string; phases: { mw: number }[] }

export default async function RequestsPage() {
  const viewer = await requireKind('TENANT');
  const data = await gql<{ colocationRequests: { edges: { node: Row }[] } }>(
    '{ colocationRequests(first: 50) { edges { node { id title totalMw neededBy termMonths status phases { mw } } } } }',
  );
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
        <div className="table-wrap">
          <table>
            <thead><tr><th>Title</th><th className="num">MW</th><th className="num">Phases</th><th>Needed by</th><th className="num">Term</th><th>Status</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><Link href={`/requests/${r.id}`}>{r.title}</Link></td>
                  <td className="num">{fmtMw(r.totalMw)}</td>
                  <td className="num">{r.phases.length}</td>
                  <td>{fmtDate(r.neededBy)}</td>
                  <td className="num">{r.termMonths} mo</td>
                  <td><StatusBadge status={r.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
