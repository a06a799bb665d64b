import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/action-button';
import { fmtDate, fmtMw, fmtUsd, label } from '@/lib/format';
import { canWrite, gql, requireViewer } from '@/lib/session';
import { acceptHostingDeal, activateHostingDeal, rejectHostingDeal, signHostingDeal } from '../actions';

export const metadata: Metadata = { title: 'Hosting deals' };

interface Deal {
  id: string;
  role: 'HOST' | 'FLEET';
  status: string;
  counterpartyLabel: string;
  site: { name: string } | null;
  mw: number;
  startDate: string;
  termMonths: number;
  hostSignedAt: string | null;
  fleetSignedAt: string | null;
  terms: { pricing: { rateUsdPerKwh: number | null }; maxCurtailedHoursPerMonth: number; uptimeCommitmentPct: number; depositUsd: number };
  statements: { id: string; month: string; status: string; tenantTotalUsd: number; hostPayoutUsd: number }[];
}

function Actions({ deal }: { deal: Deal }) {
  const id = { id: deal.id };
  if (deal.status === 'PROPOSED' && deal.role === 'FLEET')
    return (<><ActionButton action={acceptHostingDeal} fields={id} label="Accept" /> <ActionButton action={rejectHostingDeal} fields={id} label="Reject" variant="secondary" /></>);
  const signed = deal.role === 'HOST' ? deal.hostSignedAt : deal.fleetSignedAt;
  if (deal.status === 'ACCEPTED' && !signed) return <ActionButton action={signHostingDeal} fields={id} label="Sign" />;
  if (deal.status === 'SIGNED' && deal.role === 'HOST') return <ActionButton action={activateHostingDeal} fields={id} label="Activate" />;
  return null;
}

export default async function HostingDealsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const viewer = await requireViewer();
  const { after } = await searchParams;
  const data = await gql<{ hostingDeals: { edges: { node: Deal }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
    `query($after: String) { hostingDeals(first: 20, after: $after) { edges { node { id role status counterpartyLabel site { name } mw startDate termMonths hostSignedAt fleetSignedAt
      terms { pricing { rateUsdPerKwh } maxCurtailedHoursPerMonth uptimeCommitmentPct depositUsd }
      statements { id month status tenantTotalUsd hostPayoutUsd } } } pageInfo { hasNextPage endCursor } } }`,
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
            <h2>{d.site?.name ?? d.counterpartyLabel} <small className="muted">({d.role === 'HOST' ? `to ${d.counterpartyLabel}` : 'hosting for your fleet'})</small></h2>
            <p>
              <strong data-testid="hosting-deal-status">{label(d.status)}</strong> · {fmtMw(d.mw)} from {fmtDate(d.startDate)} for {d.termMonths} months ·
              ${d.terms.pricing.rateUsdPerKwh ?? '—'}/kWh · ≤ {d.terms.maxCurtailedHoursPerMonth} h/month curtailed · {d.terms.uptimeCommitmentPct}% uptime · deposit {fmtUsd(d.terms.depositUsd)}
            </p>
            {canWrite(viewer) && <Actions deal={d} />}
            {d.statements.length > 0 && (
              <table>
                <thead><tr><th>Month</th><th>Status</th><th className="num">Fleet pays</th><th className="num">Host payout</th></tr></thead>
                <tbody>
                  {d.statements.map((s) => (
                    <tr key={s.id}><td>{s.month.slice(0, 7)}</td><td>{label(s.status)}</td><td className="num">{fmtUsd(s.tenantTotalUsd)}</td><td className="num">{fmtUsd(s.hostPayoutUsd)}</td></tr>
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
