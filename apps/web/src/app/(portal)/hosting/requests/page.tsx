import type { Metadata } from 'next';
import Link from 'next/link';
import { HostingRequestForm } from '@/components/hosting-forms';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { canWrite, gql, requireViewer } from '@/lib/session';
import { createHostingRequest } from '../actions';
import { HostingRequestsDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Hosting requests' };

export default async function HostingRequestsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const viewer = await requireViewer();
  const { after } = await searchParams;
  const data = await gql(
    HostingRequestsDocument,
    { after: after ?? null },
  );
  const rows = data.hostingRequests.edges.map((e) => e.node);
  return (
    <>
      <h1>Hosting requests</h1>
      <p className="muted">Your mining fleet&apos;s requests for power. Hosts whose offers fit see them, without your name.</p>
      {rows.length === 0 ? (
        <div className="empty">No hosting requests yet.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Request</th><th>Status</th><th className="num">Fleet</th><th className="num">J/TH</th><th className="num">Max $/kWh</th><th>Start</th><th className="num">Term</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="hosting-request">
                  <td><Link href={`/hosting/requests/${r.id}`}>{r.title}</Link></td>
                  <td>{label(r.status)}</td>
                  <td className="num">{fmtMw(r.fleetMw)}</td>
                  <td className="num">{r.fleetJPerTh}</td>
                  <td className="num">{r.maxRateUsdPerKwh}</td>
                  <td>{fmtDate(r.startDate)}</td>
                  <td className="num">{r.termMonths} mo</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.hostingRequests.pageInfo.hasNextPage && <Link href={`/hosting/requests?after=${data.hostingRequests.pageInfo.endCursor}`}>Next page</Link>}
      {canWrite(viewer) && (
        <div className="card">
          <h2>New hosting request</h2>
          <HostingRequestForm action={createHostingRequest} today={new Date().toISOString().slice(0, 10)} />
        </div>
      )}
    </>
  );
}
