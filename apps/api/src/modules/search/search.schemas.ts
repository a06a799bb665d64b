import { CoolingType } from '@gridshare/db';
import { z } from 'zod';
import { CAPACITY_KINDS } from '../capacity/capacity.schemas';
import { ZDate } from '../common/dates';
import { COUNTRY } from '../sites/sites.schemas';

export const SORTS = ['PRICE_ASC', 'MW_DESC', 'AVAILABLE_FROM_ASC', 'READINESS_DESC'] as const;
export type TSort = (typeof SORTS)[number];
export const REDUNDANCY_ORDER = ['N', 'N_PLUS_1', 'TWO_N'] as const;

const mw = z.number().finite().min(0, 'must be 0 or more MW').max(100_000, 'must be at most 100,000 MW');
const names = (max: number) => z.array(z.string().trim().min(1, 'must not be empty').max(max)).max(50, 'must list at most 50');

export const ZCapacitySearchFilter = z.strictObject({
  minBlockMw: mw.nullish(),
  minContiguousMw: mw.nullish(),
  availableBy: ZDate.nullish(),
  countries: z.array(COUNTRY).max(50, 'must list at most 50').nullish(),
  regions: names(100).nullish(),
  gridOperators: names(50)
    .transform((list) => list.map((value) => value.toUpperCase()))
    .nullish(),
  maxPriceUsdPerKwMonth: z.number().finite().min(0, 'must be 0 or more').nullish(),
  minRackDensityKw: z.number().int('must be a whole number').min(0).max(500, 'must be at most 500 kW').nullish(),
  liquidCoolingRequired: z.boolean().nullish(),
  coolingTypes: z.array(z.enum(CoolingType)).max(4).nullish(),
  minRedundancy: z.enum(REDUNDANCY_ORDER).nullish(),
  maxLatencyMs: z.number().finite().min(0, 'must be 0 ms or more').nullish(),
  minRenewableSharePct: z.number().int('must be a whole number').min(0, 'must be 0-100').max(100, 'must be 0-100').nullish(),
  termMonths: z.number().int('must be a whole number of months').min(1, 'must be at least 1 month').max(600, 'must be at most 600 months').nullish(),
  kinds: z.array(z.enum(CAPACITY_KINDS)).max(CAPACITY_KINDS.length).nullish(),
  near: z
    .strictObject({
      latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
      longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
      radiusKm: z.number().min(1, 'must be at least 1 km').max(5_000, 'must be at most 5,000 km'),
    })
    .nullish(),
});
export type TCapacitySearchFilter = z.infer<typeof ZCapacitySearchFilter>;
/** The optional `filter` argument (made once: a zod schema built per request was a visible share of a search). */
export const ZCapacitySearchFilterArg = ZCapacitySearchFilter.nullish();

export const ZSort = z.enum(SORTS).default('PRICE_ASC');
