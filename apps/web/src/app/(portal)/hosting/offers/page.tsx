import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/action-button';
import { ECONOMICS_HEADERS, EconomicsCells } from '@/components/hosting-economics';
import { HostingOfferForm } from '@/components/hosting-forms';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { canWrite, gql, requireViewer } from '@/lib/session';
import { createHostingOffer, proposeHostingDeal, publishHostingOffer } from '../actions';
import { HostingOffersDocument, HostingRequestsThatFitDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Hosting offers' };

/** An offer's `aiLoad` is a JSON scalar (`unknown` in the generated types); the API writes it as { contractedItMw, profile } or null. */
function aiLoadNote(aiLoad: unknown): string {
  const load = aiLoad as { contractedItMw: number; profile: { kind: string } } | null;
  return load ? ` · idle power of ${fmtMw(load.contractedItMw)} of AI ${load.profile.kind}` : '';
}

export default async function HostingOffersPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const viewer = await requireViewer();
  const { after } = await searchParams;
  // Two queries: together they would pass the API's query cost limit (docs/portal.md, "Query cost").
  const [data, market] = await Promise.all([
    gql(
      HostingOffersDocument,
      { after: after ?? null },
    ),
    gql(
      HostingRequestsThatFitDocument,
    ),
  ]);
  const offers = data.hostingOffers.edges.map((e) => e.node);
  const fits = market.hostingRequestsThatFit.edges.map((e) => e.node);
  const sites = data.sites.edges.map((e) => e.node);
  // A request already proposed on shows its deal's state instead of a second Propose button.
  const dealt = new Map(market.hostingDeals.edges.filter((e) => e.node.role === 'HOST').map((e) => [e.node.requestId, e.node.status]));
  const writer = canWrite(viewer);
  return (
    <>
      <h1>Hosting offers</h1>
      <p className="muted">Sell idle power to mining fleets per kWh. Listed offers show fleets your region and terms, never your name or site.</p>
      {offers.length === 0 ? (
        <div className="empty">No hosting offers yet.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Site</th><th>Status</th><th className="num">MW</th><th>From</th><th className="num">$/kWh</th><th>Power</th><th></th></tr></thead>
            <tbody>
              {offers.map((o) => (
                <tr key={o.id} data-testid="hosting-offer">
                  <td>{o.site.name}</td>
                  <td>{label(o.status)}</td>
                  <td className="num">{fmtMw(o.mw)}</td>
                  <td>{fmtDate(o.availableFrom)}</td>
                  <td className="num">{o.pricing.rateUsdPerKwh ?? `fee $${o.pricing.feeUsdPerKwMonth}/kW-mo`}</td>
                  <td>
                    {o.interruptibility === 'FIRM' ? 'Firm' : `≤ ${o.maxCurtailedHoursPerMonth} h/month`}
                    {aiLoadNote(o.aiLoad)}
                  </td>
                  <td>{writer && (o.status === 'DRAFT' || o.status === 'WITHDRAWN') && <ActionButton action={publishHostingOffer} fields={{ id: o.id }} label="List" />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.hostingOffers.pageInfo.hasNextPage && <Link href={`/hosting/offers?after=${data.hostingOffers.pageInfo.endCursor}`}>Next page</Link>}

      <h2>Requests that fit your offers</h2>
      {fits.length === 0 ? (
        <div className="empty">No open fleet request fits your listed offers right now.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Fleet</th><th className="num">MW</th><th className="num">J/TH</th><th>Where</th><th>Start</th><th className="num">Term</th>{ECONOMICS_HEADERS.map((h) => <th key={h} className="num">{h}</th>)}<th></th></tr></thead>
            <tbody>
              {fits.map((f) => (
                <tr key={f.id} data-testid="fitting-request" data-id={f.id}>
                  <td>{f.fleetLabel}</td>
                  <td className="num">{fmtMw(f.fleetMw)}</td>
                  <td className="num">{f.fleetJPerTh}</td>
                  <td>{f.regions.join(', ') || 'anywhere'}</td>
                  <td>{fmtDate(f.startDate)}</td>
                  <td className="num">{f.termMonths} mo</td>
                  <EconomicsCells economics={f.economics} />
                  <td>
                    {dealt.has(f.id) ? (
                      <span data-testid="fit-deal-status">{label(dealt.get(f.id) ?? '')}</span>
                    ) : (
                      writer && <ActionButton action={proposeHostingDeal} fields={{ offerId: f.bestOfferId, requestId: f.id }} label="Propose" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {writer && (
        <div className="card">
          <h2>New hosting offer</h2>
          {sites.length === 0 ? <p className="empty">Add a site first: an offer sells a site&apos;s power.</p> : <HostingOfferForm action={createHostingOffer} sites={sites} />}
        </div>
      )}
    </>
  );
}
