// Distances and the latency we assume between sites of a split.

export interface LatLng {
  readonly latitude: number;
  readonly longitude: number;
}

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * House default, not a measurement: fiber routes follow roads and rights of way, so we take the fiber
 * path as 1.5x the great-circle distance.
 */
export const FIBER_ROUTE_FACTOR = 1.5;

/**
 * Light in glass covers ~200,000 km/s, so 100 km of fiber costs ~0.5 ms each way: ~1 ms round trip per
 * 100 km. Switching and amplification are left out.
 */
export const ROUND_TRIP_MS_PER_FIBER_KM = 0.01;

const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine formula). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLng = (b.longitude - a.longitude) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLng / 2) ** 2;
  // Rounding can push s a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, s)));
}

/** Estimated round-trip ms between two points over fiber: great-circle km x 1.5 x 0.01 ms/km. */
export function estimateRoundTripMs(distanceKm: number): number {
  return distanceKm * FIBER_ROUTE_FACTOR * ROUND_TRIP_MS_PER_FIBER_KM;
}
