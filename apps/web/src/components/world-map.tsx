// A world map drawn as SVG on the server: the land outline shipped with the app (lib/world-outline.ts, one cached
// file), no map tiles, no network. Dots sit at the centre of a region or country, never at a site.
import { coarseCentre } from '@/lib/geo';
import { placeLabels } from '@/lib/map-labels';
import { LAND_OUTLINE_PATH, MAP_HEIGHT as H, MAP_WIDTH as W, project } from '@/lib/world-outline';

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
      <image href={LAND_OUTLINE_PATH} width={W} height={H} />
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
