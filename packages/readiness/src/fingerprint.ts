import { COST_ASSUMPTIONS, COST_TABLE } from './costs.js';
import { READINESS_MODEL } from './model.js';

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}';
  }
  return JSON.stringify(value);
}

/** Everything that shapes results (weights, thresholds, costs) as canonical JSON: hash it to spot edits. */
export function modelContent(): string {
  return canonicalJson({ model: READINESS_MODEL, costs: COST_TABLE, costAssumptions: COST_ASSUMPTIONS });
}
