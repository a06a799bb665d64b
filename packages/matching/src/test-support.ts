// Builders for tests: a site that passes everything unless told otherwise, and a request it fits.
import type { MatchCandidate, MatchCandidateBlock, MatchRequest } from './types.js';

export const AS_OF = '2026-01-01';

export function makeBlock(id: string, overrides: Partial<MatchCandidateBlock> = {}): MatchCandidateBlock {
  const mw = overrides.mw ?? overrides.firmMw ?? 200;
  return {
    id,
    kind: 'COLOCATION',
    mw,
    firmMw: mw,
    interruptibleMw: 0,
    availableFrom: '2026-01-01',
    priceCentsPerKwMonth: 15_000,
    minTermMonths: 60,
    ...overrides,
  };
}

/** 200 MW in Texas (ERCOT), direct-to-chip, 2N, 150 kW racks, 5 ms to Dallas, one block live 2026-01-01. */
export function makeSite(siteId: string, overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    siteId,
    hostOrgId: `org-${siteId}`,
    country: 'US',
    region: 'Texas',
    gridOperator: 'ERCOT',
    latitude: 32.0,
    longitude: -100.0,
    coolingType: 'DIRECT_TO_CHIP',
    redundancy: 'TWO_N',
    maxRackDensityKw: 150,
    latencyToHubMs: 5,
    readinessScore: 80,
    energyPriceCentsPerMwh: 4_000,
    renewableSharePct: 50,
    interruptibleMw: 20,
    blocks: [makeBlock(`${siteId}-b1`)],
    ...overrides,
  };
}

/** 200 MW needed by 2026-06-01 at one site, with every hard constraint set loosely enough for makeSite. */
export function makeRequest(overrides: Partial<MatchRequest> = {}): MatchRequest {
  const totalMw = overrides.totalMw ?? 200;
  return {
    totalMw,
    minContiguousMw: totalMw,
    phases: [{ mw: totalMw, neededBy: '2026-06-01' }],
    countries: ['US'],
    regions: [],
    gridOperators: [],
    maxLatencyMs: 10,
    cooling: 'DIRECT_TO_CHIP',
    minRackDensityKw: 130,
    minRedundancy: 'N_PLUS_1',
    maxPriceCentsPerKwMonth: 20_000,
    termMonths: 120,
    backfillMiningAllowed: false,
    ...overrides,
  };
}
