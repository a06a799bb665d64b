import { z } from 'zod';
import {
  COOLING_TYPES,
  INTERCONNECTION_STATUSES,
  PERMIT_STATUSES,
  REDUNDANCIES,
  type ReadinessSiteInput,
} from './types.js';

// Validation of a site before it reaches the engine. Every message names its field, so an API can
// hand it back as-is (BAD_USER_INPUT). z.number() already refuses NaN and ±Infinity.

/** The type error for a field: "is required" when it is missing, `text` otherwise. */
function typeError(field: string, text: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `${field} is required` : text);
}

function nonNegativeNumber(field: string, unit: string) {
  return z
    .number({ error: typeError(field, `${field} must be a finite number (${unit})`) })
    .min(0, { error: `${field} must be at least 0 ${unit}` });
}

function nonNegativeInt(field: string, unit: string) {
  return z
    .number({ error: typeError(field, `${field} must be a whole number (${unit})`) })
    .int({ error: `${field} must be a whole number (${unit})` })
    .min(0, { error: `${field} must be at least 0 ${unit}` });
}

function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: typeError(field, `${field} must be one of ${values.join(', ')}`) });
}

function flag(field: string) {
  return z.boolean({ error: typeError(field, `${field} must be true or false`) });
}

const LIVE_DATE_MESSAGE = 'liveDate must be a valid Date or an ISO 8601 date (YYYY-MM-DD or a date-time), or null';

export const ZReadinessSiteInput = z.object({
  energizedMw: nonNegativeNumber('energizedMw', 'MW'),
  underConstructionMw: nonNegativeNumber('underConstructionMw', 'MW').default(0),
  pipelineMw: nonNegativeNumber('pipelineMw', 'MW').default(0),
  interconnectionStatus: oneOf('interconnectionStatus', INTERCONNECTION_STATUSES),
  substationOnSite: flag('substationOnSite').default(false),
  substationMva: nonNegativeNumber('substationMva', 'MVA').nullable().default(null),
  transformerMva: nonNegativeNumber('transformerMva', 'MVA').nullable().default(null),
  landAcres: nonNegativeNumber('landAcres', 'acres').default(0),
  waterAvailable: flag('waterAvailable').default(false),
  waterSupplyM3PerDay: nonNegativeNumber('waterSupplyM3PerDay', 'm³ per day').nullable().default(null),
  backupPowerMw: nonNegativeNumber('backupPowerMw', 'MW').nullable().default(null),
  gridOperator: z.string({ error: 'gridOperator must be a string or null' }).trim().min(1, { error: 'gridOperator must not be empty' }).nullable().default(null),
  floorLoadingKgPerM2: nonNegativeNumber('floorLoadingKgPerM2', 'kg/m²').nullable().default(null),
  coolingType: oneOf('coolingType', COOLING_TYPES),
  darkFiber: flag('darkFiber').default(false),
  carriers: z
    .array(
      z
        .string({ error: 'carriers must be a list of carrier names' })
        .trim()
        .min(1, { error: 'carriers must not contain empty names' }),
      { error: typeError('carriers', 'carriers must be a list of carrier names') },
    )
    .max(100, { error: 'carriers must list at most 100 names' }),
  nearestHub: z
    .string({ error: 'nearestHub must be a string or null' })
    .trim()
    .min(1, { error: 'nearestHub must not be empty' })
    .nullable()
    .default(null),
  latencyToHubMs: z
    .number({ error: 'latencyToHubMs must be a finite number of milliseconds, or null' })
    .min(0, { error: 'latencyToHubMs must be at least 0 ms' })
    .max(10_000, { error: 'latencyToHubMs must be at most 10000 ms' })
    .nullable()
    .default(null),
  redundancy: oneOf('redundancy', REDUNDANCIES),
  maxRackDensityKw: nonNegativeInt('maxRackDensityKw', 'kW per rack'),
  permitStatus: oneOf('permitStatus', PERMIT_STATUSES).default('NONE'),
  skilledStaffCount: nonNegativeInt('skilledStaffCount', 'people').default(0),
  liveDate: z
    .union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })], { error: LIVE_DATE_MESSAGE })
    .nullable()
    .default(null),
  miningMw: nonNegativeNumber('miningMw', 'MW').default(0),
});

/** A validated site; defaults (as in prisma/schema.prisma) filled in. */
export type TReadinessSiteInput = z.infer<typeof ZReadinessSiteInput>;

// The schema and the engine's input type must describe the same fields, and a validated site must be
// accepted by the engine: the typecheck fails if they drift apart.
type Assert<T extends true> = T;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type SchemaHasEngineFields = Assert<SameKeys<TReadinessSiteInput, ReadinessSiteInput>>;
type SchemaOutputFitsEngine = Assert<TReadinessSiteInput extends ReadinessSiteInput ? true : false>;
