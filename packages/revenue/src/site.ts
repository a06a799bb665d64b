// Site capacity: the schema and the simulation compute it with the same expression, so a load the schema
// accepts can never exceed what the simulation sees as available.

interface SiteCapacity {
  readonly interconnectionMw: number;
  readonly reserve: { readonly kind: 'mw'; readonly mw: number } | { readonly kind: 'percent'; readonly percent: number };
}

/** MW the site may draw: the interconnection limit less the reserve kept unused. */
export function availableMw(site: SiteCapacity): number {
  const reserve = site.reserve.kind === 'mw' ? site.reserve.mw : (site.interconnectionMw * site.reserve.percent) / 100;
  return site.interconnectionMw - reserve;
}
