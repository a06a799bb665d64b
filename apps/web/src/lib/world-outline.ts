// The world's land outline (Natural Earth land, 1:110m, from the world-atlas npm package) projected onto the
// portal's map (equirectangular, 960 x 420, latitudes 80° to -58°). The outline is the same on every map, so it
// is served once as a static, long-cached SVG file (app/maps/land-110m.svg) rather than inside every page: it
// is ~57 KB of path data, which a page carried twice (in its HTML and in its React payload).
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land from 'world-atlas/land-110m.json';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 420;
const LAT_TOP = 80;
const LAT_BOTTOM = -58;

/** Where the outline is served; the name carries the data's resolution so a new outline gets a new address. */
export const LAND_OUTLINE_PATH = '/maps/land-110m.svg';

export const project = (lat: number, lon: number): [number, number] => [
  ((lon + 180) / 360) * MAP_WIDTH,
  ((LAT_TOP - lat) / (LAT_TOP - LAT_BOTTOM)) * MAP_HEIGHT,
];

function landPath(): string {
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
  return parts.join('');
}

/** The outline as a standalone SVG document, on the map's own coordinates. */
export function landOutlineSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}"><path d="${landPath()}" fill="#d5dbe2"/></svg>`;
}
