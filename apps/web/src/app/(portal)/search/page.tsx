import type { Metadata } from 'next';
import Link from 'next/link';
import { GridshareError } from '@gridshare/sdk';
import { BusyForm } from '@/components/busy-form';
import { WorldMap, mapPoints, type MapPoint } from '@/components/world-map';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { canonicalGridOperators, canonicalRegions } from '@/lib/regions';
import { COOLING, REDUNDANCY } from '@/lib/site-fields';
import { gql, requireViewer } from '@/lib/session';
import { ListedRegionsDocument, SearchCapacityDocument } from '@/generated/graphql';
import { allOf } from '@/lib/enums';
import type { CapacitySort } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Find capacity' };

interface Listing {
  id: string;
  kind: string;
  mw: number;
  availableFrom: string;
  priceUsdPerKwMonth: number;
  minTermMonths: number;
  site: { id: string; country: string; region: string; gridOperator: string; coolingType: string; redundancy: string; maxRackDensityKw: number; renewableSharePct: number; readinessScore: number | null };
}

type Params = Record<string, string | undefined>;
const SORTS = allOf<CapacitySort>()('PRICE_ASC', 'MW_DESC', 'AVAILABLE_FROM_ASC', 'READINESS_DESC');
const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  PRICE_ASC: 'Price, lowest first',
  MW_DESC: 'Largest blocks first',
  AVAILABLE_FROM_ASC: 'Soonest available',
  READINESS_DESC: 'Most AI-ready first',
};
// At most 50: past that the query costs more than the API's GraphQL Armor allows (docs/portal.md).
const PAGE_SIZES = [10, 25, 50] as const;

const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);
const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** The regions and grid operators with listed capacity, as they are spelled there. */
interface Listed {
  regions: readonly string[];
  gridOperators: readonly string[];
}
const NOTHING_LISTED: Listed = { regions: [], gridOperators: [] };

/** The marketplace filters, read from the URL so a search can be bookmarked and shared. */
function filterFrom(p: Params, listed: Listed) {
  const regions = list(p.regions);
  const gridOperators = list(p.gridOperators);
  const filter: Record<string, unknown> = {
    minBlockMw: num(p.minBlockMw),
    minContiguousMw: num(p.minContiguousMw),
    termMonths: num(p.termMonths),
    availableBy: p.availableBy || undefined,
    countries: list(p.countries?.toUpperCase()),
    regions: regions && canonicalRegions(regions, listed.regions),
    gridOperators: gridOperators && canonicalGridOperators(gridOperators, listed.gridOperators),
    maxPriceUsdPerKwMonth: num(p.maxPrice),
    minRackDensityKw: num(p.minRackDensityKw),
    coolingTypes: p.cooling ? [p.cooling] : undefined,
    minRedundancy: p.minRedundancy || undefined,
    maxLatencyMs: num(p.maxLatencyMs),
    minRenewableSharePct: num(p.minRenewable),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}

/** The same search (every filter and the sort) at another page; the cursor carries the position. */
function searchHref(p: Params, after?: string, trail: readonly string[] = []): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(p)) if (value && key !== 'after' && key !== 'trail') params.set(key, value);
  if (after) params.set('after', after);
  if (trail.length) params.set('trail', trail.join(' '));
  return `/search?${params}`;
}

/** This search narrowed to one place on the map (its region, or its country when it has none), from the first page. */
function placeHref(p: Params, place: MapPoint): string {
  const narrowed = place.region ? { ...p, regions: place.region, countries: place.country } : { ...p, countries: place.country };
  return searchHref(narrowed);
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = await searchParams;
  const sort = SORTS.find((s) => s === p.sort) ?? 'PRICE_ASC';
  const pageSize = PAGE_SIZES.find((n) => String(n) === p.pageSize) ?? 50;
  type Page = { searchCapacity: { totalCount: number; totalCountIsExact: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Listing }[] } };
  let refusal: string | null = null;
  const search = (listed: Listed) =>
    gql(SearchCapacityDocument, { filter: filterFrom(p, listed), sort, after: p.after || null, first: pageSize }).catch((error: unknown): Page => {
      // A filter the API refuses (e.g. a negative MW) is shown above the results, not as an error page.
      if (!(error instanceof GridshareError) || error.code !== 'BAD_USER_INPUT') throw error;
      refusal = error.message;
      return { searchCapacity: { totalCount: 0, totalCountIsExact: true, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } };
    });
  // The page's requests go out together: the listed regions and grid operators are needed before the search
  // only to read typed regions or grid operators (filterFrom), so a search without them does not wait for the lists.
  const lists = gql(ListedRegionsDocument);
  const listedOf = async (): Promise<Listed> => {
    const { listedRegions, listedGridOperators } = await lists;
    return { regions: listedRegions.map((r) => r.region), gridOperators: listedGridOperators.map((g) => g.gridOperator) };
  };
  const [viewer, { listedRegions, listedGridOperators }, data] = await Promise.all([
    requireViewer(),
    lists,
    p.regions || p.gridOperators ? listedOf().then(search) : search(NOTHING_LISTED),
  ]);
  const listings = data.searchCapacity.edges.map((e) => e.node);
  const { hasNextPage, endCursor } = data.searchCapacity.pageInfo;
  // Keyset pages go forward only: the cursors of the pages before this one ride along in `trail`.
  const trail = p.trail ? p.trail.split(' ') : [];
  const nextPage = hasNextPage && endCursor ? searchHref(p, endCursor, p.after ? [...trail, p.after] : trail) : null;
  const previousPage = p.after ? searchHref(p, trail[trail.length - 1], trail.slice(0, -1)) : null;
  const firstRow = (p.after ? trail.length + 1 : 0) * pageSize + 1;
  const total = data.searchCapacity.totalCount;
  const input = (name: string, text: string, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={name}>{text}</label>
      <input id={name} name={name} defaultValue={p[name] ?? ''} {...extra} />
    </div>
  );
  return (
    <>
      <h1>Find capacity</h1>
      <BusyForm action="/search" className="filters card" role="search" label="Search" busyLabel="Searching…" status="Searching…" secondary={<Link href="/search" className="button secondary">Clear</Link>}>
        {input('minBlockMw', 'Min MW', { type: 'number', min: 0, step: 'any' })}
        {input('availableBy', 'Available by', { type: 'date' })}
        {input('countries', 'Countries', { placeholder: 'US, CA' })}
        {input('regions', 'Regions', { placeholder: 'Texas, TX', list: 'listed-regions' })}
        <datalist id="listed-regions">
          {listedRegions.map((r) => <option key={`${r.country}/${r.region}`} value={r.region}>{`${r.region}, ${r.country} (${r.sites} sites)`}</option>)}
        </datalist>
        {input('gridOperators', 'Grid operators', { placeholder: 'ERCOT, nord pool', list: 'grid-operators' })}
        <datalist id="grid-operators">
          {listedGridOperators.map((g) => <option key={g.gridOperator} value={g.gridOperator}>{`${g.gridOperator} (${g.sites} sites)`}</option>)}
        </datalist>
        {input('minContiguousMw', 'Min MW at one site', { type: 'number', min: 0, step: 'any' })}
        {input('termMonths', 'Your term (months): blocks whose minimum term fits', { type: 'number', min: 1, max: 600, step: 1 })}
        {input('maxPrice', 'Max $/kW-month', { type: 'number', min: 0, step: 'any' })}
        {input('minRackDensityKw', 'Min kW/rack', { type: 'number', min: 0, step: 1 })}
        {input('maxLatencyMs', 'Max latency (ms)', { type: 'number', min: 0, step: 'any' })}
        {input('minRenewable', 'Min renewable %', { type: 'number', min: 0, max: 100, step: 1 })}
        <div className="field">
          <label htmlFor="cooling">Cooling</label>
          <select id="cooling" name="cooling" defaultValue={p.cooling ?? ''}>
            <option value="">Any</option>
            {COOLING.map((c) => <option key={c} value={c}>{label(c)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="minRedundancy">Min redundancy</label>
          <select id="minRedundancy" name="minRedundancy" defaultValue={p.minRedundancy ?? ''}>
            <option value="">Any</option>
            {REDUNDANCY.map((c) => <option key={c} value={c}>{label(c)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">Sort</label>
          <select id="sort" name="sort" defaultValue={sort}>
            {SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pageSize">Rows per page</label>
          <select id="pageSize" name="pageSize" defaultValue={String(pageSize)}>
            {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
      </BusyForm>
      {refusal && <p className="form-error" role="alert">{refusal}</p>}
      <p className="muted" data-testid="result-count">
        {data.searchCapacity.totalCount}
        {data.searchCapacity.totalCountIsExact ? '' : '+'} listings{listings.length < data.searchCapacity.totalCount ? ` (${listings.length} on this page)` : ''}
        {viewer.organization?.kind === 'TENANT' && <> · <Link href="/requests/new">Post a request instead</Link></>}
      </p>
      {listings.length === 0 ? (
        <div className="empty">No capacity matches these filters. Widen them, or post a request and let hosts come to you.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Location</th><th>Grid</th><th>Kind</th><th className="num">MW</th><th>Available</th><th className="num">$/kW-mo</th>
                <th className="num">Term</th><th>Cooling</th><th className="num">kW/rack</th><th className="num">Renewable</th><th className="num">Readiness</th>
              </tr>
            </thead>
            <tbody>
              {listings.map((l) => (
                <tr key={l.id} data-testid="listing" data-id={l.id}>
                  <td><Link href={`/listings/${l.site.id}`}>{l.site.region}, {l.site.country}</Link></td>
                  <td>{l.site.gridOperator}</td>
                  <td>{label(l.kind)}</td>
                  <td className="num">{fmtMw(l.mw)}</td>
                  <td>{fmtDate(l.availableFrom)}</td>
                  <td className="num">{l.priceUsdPerKwMonth}</td>
                  <td className="num">{l.minTermMonths} mo</td>
                  <td>{label(l.site.coolingType)}</td>
                  <td className="num">{l.site.maxRackDensityKw}</td>
                  <td className="num">{l.site.renewableSharePct}%</td>
                  <td className="num">{l.site.readinessScore === null ? '—' : Math.round(l.site.readinessScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions" style={{ marginTop: 12 }}>
        {previousPage && <Link href={previousPage} className="button secondary">← Previous</Link>}
        {listings.length > 0 && (
          <span className="muted" data-testid="page-position">
            {firstRow}–{firstRow + listings.length - 1} of {data.searchCapacity.totalCountIsExact ? total : `${total}+`}
          </span>
        )}
        {nextPage && <Link href={nextPage} className="button secondary">Next →</Link>}
      </div>
      {listings.length > 0 && (
        <div className="card">
          <h2>Where these listings are</h2>
          <WorldMap points={mapPoints(listings.map((l) => ({ country: l.site.country, region: l.site.region, mw: l.mw })))} title="Where this page's listings are (region or country only); a place links to its listings" hrefFor={(place) => placeHref(p, place)} />
          <p className="muted">Locations are shown by region or country; the exact site is revealed only once a deal is accepted. Click a place to see only its listings.</p>
        </div>
      )}
    </>
  );
}
