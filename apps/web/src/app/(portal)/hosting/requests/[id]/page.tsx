import type { Metadata } from 'next';
import { ECONOMICS_HEADERS, EconomicsCells, economicsValues } from '@/components/hosting-economics';
import { fmtMw, fmtNum } from '@/lib/format';
import { gql, requireViewer } from '@/lib/session';
import { HostingRequestDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Hosting matches' };

/** How many of the best matches the side-by-side comparison shows. */
const COMPARE = 3;

export default async function HostingRequestPage({ params }: { params: Promise<{ id: string }> }) {
  await requireViewer();
  const { id } = await params;
  const data = await gql(
    HostingRequestDocument,
    { id },
  );
  const r = data.hostingRequest;
  const m = data.hostingMatches;
  const compared = m.matches.slice(0, COMPARE);
  return (
    <>
      <h1>{r.title}</h1>
      <p className="muted">
        {fmtMw(r.fleetMw)} at {fmtNum(r.fleetJPerTh, 2)} J/TH, tolerating {r.curtailmentToleratedHoursPerMonth} h of curtailment a month. Economics at ${m.hashpriceUsdPerPhDay}/PH/day.
      </p>
      <h2>Matches</h2>
      {m.matches.length === 0 ? (
        <div className="empty">No listed offer can host this fleet yet.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>#</th><th>Host</th><th>Where</th><th className="num">Score</th>{ECONOMICS_HEADERS.map((h) => <th key={h} className="num">{h}</th>)}<th>Why</th></tr></thead>
            <tbody>
              {m.matches.map((x) => (
                <tr key={x.offer.id} data-testid="hosting-match">
                  <td>{x.rank}</td>
                  <td>{x.offer.hostLabel}</td>
                  <td>{x.offer.region}, {x.offer.country}</td>
                  <td className="num">{fmtNum(x.score, 1)}</td>
                  <EconomicsCells economics={x.economics} />
                  <td><small>{x.summary}<br />{x.criteria.map((c) => c.reason).join(' · ')}</small></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {compared.length > 1 && (
        <>
          <h2>Compare side by side</h2>
          <div className="table-wrap">
            <table data-testid="hosting-compare">
              <thead><tr><th></th>{compared.map((x) => <th key={x.offer.id}>{x.offer.hostLabel}</th>)}</tr></thead>
              <tbody>
                <tr><th>Power</th>{compared.map((x) => <td key={x.offer.id}>{x.offer.interruptibility === 'FIRM' ? 'Firm' : `≤ ${x.offer.maxCurtailedHoursPerMonth} h/month curtailed`}</td>)}</tr>
                <tr><th>Uptime</th>{compared.map((x) => <td key={x.offer.id}>{x.offer.uptimeCommitmentPct}%</td>)}</tr>
                {ECONOMICS_HEADERS.map((h, i) => (
                  <tr key={h}><th>{h}</th>{compared.map((x) => <td key={x.offer.id} className="num">{economicsValues(x.economics)[i]}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {m.excluded.length > 0 && (
        <>
          <h2>Excluded offers</h2>
          <ul data-testid="hosting-excluded">
            {m.excluded.map((x) => <li key={x.offerId}>{x.reasons.map((reason) => reason.message).join('; ')}</li>)}
          </ul>
        </>
      )}
    </>
  );
}
