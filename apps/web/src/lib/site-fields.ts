import type { FieldSpec } from './fields';

export const COOLING = ['AIR', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP'] as const;
export const REDUNDANCY = ['N', 'N_PLUS_1', 'TWO_N'] as const;
export const INTERCONNECTION = ['NONE', 'APPLIED', 'IN_STUDY', 'APPROVED', 'ENERGIZED'] as const;

/** The site form, in the order a miner knows the answers. Limits mirror the API's (which has the last word). */
export const SITE_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'country', label: 'Country (ISO code)', type: 'text', required: true, placeholder: 'US' },
  { name: 'region', label: 'Region / state', type: 'text', required: true },
  { name: 'gridOperator', label: 'Grid operator', type: 'text', required: true, placeholder: 'ERCOT' },
  { name: 'latitude', label: 'Latitude', type: 'number', required: true, min: -90, max: 90 },
  { name: 'longitude', label: 'Longitude', type: 'number', required: true, min: -180, max: 180 },
  { name: 'energizedMw', label: 'Energized MW', type: 'number', required: true, min: 0 },
  { name: 'underConstructionMw', label: 'Under construction MW', type: 'number', min: 0 },
  { name: 'pipelineMw', label: 'Pipeline MW', type: 'number', min: 0 },
  { name: 'miningMw', label: 'Mining MW today', type: 'number', min: 0, help: 'At most the energized MW.' },
  { name: 'interconnectionStatus', label: 'Interconnection', type: 'select', required: true, options: INTERCONNECTION },
  { name: 'coolingType', label: 'Cooling', type: 'select', required: true, options: COOLING },
  { name: 'redundancy', label: 'Redundancy', type: 'select', required: true, options: REDUNDANCY },
  { name: 'maxRackDensityKw', label: 'Max rack density (kW)', type: 'int', required: true, min: 1 },
  { name: 'pue', label: 'PUE', type: 'number', required: true, min: 1, max: 3, step: 0.01 },
  { name: 'energyPriceUsdPerMwh', label: 'Energy price ($/MWh)', type: 'number', required: true, min: 0 },
  { name: 'renewableSharePct', label: 'Renewable share (%)', type: 'int', min: 0, max: 100 },
  { name: 'substationMva', label: 'Substation MVA', type: 'number', min: 0 },
  { name: 'transformerMva', label: 'Transformer MVA', type: 'number', min: 0 },
  { name: 'landAcres', label: 'Land (acres)', type: 'number', min: 0 },
  { name: 'nearestHub', label: 'Nearest network hub', type: 'text' },
  { name: 'latencyToHubMs', label: 'Latency to hub (ms)', type: 'number', min: 0 },
  { name: 'carriers', label: 'Carriers (comma-separated)', type: 'list' },
  { name: 'permitStatus', label: 'Permits', type: 'select', options: ['NONE', 'IN_PROGRESS', 'GRANTED'] },
  { name: 'skilledStaffCount', label: 'Skilled staff', type: 'int', min: 0 },
  { name: 'liveDate', label: 'Live since', type: 'date' },
  { name: 'substationOnSite', label: 'Substation on site', type: 'checkbox' },
  { name: 'waterAvailable', label: 'Water available', type: 'checkbox' },
  { name: 'darkFiber', label: 'Dark fibre', type: 'checkbox' },
];
