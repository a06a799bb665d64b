// The hosting forms (fleet request, host offer): one field list each, shared by the browser and the action.
import type { FieldSpec } from './fields';
import { allOf } from './enums';
import type { AsicModelId, HostingCooling, HostingPricingKind } from '@/generated/graphql';

export const ASIC_MODELS = allOf<AsicModelId>()('S21', 'S21_PRO', 'S21_XP', 'S21_HYDRO', 'S21_PLUS_HYDRO', 'S21_XP_HYDRO', 'S21_XP_IMMERSION', 'M60', 'M60S', 'M63', 'M63S', 'M66S');
export const HOSTING_COOLINGS = allOf<HostingCooling>()('AIR', 'IMMERSION', 'HYDRO');
export const HOSTING_PRICING_KINDS = allOf<HostingPricingKind>()('ALL_IN', 'PASS_THROUGH');
/** The revenue model's AI load profiles; the API fills the rest of the profile from the model's documented defaults. */
export const AI_LOAD_PROFILES = ['inference', 'training'] as const;

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
  { name: 'pricingKind', label: 'Pricing', type: 'select', required: true, options: HOSTING_PRICING_KINDS, help: 'All-in per kWh, or energy at the site’s price plus a fee per kW-month' },
  { name: 'rateUsdPerKwh', label: 'All-in rate ($/kWh)', type: 'number', min: 0, step: 0.00001, help: 'All-in pricing' },
  { name: 'feeUsdPerKwMonth', label: 'Hosting fee ($/kW-month)', type: 'number', min: 0, step: 0.01, help: 'Pass-through pricing: energy is billed at cost on top' },
  { name: 'maxCurtailedHoursPerMonth', label: 'Max curtailed (h/month)', type: 'int', min: 0, max: 744, help: '0 = firm power' },
  { name: 'noticeSeconds', label: 'Notice (seconds)', type: 'int', min: 0 },
  { name: 'preemptor', label: 'Pre-empted by', type: 'select', options: ['AI_LOAD', 'GRID', 'PRICE'] },
  { name: 'uptimeCommitmentPct', label: 'Uptime commitment (%)', type: 'number', required: true, min: 50, max: 100 },
  { name: 'maxJPerTh', label: 'Max J/TH', type: 'number', min: 5 },
  { name: 'cooling', label: 'Cooling', type: 'select', required: true, options: HOSTING_COOLINGS },
  { name: 'depositMonths', label: 'Deposit (months)', type: 'int', required: true, min: 0, max: 12 },
  { name: 'minTermMonths', label: 'Minimum term (months)', type: 'int', required: true, min: 1, max: 120 },
  { name: 'aiProfile', label: 'AI load behind this power', type: 'select', options: AI_LOAD_PROFILES, help: 'Only when the power is what an AI load leaves idle' },
  { name: 'aiContractedItMw', label: 'AI IT load (MW)', type: 'number', min: 0, help: 'The AI tenant’s contracted IT MW' },
  { name: 'aiPue', label: 'AI site PUE', type: 'number', min: 1, max: 3, step: 0.01 },
];

/** The API's request input from the form's flat fields (form names are the input's, so refusals land at the field). */
export function hostingRequestInput(p: Record<string, unknown>) {
  const { model, count, ...rest } = p;
  return { ...rest, regions: rest.regions ?? [], fleet: { kind: 'MACHINES', machines: [{ model, count }] } };
}

export function hostingOfferInput(siteId: string, p: Record<string, unknown>) {
  const { pricingKind, rateUsdPerKwh, feeUsdPerKwMonth, maxCurtailedHoursPerMonth, noticeSeconds, preemptor, cooling, aiProfile, aiContractedItMw, aiPue, ...rest } = p;
  const hours = Number(maxCurtailedHoursPerMonth ?? 0);
  return {
    ...rest,
    siteId,
    pricing: pricingKind === 'PASS_THROUGH' ? { kind: 'PASS_THROUGH', feeUsdPerKwMonth } : { kind: 'ALL_IN', rateUsdPerKwh },
    aiLoad: aiProfile ? { contractedItMw: aiContractedItMw, pue: aiPue, profile: { kind: aiProfile } } : null,
    interruptibility: hours > 0 ? { kind: 'INTERRUPTIBLE', maxCurtailedHoursPerMonth: hours, noticeSeconds: noticeSeconds ?? 0, preemptors: preemptor ? [preemptor] : [] } : { kind: 'FIRM' },
    coolings: [cooling],
    service: 'FULL_HOSTING',
  };
}
