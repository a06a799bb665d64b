import type { Metadata } from 'next';
import Link from 'next/link';
import { ECONOMICS_HEADERS, EconomicsCells } from '@/components/hosting-economics';
import { WorldMap, mapPoints } from '@/components/world-map';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { gql, requireViewer } from '@/lib/session';
import { SearchHostingOffersDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Find hosting' };

type Params = Record<string, string | undefined>;
const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);
const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** The filters from the URL, so a search can be bookmarked. */
function filterFrom(p: Params) {
  const filter: Record<string, unknown> = {
    regions: list(p.regions),
    maxRateUsdPerKwh: num(p.maxRate),
    maxCurtailedHoursPerMonth: num(p.maxCurtailed),
    firmOnly: p.firmOnly === 'on' || undefined,
    jPerTh: num(p.jPerTh),
    fleetMw: num(p.fleetMw),
    market: num(p.hashprice) !== undefined ? { hashpriceUsdPerPhDay: num(p.hashprice), poolFeePercent: 2 } : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}

export default async function FindHostingPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireViewer();
  const p = await searchParams;
  const data = await gql(
    SearchHostingOffersDocument,
    { filter: filterFrom(p), after: p.after ?? null },
  );
  const { edges, pageInfo, totalCount } = data.searchHostingOffers;
  const next = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'after'));
  if (pageInfo.endCursor) next.set('after', pageInfo.endCursor);
  return (
    <>
      <h1>Find hosting</h1>
      <p className="muted">
        Power for mining fleets, priced per kWh, highest expected margin first at your fleet&apos;s efficiency. Hosts stay anonymous until you accept a deal.
      </p>
      <form method="get" className="filters grid-fields">
        <div className="field"><label htmlFor="regions">Regions</label><input id="regions" name="regions" defaultValue={p.regions ?? ''} /></div>
        <div className="field"><label htmlFor="maxRate">Max rate ($/kWh)</label><input id="maxRate" name="maxRate" type="number" step="0.00001" min={0} defaultValue={p.maxRate ?? ''} /></div>
        <div className="field"><label htmlFor="maxCurtailed">Max curtailment (h/month)</label><input id="maxCurtailed" name="maxCurtailed" type="number" min={0} defaultValue={p.maxCurtailed ?? ''} /></div>
        <div className="field"><label htmlFor="jPerTh">Fleet J/TH</label><input id="jPerTh" name="jPerTh" type="number" step="any" min={5} defaultValue={p.jPerTh ?? '17.5'} /></div>
        <div className="field"><label htmlFor="fleetMw">Fleet MW</label><input id="fleetMw" name="fleetMw" type="number" step="any" min={0} defaultValue={p.fleetMw ?? '1'} /></div>
        <div className="field"><label htmlFor="hashprice">Hashprice ($/PH/day)</label><input id="hashprice" name="hashprice" type="number" step="any" min={0} defaultValue={p.hashprice ?? ''} placeholder="documented default" /></div>
        <div className="field field-check"><label htmlFor="firmOnly">Firm power only</label><input id="firmOnly" name="firmOnly" type="checkbox" defaultChecked={p.firmOnly === 'on'} /></div>
        <button type="submit">Search</button>
      </form>
      <p data-testid="result-count" className="muted">{totalCount} offers</p>
      {edges.length > 0 && <WorldMap points={mapPoints(edges.map((e) => e.node))} title="Where the hosting offers on this page are (region or country only)" />}
      {edges.length === 0 ? (
        <div className="empty">No hosting offers match these filters.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th>Host</th><th>Where</th><th className="num">MW</th><th>From</th><th>Power</th><th className="num">Uptime</th><th>Cooling</th>
                {ECONOMICS_HEADERS.map((h) => <th key={h} className="num">{h}</th>)}</tr>
            </thead>
            <tbody>
              {edges.map(({ node: o }) => (
                <tr key={o.id} data-testid="hosting-listing" data-id={o.id}>
                  <td>{o.hostLabel}{o.hostVerified ? ' ✓' : ''}{o.aiSiteIdlePower ? ' (AI site idle power)' : ''}</td>
                  <td>{o.region}, {o.country}</td>
                  <td className="num">{fmtMw(o.mw)}</td>
                  <td>{fmtDate(o.availableFrom)}</td>
                  <td>{o.interruptibility === 'FIRM' ? 'Firm' : `Interruptible, ≤ ${o.maxCurtailedHoursPerMonth} h/month`}</td>
                  <td className="num">{o.uptimeCommitmentPct}%</td>
                  <td>{o.coolings.map(label).join(', ')}</td>
                  <EconomicsCells economics={o.economics} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageInfo.hasNextPage && <Link href={`/hosting?${next.toString()}`}>Next page</Link>}
      <p><Link href="/hosting/requests">Post a hosting request</Link> to get ranked, explained matches for your fleet.</p>
    </>
  );
}
