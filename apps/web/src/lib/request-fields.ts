import type { FieldSpec } from './fields';
import { COOLING, REDUNDANCY } from './site-fields';

export const REQUEST_FIELDS: readonly FieldSpec[] = [
  { name: 'title', label: 'Title', type: 'text', required: true },
  { name: 'totalMw', label: 'Total MW', type: 'number', required: true, min: 0, help: 'The sum of the phases.' },
  { name: 'minContiguousMw', label: 'Min contiguous MW', type: 'number', required: true, min: 0, help: 'The largest share that must sit at one site.' },
  { name: 'termMonths', label: 'Term (months)', type: 'int', required: true, min: 1 },
  { name: 'countries', label: 'Countries (ISO, comma-separated)', type: 'list', placeholder: 'US, CA' },
  { name: 'regions', label: 'Regions', type: 'list', placeholder: 'Texas, Oklahoma' },
  { name: 'gridOperators', label: 'Grid operators', type: 'list', placeholder: 'ERCOT' },
  { name: 'maxLatencyMs', label: 'Max latency to hub (ms)', type: 'number', min: 0 },
  { name: 'cooling', label: 'Cooling', type: 'select', options: COOLING },
  { name: 'minRackDensityKw', label: 'Min rack density (kW)', type: 'int', min: 1 },
  { name: 'minRedundancy', label: 'Min redundancy', type: 'select', options: REDUNDANCY },
  { name: 'maxPriceUsdPerKwMonth', label: 'Max price ($/kW-month)', type: 'number', min: 0 },
  { name: 'maxSplitSites', label: 'Most sites in one split', type: 'int', min: 1, max: 12, placeholder: '6', help: '1 = one site only; fewer sites always rank first.' },
  { name: 'maxSplitDistanceKm', label: 'Most km between split sites', type: 'int', min: 1, max: 20000, placeholder: '500', help: 'Fiber route where the host knows it, straight line otherwise.' },
  { name: 'backfillMiningAllowed', label: 'Backfill mining allowed', type: 'checkbox' },
  { name: 'open', label: 'Open to hosts now (else saved as a draft)', type: 'checkbox' },
];

/** `phases.N.mw` / `phases.N.neededBy` pairs, in order, skipping rows left empty. */
export function parsePhases(values: Record<string, string>): { mw: number; neededBy: string }[] {
  const phases: { mw: number; neededBy: string }[] = [];
  for (let i = 0; `phases.${i}.mw` in values; i++) {
    const mw = (values[`phases.${i}.mw`] ?? '').trim();
    const neededBy = (values[`phases.${i}.neededBy`] ?? '').trim();
    if (mw === '' && neededBy === '') continue;
    phases.push({ mw: Number(mw), neededBy });
  }
  return phases;
}
