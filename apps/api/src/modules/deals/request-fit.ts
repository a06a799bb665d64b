// Whether a proposal meets the request's hard constraints, the ones matching checks before it ranks
// anything: where the site is, its latency, redundancy, cooling and rack density, the price cap, the term and
// the dates. A proposal that does not is refused naming the constraint, so a proposal is an offer for the
// request, never a way to reach a tenant (a Texas block on a Virginia request at $999/kW). Pure.
import { CONSTRAINT_LABELS, REDUNDANCY_RANK, coolingServes } from '@gridshare/matching';
import type { ConstraintKey, CoolingType, Redundancy } from '@gridshare/matching';
import type { ColocationRequest } from '@gridshare/db';
import { isoDay } from '../common/dates';
import type { TermsIssue } from './deal-terms';

export interface RequestConstraints {
  countries: readonly string[];
  regions: readonly string[];
  gridOperators: readonly string[];
  maxLatencyMs: number | null;
  cooling: CoolingType | null;
  minRackDensityKw: number | null;
  minRedundancy: Redundancy | null;
  maxPriceCentsPerKwMonth: number | null;
  termMonths: number;
  /** The last phase's neededBy: a deal starting later serves none of the request. */
  lastNeededBy: Date;
}

export interface OfferedSite {
  country: string;
  region: string;
  gridOperator: string;
  latencyToHubMs: number | null;
  coolingType: CoolingType;
  redundancy: Redundancy;
  maxRackDensityKw: number;
}

export interface Offer {
  priceCentsPerKwMonth: number;
  termMonths: number;
  startDate: Date;
}

export type FitIssue = TermsIssue & { constraint: ConstraintKey };

/** Case- and space-insensitive, as matching compares names; an empty list accepts any. */
const accepts = (list: readonly string[], value: string) => list.length === 0 || list.some((item) => item.trim().toUpperCase() === value.trim().toUpperCase());

const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** The message starts with the constraint's name, as matching's exclusions name it. */
const fieldIssue = (field: string, constraint: ConstraintKey, message: string): FitIssue => ({ field, constraint, message: `${CONSTRAINT_LABELS[constraint]}: ${message}` });

/** The site comes with the blocks the host chose: its constraints name `blockIds`. */
function siteIssue(request: RequestConstraints, site: OfferedSite): FitIssue | null {
  const issue = (constraint: ConstraintKey, message: string) => fieldIssue('blockIds', constraint, message);
  if (!accepts(request.countries, site.country) || !accepts(request.regions, site.region) || !accepts(request.gridOperators, site.gridOperator)) {
    return issue('location', `the site is in ${site.region}, ${site.country} (${site.gridOperator}); the request is for ${[request.regions, request.countries, request.gridOperators].map((l) => l.join('/') || 'any').join(', ')}`);
  }
  if (request.maxLatencyMs !== null && !(site.latencyToHubMs !== null && site.latencyToHubMs <= request.maxLatencyMs)) {
    return issue('latency', `the request needs at most ${request.maxLatencyMs} ms to a hub; the site has ${site.latencyToHubMs ?? 'no known'} ms`);
  }
  if (request.minRedundancy !== null && REDUNDANCY_RANK[site.redundancy] < REDUNDANCY_RANK[request.minRedundancy]) {
    return issue('redundancy', `the request needs ${request.minRedundancy} or better; the site has ${site.redundancy}`);
  }
  if (request.cooling !== null && !coolingServes(request.cooling, site.coolingType)) {
    return issue('cooling', `the request needs ${request.cooling} cooling; the site has ${site.coolingType}`);
  }
  if (request.minRackDensityKw !== null && site.maxRackDensityKw < request.minRackDensityKw) {
    return issue('rackDensity', `the request needs racks of ${request.minRackDensityKw} kW; the site takes ${site.maxRackDensityKw} kW`);
  }
  return null;
}

/** The first hard constraint of the request the proposal breaks, or null. */
export function findRequestFitIssue(offer: Offer, request: RequestConstraints, site: OfferedSite): FitIssue | null {
  const fromSite = siteIssue(request, site);
  if (fromSite) return fromSite;
  if (request.maxPriceCentsPerKwMonth !== null && offer.priceCentsPerKwMonth > request.maxPriceCentsPerKwMonth) {
    return fieldIssue('priceUsdPerKwMonth', 'price', `must be at most the request's ${usd(request.maxPriceCentsPerKwMonth)} per kW-month`);
  }
  if (offer.termMonths > request.termMonths) return fieldIssue('termMonths', 'term', `must be at most the request's ${request.termMonths} months`);
  if (offer.startDate > request.lastNeededBy) {
    return fieldIssue('startDate', 'mwByDate', `must be on or before the request's last phase, ${isoDay(request.lastNeededBy)}`);
  }
  return null;
}

/** A stored request's constraints (phases are kept as JSON: the last date is the latest neededBy). */
export function requestConstraints(request: ColocationRequest): RequestConstraints {
  const phaseDays = (request.phases as { neededBy: string }[]).map((phase) => new Date(`${phase.neededBy}T00:00:00Z`));
  return {
    countries: request.countries,
    regions: request.regions,
    gridOperators: request.gridOperators,
    maxLatencyMs: request.maxLatencyMs?.toNumber() ?? null,
    cooling: request.cooling,
    minRackDensityKw: request.minRackDensityKw,
    minRedundancy: request.minRedundancy,
    maxPriceCentsPerKwMonth: request.maxPriceCentsPerKwMonth,
    termMonths: request.termMonths,
    lastNeededBy: new Date(Math.max(request.neededBy.getTime(), ...phaseDays.map((day) => day.getTime()))),
  };
}
