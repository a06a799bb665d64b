import type { Metadata } from 'next';
import Link from 'next/link';
import { HostingDealActions } from '@/components/hosting-deal-actions';
import { fmtDate, fmtMw, fmtUsd, label } from '@/lib/format';
import { hostingPriceText } from '@/lib/hosting-review';
import { canWrite, gql, requireViewer } from '@/lib/session';
import { HostingDealsDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Hosting deals' };

export default async function HostingDealsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const viewer = await requireViewer();
  const { after } = await searchParams;
  const data = await gql(
    HostingDealsDocument,
    { after: after ?? null },
  );
  const deals = data.hostingDeals.edges.map((e) => e.node);
  return (
    <>
      <h1>Hosting deals</h1>
      {deals.length === 0 ? (
        <div className="empty">No hosting deals yet: hosts propose on your requests, or propose on requests that fit your offers.</div>
      ) : (
        deals.map((d) => (
          <div key={d.id} className="card" data-testid="hosting-deal">
            <h2><Link href={`/hosting/deals/${d.id}`}>{d.site?.name ?? d.counterpartyLabel}</Link> <small className="muted">({d.role === 'HOST' ? `to ${d.counterpartyLabel}` : 'hosting for your fleet'})</small></h2>
            <p>
              <strong data-testid="hosting-deal-status">{label(d.status)}</strong> · {fmtMw(d.mw)} from {fmtDate(d.startDate)} for {d.termMonths} months ·{' '}
              {hostingPriceText(d.terms)} · ≤ {d.terms.maxCurtailedHoursPerMonth} h/month curtailed · {d.terms.uptimeCommitmentPct}% uptime · deposit {fmtUsd(d.terms.depositUsd)}
            </p>
            {canWrite(viewer) && <HostingDealActions deal={d} />}
            {d.statements.length > 0 && (
              <table>
                <thead><tr><th>Month</th><th>Status</th><th className="num">Fleet pays</th><th className="num">Host payout</th></tr></thead>
                <tbody>
                  {d.statements.map((s) => (
                    <tr key={s.id}><td><Link href={`/hosting/deals/${d.id}?month=${s.month.slice(0, 7)}`}>{s.month.slice(0, 7)}</Link></td><td>{label(s.status)}</td><td className="num">{fmtUsd(s.tenantTotalUsd)}</td><td className="num">{fmtUsd(s.hostPayoutUsd)}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))
      )}
      {data.hostingDeals.pageInfo.hasNextPage && <Link href={`/hosting/deals?after=${data.hostingDeals.pageInfo.endCursor}`}>Next page</Link>}
    </>
  );
}
