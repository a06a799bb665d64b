import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/badges';
import { SortHeader } from '@/components/sort-header';
import { fmtDate, fmtMw } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';
import { sortRows } from '@/lib/table-sort';
import { ColocationRequestsDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'My requests' };

interface Row { id: string; title: string; totalMw: number; neededBy: string; termMonths: number; status: string; phases: { mw: number }[] }

const COLUMNS = {
  title: (r: Row) => r.title.toLowerCase(),
  mw: (r: Row) => r.totalMw,
  neededBy: (r: Row) => r.neededBy,
  term: (r: Row) => r.termMonths,
  status: (r: Row) => r.status,
};

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ sort?: string; dir?: string }> }) {
  const viewer = await requireKind('TENANT');
  const current = await searchParams;
  const data = await gql(
    ColocationRequestsDocument,
  );
  const proposals = new Map<string, number>();
  for (const { node } of data.deals.edges) proposals.set(node.request.id, (proposals.get(node.request.id) ?? 0) + 1);
  const rows = sortRows(data.colocationRequests.edges.map((e) => e.node), { ...COLUMNS, proposals: (r: Row) => proposals.get(r.id) ?? 0 }, current.sort, current.dir);
  const header = (column: string, text: string, numeric = false) => <SortHeader path="/requests" column={column} label={text} current={current} numeric={numeric} />;
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
            <thead>
              <tr>
                {header('title', 'Title')}{header('mw', 'MW', true)}<th className="num">Phases</th>{header('neededBy', 'Needed by')}
                {header('term', 'Term', true)}{header('proposals', 'Proposals', true)}{header('status', 'Status')}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><Link href={`/requests/${r.id}`}>{r.title}</Link></td>
                  <td className="num">{fmtMw(r.totalMw)}</td>
                  <td className="num">{r.phases.length}</td>
                  <td>{fmtDate(r.neededBy)}</td>
                  <td className="num">{r.termMonths} mo</td>
                  <td className="num" data-testid="proposal-count">{proposals.get(r.id) ?? 0}</td>
                  <td><StatusBadge status={r.status} /></td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{rows.length} requests</th>
                <td className="num">{fmtMw(rows.reduce((sum, r) => sum + r.totalMw, 0))}</td>
                <td colSpan={5} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
