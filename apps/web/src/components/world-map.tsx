// A world outline shipped with the app (Natural Earth land, 1:110m, from the world-atlas npm package) drawn as
// SVG on the server: no map tiles, no network. Dots sit at the centre of a region or country, never at a site.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land from 'world-atlas/land-110m.json';
import { coarseCentre } from '@/lib/geo';
import { placeLabels } from '@/lib/map-labels';

const W = 960;
const H = 420;
const LAT_TOP = 80;
const LAT_BOTTOM = -58;

const project = (lat: number, lon: number): [number, number] => [((lon + 180) / 360) * W, ((LAT_TOP - lat) / (LAT_TOP - LAT_BOTTOM)) * H];

let landPath: string | undefined;
function worldPath(): string {
  if (landPath) return landPath;
  const topology = land as unknown as Topology<{ land: GeometryCollection }>;
  const geo = feature(topology, topology.objects.land);
  const parts: string[] = [];
  for (const f of geo.features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        // Rings that cross the antimeridian would draw a line across the whole map: break them there instead.
        let previousLon: number | undefined;
        const d = ring
          .map(([lon = 0, lat = 0]) => {
            const jump = previousLon === undefined || Math.abs(lon - previousLon) > 180;
            previousLon = lon;
            const [x, y] = project(Math.max(LAT_BOTTOM, lat), lon);
            return `${jump ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
          })
          .join('');
        parts.push(d);
      }
    }
  }
  landPath = parts.join('');
  return landPath;
}

export interface MapPoint {
  country: string;
  region: string;
  mw: number;
  count: number;
}

const placeKey = (p: { country: string; region: string }) => `${p.country}/${p.region}`;

/** One point per region: the MW and number of the listings there (capacity blocks, hosting offers). */
export function mapPoints(listings: readonly { country: string; region: string; mw: number }[]): MapPoint[] {
  const byPlace = new Map<string, MapPoint>();
  for (const l of listings) {
    const key = placeKey(l);
    const point = byPlace.get(key) ?? { country: l.country, region: l.region, mw: 0, count: 0 };
    point.mw += l.mw;
    point.count += 1;
    byPlace.set(key, point);
  }
  return [...byPlace.values()];
}

/** `hrefFor`: where clicking a place leads (the search narrowed to it); without it the dots are not links. */
export function WorldMap({ points, title, hrefFor }: { points: MapPoint[]; title: string; hrefFor?: (p: MapPoint) => string }) {
  const placed = points.flatMap((p) => {
    const centre = coarseCentre(p.country, p.region);
    return centre ? [{ ...p, xy: project(centre[0], centre[1]) }] : [];
  });
  const maxMw = Math.max(1, ...placed.map((p) => p.mw));
  const radius = (p: MapPoint) => 5 + 12 * Math.sqrt(p.mw / maxMw);
  const labels = new Map(
    placeLabels(
      placed.map((p) => ({ id: placeKey(p), text: p.region || p.country, x: p.xy[0], y: p.xy[1], r: radius(p), weight: p.mw })),
      { width: W, height: H },
    ).map((l) => [l.id, l]),
  );
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="capacity-map">
      <title>{title}</title>
      <rect width={W} height={H} fill="#eaf2fb" />
      <path d={worldPath()} fill="#d5dbe2" stroke="none" />
      {placed.map((p) => {
        const label = labels.get(placeKey(p));
        const name = `${p.region ? `${p.region}, ` : ''}${p.country}: ${p.count} listing(s), ${Math.round(p.mw)} MW`;
        const dot = (
          <>
            <circle cx={p.xy[0]} cy={p.xy[1]} r={radius(p)} fill="var(--brand)" fillOpacity="0.55" stroke="#fff">
              <title>{hrefFor ? `${name}. Show only these.` : name}</title>
            </circle>
            {label && (
              <text x={label.x} y={label.y} textAnchor={label.anchor} fontSize="10" fill="var(--ink)" data-testid="map-label">
                {label.text}
              </text>
            )}
          </>
        );
        return (
          <g key={placeKey(p)} data-testid="map-dot">
            {hrefFor ? <a href={hrefFor(p)} aria-label={`${name}: show only these`}>{dot}</a> : dot}
          </g>
        );
      })}
    </svg>
  );
}
