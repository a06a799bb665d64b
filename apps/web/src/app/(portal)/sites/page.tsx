import type { Metadata } from 'next';
import Link from 'next/link';
import { fmtMw, label } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';
import { TierBadge } from '@/components/badges';
import { BusyForm } from '@/components/busy-form';
import { type Column, SortableTable, totalMw } from '@/components/sortable-table';
import { SitesDocument, type SitesQuery } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Sites' };

type SiteRow = SitesQuery['sites']['edges'][number]['node'];

const COLUMNS: Column<SiteRow>[] = [
  { key: 'name', label: 'Name', cell: (s) => <Link href={`/sites/${s.id}`}>{s.name}</Link>, sortBy: (s) => s.name.toLowerCase() },
  { key: 'location', label: 'Location', cell: (s) => `${s.region}, ${s.country}`, sortBy: (s) => `${s.region}, ${s.country}` },
  { key: 'grid', label: 'Grid', cell: (s) => s.gridOperator, sortBy: (s) => s.gridOperator },
  { key: 'mw', label: 'Energized', numeric: true, cell: (s) => fmtMw(s.energizedMw), sortBy: (s) => s.energizedMw, total: totalMw((s) => s.energizedMw, fmtMw) },
  { key: 'cooling', label: 'Cooling', cell: (s) => label(s.coolingType), sortBy: (s) => label(s.coolingType) },
  {
    key: 'readiness',
    label: 'Readiness',
    numeric: true,
    cell: (s) => (s.readiness ? <>{Math.round(s.readiness.score)} <TierBadge tier={s.readiness.tier} /></> : '—'),
    sortBy: (s) => s.readiness?.score ?? -1,
  },
  { key: 'verification', label: 'Verification', cell: (s) => label(s.verification), sortBy: (s) => s.verification },
];

export default async function SitesPage({ searchParams }: { searchParams: Promise<{ q?: string; sort?: string; dir?: string }> }) {
  const viewer = await requireKind('MINER');
  const params = await searchParams;
  const q = (params.q ?? '').trim();
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
      <BusyForm action="/sites" className="filters" role="search" label="Search" busyLabel="Searching…" status="Searching…">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" defaultValue={q} placeholder="Name, region, grid…" />
        </div>
      </BusyForm>
      {rows.length === 0 ? (
        <div className="empty">{q ? `No site matches “${q}”.` : 'No sites yet. Add your first powered site.'}</div>
      ) : (
        <SortableTable rows={rows} columns={COLUMNS} rowKey={(s) => s.id} sort={{ path: '/sites', params }} totalLabel={(n) => `${n} sites`} />
      )}
      <p className="muted">
        {rows.length} of {data.sites.totalCount} active sites
      </p>
    </>
  );
}
