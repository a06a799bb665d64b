import { type Offer, type OfferedSite, type RequestConstraints, findRequestFitIssue } from './request-fit';

const REQUEST: RequestConstraints = {
  countries: ['US'],
  regions: ['Virginia'],
  gridOperators: ['PJM'],
  maxLatencyMs: 10,
  cooling: 'DIRECT_TO_CHIP',
  minRackDensityKw: 100,
  minRedundancy: 'N_PLUS_1',
  maxPriceCentsPerKwMonth: 18_000,
  termMonths: 120,
  lastNeededBy: new Date('2028-09-30T00:00:00Z'),
};
const SITE: OfferedSite = { country: 'US', region: 'virginia ', gridOperator: 'PJM', latencyToHubMs: 4, coolingType: 'DIRECT_TO_CHIP', redundancy: 'TWO_N', maxRackDensityKw: 132 };
const OFFER: Offer = { priceCentsPerKwMonth: 15_550, termMonths: 120, startDate: new Date('2027-01-01T00:00:00Z') };

describe('a proposal against the request’s hard constraints', () => {
  it('passes when it meets every one (names compared as matching compares them)', () => {
    expect(findRequestFitIssue(OFFER, REQUEST, SITE)).toBeNull();
  });

  it.each([
    ['a Texas site on a Virginia request', {}, { region: 'Texas', gridOperator: 'ERCOT' }, {}, 'blockIds', 'location'],
    ['a site far from the hub', {}, { latencyToHubMs: 30 }, {}, 'blockIds', 'latency'],
    ['a site of unknown latency', {}, { latencyToHubMs: null }, {}, 'blockIds', 'latency'],
    ['N redundancy for N+1', {}, { redundancy: 'N' }, {}, 'blockIds', 'redundancy'],
    ['immersion for direct-to-chip', {}, { coolingType: 'IMMERSION' }, {}, 'blockIds', 'cooling'],
    ['60 kW racks for 100 kW', {}, { maxRackDensityKw: 60 }, {}, 'blockIds', 'rackDensity'],
    ['$999/kW-month against a $180 cap', { priceCentsPerKwMonth: 99_900 }, {}, {}, 'priceUsdPerKwMonth', 'price'],
    ['a longer term than asked', { termMonths: 240 }, {}, {}, 'termMonths', 'term'],
    ['a start after the last phase', { startDate: new Date('2029-01-01T00:00:00Z') }, {}, {}, 'startDate', 'mwByDate'],
  ] as const)('refuses %s, naming the field and the constraint', (_label, offer, site, request, field, constraint) => {
    const issue = findRequestFitIssue({ ...OFFER, ...offer }, { ...REQUEST, ...request }, { ...SITE, ...site } as OfferedSite);
    expect(issue).toMatchObject({ field, constraint });
  });

  it('lets empty lists and unset limits accept anything', () => {
    const open: RequestConstraints = { ...REQUEST, countries: [], regions: [], gridOperators: [], maxLatencyMs: null, cooling: null, minRackDensityKw: null, minRedundancy: null, maxPriceCentsPerKwMonth: null };
    expect(findRequestFitIssue({ ...OFFER, priceCentsPerKwMonth: 99_900 }, open, { ...SITE, region: 'Texas', latencyToHubMs: null, coolingType: 'AIR', redundancy: 'N', maxRackDensityKw: 10 })).toBeNull();
  });
});
