import type { FieldSpec } from './fields';
import { allOf } from './enums';
import type { CoolingType, InterconnectionStatus, PermitStatus, Redundancy } from '@/generated/graphql';

export const COOLING = allOf<CoolingType>()('AIR', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP');
export const REDUNDANCY = allOf<Redundancy>()('N', 'N_PLUS_1', 'TWO_N');
export const INTERCONNECTION = allOf<InterconnectionStatus>()('NONE', 'APPLIED', 'IN_STUDY', 'APPROVED', 'ENERGIZED');

export const PERMITS = allOf<PermitStatus>()('NONE', 'IN_PROGRESS', 'GRANTED');

const LOCATION = 'Location';
const POWER = 'Power';
const FACILITY = 'Facility';
const CONNECTIVITY = 'Connectivity';
const PERMITS_AND_PEOPLE = 'Permits and people';

/** The site form, grouped as a miner knows the answers. Limits mirror the API's (which has the last word). */
export const SITE_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', type: 'text', required: true, maxLength: 200, group: LOCATION },
  { name: 'country', label: 'Country (ISO code)', type: 'text', required: true, maxLength: 2, placeholder: 'US', group: LOCATION },
  { name: 'region', label: 'Region / state', type: 'text', required: true, maxLength: 100, group: LOCATION },
  { name: 'gridOperator', label: 'Grid operator', type: 'text', required: true, maxLength: 50, placeholder: 'ERCOT', group: LOCATION },
  { name: 'latitude', label: 'Latitude', type: 'number', required: true, min: -90, max: 90, group: LOCATION, help: 'Private until a tenant’s deal is accepted.' },
  { name: 'longitude', label: 'Longitude', type: 'number', required: true, min: -180, max: 180, group: LOCATION },
  { name: 'energizedMw', label: 'Energized MW', type: 'number', required: true, min: 0, max: 10_000, group: POWER },
  { name: 'underConstructionMw', label: 'Under construction MW', type: 'number', min: 0, max: 10_000, group: POWER },
  { name: 'pipelineMw', label: 'Pipeline MW', type: 'number', min: 0, max: 10_000, group: POWER },
  { name: 'miningMw', label: 'Mining MW today', type: 'number', min: 0, max: 10_000, help: 'At most the energized MW.', group: POWER },
  { name: 'interconnectionStatus', label: 'Interconnection', type: 'select', required: true, options: INTERCONNECTION, group: POWER },
  { name: 'liveDate', label: 'Live since', type: 'date', group: POWER },
  { name: 'energyPriceUsdPerMwh', label: 'Energy price ($/MWh)', type: 'number', required: true, min: -500, max: 10_000, group: POWER },
  { name: 'renewableSharePct', label: 'Renewable share (%)', type: 'int', min: 0, max: 100, group: POWER },
  { name: 'substationOnSite', label: 'Substation on site', type: 'checkbox', group: POWER },
  { name: 'substationMva', label: 'Substation MVA', type: 'number', min: 0, max: 20_000, nullable: true, help: 'Leave empty if unknown.', group: POWER },
  { name: 'transformerMva', label: 'Transformer MVA', type: 'number', min: 0, max: 20_000, nullable: true, help: 'Leave empty if unknown.', group: POWER },
  { name: 'backupPowerMw', label: 'Backup generation MW', type: 'number', min: 0, max: 10_000, nullable: true, help: 'Gensets for critical IT; ERCOT loads over 75 MW must be curtailable (Texas SB6).', group: POWER },
  { name: 'coolingType', label: 'Cooling', type: 'select', required: true, options: COOLING, group: FACILITY },
  { name: 'redundancy', label: 'Redundancy', type: 'select', required: true, options: REDUNDANCY, group: FACILITY },
  { name: 'maxRackDensityKw', label: 'Max rack density (kW)', type: 'int', required: true, min: 1, max: 500, group: FACILITY },
  { name: 'pue', label: 'PUE', type: 'number', required: true, min: 1, max: 3, step: 0.01, group: FACILITY },
  { name: 'floorLoadingKgPerM2', label: 'Floor loading (kg/m²)', type: 'int', min: 0, max: 100_000, nullable: true, help: 'AI racks need about 1,465 (300 lb/ft²). Empty if unknown.', group: FACILITY },
  { name: 'waterAvailable', label: 'Water available', type: 'checkbox', group: FACILITY },
  { name: 'waterSupplyM3PerDay', label: 'Water supply (m³/day)', type: 'int', min: 0, max: 10_000_000, nullable: true, help: 'Empty if unknown.', group: FACILITY },
  { name: 'landAcres', label: 'Land (acres)', type: 'number', min: 0, max: 1_000_000, group: FACILITY },
  { name: 'darkFiber', label: 'Dark fibre', type: 'checkbox', group: CONNECTIVITY },
  { name: 'carriers', label: 'Carriers (comma-separated)', type: 'list', group: CONNECTIVITY },
  { name: 'nearestHub', label: 'Nearest network hub', type: 'text', maxLength: 100, group: CONNECTIVITY },
  { name: 'latencyToHubMs', label: 'Latency to hub (ms)', type: 'number', min: 0, max: 1_000, group: CONNECTIVITY },
  { name: 'permitStatus', label: 'Permits', type: 'select', options: PERMITS, group: PERMITS_AND_PEOPLE },
  { name: 'skilledStaffCount', label: 'Skilled staff', type: 'int', min: 0, max: 100_000, group: PERMITS_AND_PEOPLE },
];
