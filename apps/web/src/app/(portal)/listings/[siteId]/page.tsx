import type { Metadata } from 'next';
import Link from 'next/link';
import { TierBadge } from '@/components/badges';
import { HBarChart } from '@/components/charts';
import { RequestProposalForm } from '@/components/request-proposal-form';
import { fmtDate, fmtMw, fmtNum, label } from '@/lib/format';
import { canWrite, gql, requireViewer } from '@/lib/session';
import { ListingDocument, RequestsToProposeDocument } from '@/generated/graphql';

export async function generateMetadata({ params }: { params: Promise<{ siteId: string }> }): Promise<Metadata> {
  const { siteId } = await params;
  const { listing } = await gql(ListingDocument, { id: siteId });
  return { title: `${listing.site.region} · ${listing.site.gridOperator} · Listing` };
}

export default async function ListingPage({ params }: { params: Promise<{ siteId: string }> }) {
  const viewer = await requireViewer();
  const { siteId } = await params;
  const { listing } = await gql(ListingDocument, { id: siteId });
  const { site, blocks, readiness } = listing;
  const tenant = viewer.organization?.kind === 'TENANT' && canWrite(viewer);
  const open = tenant
    ? (await gql(
        RequestsToProposeDocument,
      )).colocationRequests.edges.map((e) => e.node)
    : [];
  return (
    <>
      <p><Link href="/search">← Back to search</Link></p>
      <h1>
        {site.region}, {site.country} · {site.gridOperator} {readiness && <TierBadge tier={readiness.tier} />}
      </h1>
      <p className="muted">The exact site and its host are revealed only once a deal is accepted.</p>
      <div className="row">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h">The site</h2>
          <dl className="facts">
            <dt>Energized</dt><dd>{fmtMw(site.energizedMw)} ({label(site.interconnectionStatus)})</dd>
            <dt>Cooling</dt><dd>{label(site.coolingType)}</dd>
            <dt>Redundancy</dt><dd>{label(site.redundancy)}</dd>
            <dt>Rack density</dt><dd>up to {site.maxRackDensityKw} kW</dd>
            <dt>Network</dt><dd>{site.latencyToHubMs === null ? 'latency unknown' : `${fmtNum(site.latencyToHubMs)} ms`}{site.nearestHub ? ` to ${site.nearestHub}` : ''}</dd>
            <dt>Energy</dt><dd>${site.energyPriceUsdPerMwh}/MWh · {site.renewableSharePct}% renewable · PUE {site.pue}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="readiness-h">
          <h2 id="readiness-h">AI readiness {readiness ? `${Math.round(readiness.score)}/100` : ''}</h2>
          {readiness ? (
            <>
              <HBarChart title="Readiness sub-scores" bars={readiness.criteria.map((c) => ({ label: c.label, value: c.subScore * 100 }))} max={100} />
              <ul className="reasons">
                {readiness.criteria.map((c) => (
                  <li key={c.key}><strong>{c.label}</strong>: {c.reason}</li>
                ))}
              </ul>
            </>
          ) : (
            <div className="empty">Not assessed yet.</div>
          )}
        </section>
      </div>
      <h2>Terms</h2>
      <div className="table-wrap" role="region" aria-label="Capacity blocks (scrolls sideways)" tabIndex={0}>
        <table>
          <thead><tr><th>Kind</th><th className="num">MW</th><th className="num">Firm MW</th><th>Available</th><th className="num">$/kW-mo</th><th className="num">Min term</th></tr></thead>
          <tbody>
            {blocks.map((b) => (
              <tr key={b.id}>
                <td>{label(b.kind)}</td><td className="num">{fmtMw(b.mw)}</td><td className="num">{fmtMw(b.firmMw)}</td>
                <td>{fmtDate(b.availableFrom)}</td><td className="num">{b.priceUsdPerKwMonth}</td><td className="num">{b.minTermMonths} mo</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tenant && (
        <section className="card" aria-labelledby="ask-h">
          <h2 id="ask-h">Request a proposal</h2>
          <p className="muted">The host sees your request, not your name, and can propose a deal on it.</p>
          {open.length === 0 ? (
            <div className="empty">Open a request first: <Link href="/requests/new">post a request</Link>.</div>
          ) : (
            <RequestProposalForm siteId={site.id} requests={open} />
          )}
        </section>
      )}
    </>
  );
}
