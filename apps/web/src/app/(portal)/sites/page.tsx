import type { Metadata } from 'next';
import Link from 'next/link';
import { fmtMw, label } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';
import { TierBadge } from '@/components/badges';
import { SitesDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Sites' };

export default async function SitesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const viewer = await requireKind('MINER');
  const q = ((await searchParams).q ?? '').trim();
  const data = await gql(
    SitesDocument,
  );
  const needle = q.toLowerCase();
  // The API filters by region and grid; the name search runs over the organisation's own (at most 50, the API’s query-cost limit) sites.
  const rows = data.sites.edges
    .map((e) => e.node)
    .filter((s) => !needle || [s.name, s.region, s.country, s.gridOperator].some((v) => v.toLowerCase().includes(needle)));
  return (
    <>
      <div className="actions" style={{ justifyContent: 'space-between' }}>
        <h1>Sites</h1>
        {canWrite(viewer) && (
          <Link href="/sites/new" className="button">
            New site
          </Link>
        )}
      </div>
      <form className="filters" role="search">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" defaultValue={q} placeholder="Name, region, grid…" />
        </div>
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      {rows.length === 0 ? (
        <div className="empty">{q ? `No site matches “${q}”.` : 'No sites yet. Add your first powered site.'}</div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Location</th>
                <th>Grid</th>
                <th className="num">Energized</th>
                <th>Cooling</th>
                <th className="num">Readiness</th>
                <th>Verification</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/sites/${s.id}`}>{s.name}</Link>
                  </td>
                  <td>
                    {s.region}, {s.country}
                  </td>
                  <td>{s.gridOperator}</td>
                  <td className="num">{fmtMw(s.energizedMw)}</td>
                  <td>{label(s.coolingType)}</td>
                  <td className="num">{s.readiness ? <>{Math.round(s.readiness.score)} <TierBadge tier={s.readiness.tier} /></> : '—'}</td>
                  <td>{label(s.verification)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        {rows.length} of {data.sites.totalCount} active sites
      </p>
    </>
  );
}
