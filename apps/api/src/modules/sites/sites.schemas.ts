import { CoolingType, InterconnectionStatus, PermitStatus, Redundancy, SiteStatus } from '@gridshare/db';
import { z } from 'zod';
import { ZMw, ZPartialUpdate } from '../common/common.schemas';
import { ZDate } from '../common/dates';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const mva = z.number().finite().min(0, 'must be 0 or more MVA').max(20_000, 'must be at most 20,000 MVA');

export const COUNTRY = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. US');

const siteFields = {
  name: text(200),
  country: COUNTRY,
  region: text(100),
  gridOperator: text(50).transform((value) => value.toUpperCase()),
  latitude: z.number().finite().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
  longitude: z.number().finite().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
  energizedMw: ZMw,
  underConstructionMw: ZMw,
  pipelineMw: ZMw,
  interconnectionStatus: z.enum(InterconnectionStatus),
  substationOnSite: z.boolean(),
  substationMva: mva.nullable(),
  transformerMva: mva.nullable(),
  landAcres: z.number().finite().min(0, 'must be 0 or more acres').max(1_000_000, 'must be at most 1,000,000 acres'),
  waterAvailable: z.boolean(),
  waterSupplyM3PerDay: z.number().int('must be a whole number of m³ per day').min(0, 'must be 0 or more m³ per day').max(10_000_000, 'must be at most 10,000,000 m³ per day').nullable(),
  backupPowerMw: ZMw.nullable(),
  floorLoadingKgPerM2: z.number().int('must be a whole number of kg/m²').min(0, 'must be 0 or more kg/m²').max(100_000, 'must be at most 100,000 kg/m²').nullable(),
  coolingType: z.enum(CoolingType),
  darkFiber: z.boolean(),
  carriers: z.array(text(100)).max(30, 'must list at most 30 carriers'),
  nearestHub: text(100).nullable(),
  latencyToHubMs: z.number().finite().min(0, 'must be 0 ms or more').max(1_000, 'must be at most 1,000 ms').nullable(),
  redundancy: z.enum(Redundancy),
  maxRackDensityKw: z.number().int('must be a whole number').min(1, 'must be at least 1 kW').max(500, 'must be at most 500 kW'),
  pue: z.number().finite().min(1, 'must be at least 1.0').max(3, 'must be at most 3.0'),
  energyPriceUsdPerMwh: z.number().finite().min(-500, 'must be at least -500 USD/MWh').max(10_000, 'must be at most 10,000 USD/MWh'),
  renewableSharePct: z.number().int('must be a whole number').min(0, 'must be 0-100').max(100, 'must be 0-100'),
  permitStatus: z.enum(PermitStatus),
  skilledStaffCount: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100_000),
  liveDate: ZDate.nullable(),
  constructionLiveDate: ZDate.nullable(),
  miningMw: ZMw,
};

const REQUIRED = [
  'name',
  'country',
  'region',
  'gridOperator',
  'latitude',
  'longitude',
  'energizedMw',
  'interconnectionStatus',
  'coolingType',
  'redundancy',
  'maxRackDensityKw',
  'pue',
  'energyPriceUsdPerMwh',
] as const;

type Fields = typeof siteFields;
type OptionalFields = { [K in keyof Fields]: K extends (typeof REQUIRED)[number] ? Fields[K] : z.ZodOptional<Fields[K]> };

function createShape(): OptionalFields {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(siteFields)) {
    shape[key] = (REQUIRED as readonly string[]).includes(key) ? schema : schema.optional();
  }
  return shape as OptionalFields;
}

/** Cross-field rule shared by create and update (update checks the merged result). */
export function miningWithinEnergized(site: { miningMw?: number; energizedMw: number }, ctx: z.RefinementCtx) {
  if ((site.miningMw ?? 0) > site.energizedMw) {
    ctx.addIssue({ code: 'custom', path: ['miningMw'], message: `must not exceed energizedMw (${site.energizedMw} MW)` });
  }
}

export const ZCreateSiteInput = z.strictObject(createShape()).superRefine(miningWithinEnergized);
export type TCreateSiteInput = z.infer<typeof ZCreateSiteInput>;

export const ZUpdateSiteInput = ZPartialUpdate(siteFields);
export type TUpdateSiteInput = z.infer<typeof ZUpdateSiteInput>;

export const ZSiteFilter = z.strictObject({
  status: z.enum(SiteStatus).nullish(),
  countries: z.array(COUNTRY).max(50).nullish(),
  regions: z.array(text(100)).max(50).nullish(),
  gridOperators: z.array(text(50).transform((v) => v.toUpperCase())).max(50).nullish(),
  minEnergizedMw: ZMw.nullish(),
  maxEnergizedMw: ZMw.nullish(),
});
export type TSiteFilter = z.infer<typeof ZSiteFilter>;
