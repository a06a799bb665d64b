// The hosting forms (fleet request, host offer): one field list each, shared by the browser and the action.
import type { FieldSpec } from './fields';
import { allOf } from './enums';
import type { AsicModelId, HostingCooling } from '@/generated/graphql';

export const ASIC_MODELS = allOf<AsicModelId>()('S21', 'S21_PRO', 'S21_XP', 'S21_HYDRO', 'S21_PLUS_HYDRO', 'S21_XP_HYDRO', 'S21_XP_IMMERSION', 'M60', 'M60S', 'M63', 'M63S', 'M66S');
export const HOSTING_COOLINGS = allOf<HostingCooling>()('AIR', 'IMMERSION', 'HYDRO');

export const HOSTING_REQUEST_FIELDS: readonly FieldSpec[] = [
  { name: 'title', label: 'Title', type: 'text', required: true },
  { name: 'model', label: 'ASIC model', type: 'select', required: true, options: ASIC_MODELS, help: 'From the ASIC library (docs/hosting.md)' },
  { name: 'count', label: 'Machines', type: 'int', required: true, min: 1 },
  { name: 'maxRateUsdPerKwh', label: 'Max rate ($/kWh)', type: 'number', required: true, min: 0, step: 0.00001 },
  { name: 'uptimeNeededPct', label: 'Uptime needed (%)', type: 'number', required: true, min: 0, max: 100 },
  { name: 'curtailmentToleratedHoursPerMonth', label: 'Curtailment tolerated (h/month)', type: 'int', required: true, min: 0, max: 744 },
  { name: 'regions', label: 'Regions', type: 'list', help: 'Comma-separated; empty = anywhere' },
  { name: 'startDate', label: 'Start date', type: 'date', required: true },
  { name: 'termMonths', label: 'Term (months)', type: 'int', required: true, min: 1, max: 120 },
];

export const HOSTING_OFFER_FIELDS: readonly FieldSpec[] = [
  { name: 'mw', label: 'MW', type: 'number', required: true, min: 0 },
  { name: 'availableFrom', label: 'Available from', type: 'date', required: true },
  { name: 'rateUsdPerKwh', label: 'All-in rate ($/kWh)', type: 'number', required: true, min: 0, step: 0.00001 },
  { name: 'maxCurtailedHoursPerMonth', label: 'Max curtailed (h/month)', type: 'int', min: 0, max: 744, help: '0 = firm power' },
  { name: 'noticeSeconds', label: 'Notice (seconds)', type: 'int', min: 0 },
  { name: 'preemptor', label: 'Pre-empted by', type: 'select', options: ['AI_LOAD', 'GRID', 'PRICE'] },
  { name: 'uptimeCommitmentPct', label: 'Uptime commitment (%)', type: 'number', required: true, min: 50, max: 100 },
  { name: 'maxJPerTh', label: 'Max J/TH', type: 'number', min: 5 },
  { name: 'cooling', label: 'Cooling', type: 'select', required: true, options: HOSTING_COOLINGS },
  { name: 'depositMonths', label: 'Deposit (months)', type: 'int', required: true, min: 0, max: 12 },
  { name: 'minTermMonths', label: 'Minimum term (months)', type: 'int', required: true, min: 1, max: 120 },
];

/** The API's request input from the form's flat fields (form names are the input's, so refusals land at the field). */
export function hostingRequestInput(p: Record<string, unknown>) {
  const { model, count, ...rest } = p;
  return { ...rest, regions: rest.regions ?? [], fleet: { kind: 'MACHINES', machines: [{ model, count }] } };
}

export function hostingOfferInput(siteId: string, p: Record<string, unknown>) {
  const { rateUsdPerKwh, maxCurtailedHoursPerMonth, noticeSeconds, preemptor, cooling, ...rest } = p;
  const hours = Number(maxCurtailedHoursPerMonth ?? 0);
  return {
    ...rest,
    siteId,
    pricing: { kind: 'ALL_IN', rateUsdPerKwh },
    interruptibility: hours > 0 ? { kind: 'INTERRUPTIBLE', maxCurtailedHoursPerMonth: hours, noticeSeconds: noticeSeconds ?? 0, preemptors: preemptor ? [preemptor] : [] } : { kind: 'FIRM' },
    coolings: [cooling],
    service: 'FULL_HOSTING',
  };
}
