import { createHash } from 'node:crypto';
import type { ColocationRequest, Prisma } from '@gridshare/db';
import { z } from 'zod';
import { isoDay } from '../common/dates';
import { usdToCents } from '../common/units';
import type { Phase } from './request-shape';
import type { TCreateRequestInput, TUpdateRequestInput } from './requests.schemas';

// Phases are stored as JSON [{ mw, neededBy: 'YYYY-MM-DD' }]; read back through a schema, not a cast.
const ZStoredPhases = z.array(z.object({ mw: z.number(), neededBy: z.iso.date() }));

function readPhases(json: Prisma.JsonValue): Phase[] {
  return ZStoredPhases.parse(json).map((phase) => ({ mw: phase.mw, neededBy: new Date(`${phase.neededBy}T00:00:00Z`) }));
}

/** The GraphQL ColocationRequest: Decimals as numbers, money as USD. It carries no organisation on purpose. */
export function toRequestNode(request: ColocationRequest) {
  return {
    id: request.id,
    title: request.title,
    totalMw: request.totalMw.toNumber(),
    minContiguousMw: request.minContiguousMw.toNumber(),
    phases: readPhases(request.phases),
    neededBy: request.neededBy,
    countries: request.countries,
    regions: request.regions,
    gridOperators: request.gridOperators,
    maxLatencyMs: request.maxLatencyMs?.toNumber() ?? null,
    cooling: request.cooling,
    minRackDensityKw: request.minRackDensityKw,
    minRedundancy: request.minRedundancy,
    maxPriceUsdPerKwMonth: request.maxPriceCentsPerKwMonth === null ? null : request.maxPriceCentsPerKwMonth / 100,
    termMonths: request.termMonths,
    backfillMiningAllowed: request.backfillMiningAllowed,
    maxSplitSites: request.maxSplitSites,
    maxSplitDistanceKm: request.maxSplitDistanceKm,
    status: request.status,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}
export type RequestNode = ReturnType<typeof toRequestNode>;

/**
 * How hosts see the tenant of one request: a handle derived from the request, not the tenant, so a tenant's
 * requests cannot be linked to each other (nor to a name learnt on one of them).
 */
export const tenantLabel = (requestId: string) => `Tenant #${createHash('sha256').update(`request:${requestId}`).digest('hex').slice(0, 6)}`;

/** A request as hosts browse it: always anonymous (its tenant is named only on a deal the tenant accepted). */
export function toOpenRequestNode(request: ColocationRequest) {
  return { id: request.id, tenantLabel: tenantLabel(request.id), tenantName: null, request: toRequestNode(request) };
}

// The first phase's date is the request's neededBy (indexed, for matching and sorting).
const storedPhases = (phases: readonly Phase[]) => ({
  phases: phases.map((phase) => ({ mw: phase.mw, neededBy: isoDay(phase.neededBy) })),
  neededBy: phases[0]!.neededBy,
});
const storedPrice = (usd: number | null) => (usd === null ? null : usdToCents(usd));

export function toRequestCreateData(input: TCreateRequestInput, orgId: string): Prisma.ColocationRequestUncheckedCreateInput {
  const { open, phases, maxPriceUsdPerKwMonth, ...rest } = input;
  return { ...rest, ...storedPhases(phases), maxPriceCentsPerKwMonth: storedPrice(maxPriceUsdPerKwMonth ?? null), orgId, status: open ? 'OPEN' : 'DRAFT' };
}

export function toRequestUpdateData(input: TUpdateRequestInput): Prisma.ColocationRequestUncheckedUpdateManyInput {
  const { phases, maxPriceUsdPerKwMonth, ...rest } = input;
  return {
    ...rest,
    ...(phases ? storedPhases(phases) : {}),
    ...(maxPriceUsdPerKwMonth === undefined ? {} : { maxPriceCentsPerKwMonth: storedPrice(maxPriceUsdPerKwMonth) }),
  };
}
