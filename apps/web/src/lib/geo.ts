// Coarse positions for the map: the centre of a region (state/province) or, failing that, of a country.
// Listings carry no coordinates (the API keeps a site's exact location until a deal is accepted), so the
// map can only ever place a dot this coarsely.
const REGION_CENTRES: Record<string, [number, number]> = {
  'US/Texas': [31.0, -99.0], 'US/Oklahoma': [35.5, -97.5], 'US/Virginia': [37.5, -78.8], 'US/Pennsylvania': [40.9, -77.8],
  'US/Ohio': [40.3, -82.8], 'US/North Dakota': [47.5, -100.5], 'US/Iowa': [42.0, -93.5], 'US/Mississippi': [32.7, -89.7],
  'US/Kansas': [38.5, -98.0], 'US/New York': [42.9, -75.5], 'US/Georgia': [32.7, -83.4], 'US/Washington': [47.4, -120.5],
  'US/Wyoming': [43.0, -107.5], 'US/Nebraska': [41.5, -99.8], 'US/Kentucky': [37.5, -85.3], 'US/Tennessee': [35.9, -86.4],
  'CA/Québec': [52.0, -72.0], 'CA/Alberta': [54.5, -115.0], 'CA/Manitoba': [55.0, -97.0], 'CA/Ontario': [50.0, -85.0],
};
const COUNTRY_CENTRES: Record<string, [number, number]> = {
  US: [39.5, -98.5], CA: [56.0, -96.0], MX: [23.6, -102.5], BR: [-10.8, -52.9], PY: [-23.4, -58.4], AR: [-35.0, -65.0],
  CL: [-33.0, -70.5], NO: [61.5, 9.0], SE: [62.5, 16.0], FI: [63.5, 26.5], IS: [64.9, -18.6], DK: [56.0, 9.5],
  DE: [51.1, 10.4], FR: [46.6, 2.4], GB: [54.0, -2.0], IE: [53.2, -8.0], NL: [52.2, 5.3], ES: [40.3, -3.7], PT: [39.6, -8.0],
  ET: [9.1, 40.5], KE: [0.2, 37.9], ZA: [-29.0, 24.0], EG: [26.8, 30.8], AE: [24.0, 54.0], SA: [24.0, 45.0],
  KZ: [48.0, 67.0], RU: [61.5, 90.0], CN: [35.9, 104.2], IN: [22.0, 79.0], JP: [36.2, 138.3], AU: [-25.3, 133.8],
  MY: [4.2, 102.0], ID: [-2.5, 118.0],
};

/** [latitude, longitude] of the region's or country's centre, or null when we have none. */
export function coarseCentre(country: string, region: string): [number, number] | null {
  return REGION_CENTRES[`${country}/${region}`] ?? COUNTRY_CENTRES[country] ?? null;
}
