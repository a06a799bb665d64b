// The revenue engine's input as the API takes it: a partial JSON object filled from DEFAULT_REVENUE_INPUT,
// hourly series given as numbers or as CSV text, and no unknown fields (the engine's zod objects drop extra
// keys, so a typo such as `jPerTH` would otherwise silently model the default).
import {
  DEFAULT_REVENUE_INPUT,
  DEFAULT_TERM_INPUT,
  DEFAULT_TRAINING_PROFILE,
  HourlyCsvError,
  ZRevenueInput,
  ZTermInput,
  type TTermInput,
  hoursInYear,
  parseHourlyCsv,
  type TRevenueInput,
} from '@gridshare/revenue';
import type { z } from 'zod';

export type Path = (string | number)[];
export interface Issue {
  path: Path;
  message: string;
}
export type Normalised<T> = { ok: true; input: T } | { ok: false; issues: Issue[] };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** Defaults for an object whose `kind` differs from the default's, so `{ kind: 'training' }` alone is enough. */
const DEFAULTS_BY_KIND: Readonly<Record<string, JsonObject>> = { training: DEFAULT_TRAINING_PROFILE };

/**
 * `patch` over `base`: objects merge field by field; arrays and scalars replace. An object whose `kind`
 * differs from the base's starts from that kind's defaults (or from nothing), since the base's fields
 * belong to another variant. Built with Object.fromEntries, so a `__proto__` key stays a plain (unknown) key.
 */
export function mergeOver(base: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) return patch.map((item) => (isObject(item) ? mergeOver(undefined, item) : item));
  if (!isObject(patch)) return patch;
  const sameVariant = isObject(base) && (patch.kind === undefined || patch.kind === base.kind);
  const from: JsonObject = sameVariant ? base : typeof patch.kind === 'string' ? (DEFAULTS_BY_KIND[patch.kind] ?? {}) : {};
  const keys = new Set([...Object.keys(from), ...Object.keys(patch)]);
  return Object.fromEntries([...keys].map((key) => [key, Object.hasOwn(patch, key) ? mergeOver(from[key], patch[key]) : from[key]]));
}

/** Every `{ kind: 'series', csv }` becomes `{ kind: 'series', values }`; CSV errors name the line. */
function expandCsv(value: unknown, hours: number, path: Path, issues: Issue[]): unknown {
  if (Array.isArray(value))
    return value.map((item, i) => (isObject(item) ? expandCsv(item, hours, [...path, i], issues) : item));
  if (!isObject(value)) return value;
  const out: JsonObject = Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, isObject(v) || Array.isArray(v) ? expandCsv(v, hours, [...path, key], issues) : v]),
  );
  if (value.kind !== 'series' || !Object.hasOwn(value, 'csv')) return out;
  const { csv, ...rest } = out;
  if (Object.hasOwn(value, 'values')) {
    issues.push({ path: [...path, 'csv'], message: 'give the series as either csv or values, not both' });
    return rest;
  }
  if (typeof csv !== 'string') {
    issues.push({ path: [...path, 'csv'], message: 'csv must be text, one hourly value per line' });
    return rest;
  }
  try {
    return { ...rest, values: Array.from(parseHourlyCsv(csv, hours)) };
  } catch (error) {
    if (!(error instanceof HourlyCsvError)) throw error;
    issues.push({ path: [...path, 'csv'], message: error.message });
    return rest;
  }
}

/** Fields the user sent that the parsed input does not have: the engine's schema does not know them. */
function unknownFields(sent: unknown, parsed: unknown, path: Path, issues: Issue[]): void {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    sent.forEach((item, i) => {
      if (isObject(item)) unknownFields(item, parsed[i], [...path, i], issues);
    });
    return;
  }
  if (!isObject(sent) || !isObject(parsed)) return;
  for (const [key, value] of Object.entries(sent)) {
    if (!Object.hasOwn(parsed, key)) issues.push({ path: [...path, key], message: `unknown field '${key}'` });
    else if (isObject(value) || Array.isArray(value)) unknownFields(value, parsed[key], [...path, key], issues);
  }
}

const pathKey = (key: PropertyKey): string | number => (typeof key === 'symbol' ? String(key) : key);

function yearHours(startDate: unknown): number | null {
  if (typeof startDate !== 'string') return null;
  try {
    return hoursInYear(startDate);
  } catch {
    return null; // the schema reports the bad date
  }
}

/** What a JSON input is filled from and checked against: the one-year scenario, or a term. */
export interface InputModel<T> {
  readonly defaults: unknown;
  readonly schema: z.ZodType<T>;
}

export const YEAR_MODEL: InputModel<TRevenueInput> = { defaults: DEFAULT_REVENUE_INPUT, schema: ZRevenueInput };
export const TERM_MODEL: InputModel<TTermInput> = { defaults: DEFAULT_TERM_INPUT, schema: ZTermInput };

/** A JSON value from a client → the engine's full input, or every issue with its path. */
export function normaliseRevenueInput(raw: unknown): Normalised<TRevenueInput> {
  return normaliseInput(raw, YEAR_MODEL);
}

export function normaliseInput<T>(raw: unknown, model: InputModel<T>): Normalised<T> {
  if (!isObject(raw)) return { ok: false, issues: [{ path: [], message: 'must be an object of revenue inputs; {} models the defaults' }] };
  const merged = mergeOver(model.defaults, raw);
  const hours = yearHours(isObject(merged) ? merged.startDate : undefined);
  const issues: Issue[] = [];
  // With no valid year the length is unknown: the series stay as sent and the schema names startDate.
  const expanded = hours === null ? merged : expandCsv(merged, hours, [], issues);
  if (issues.length > 0) return { ok: false, issues };
  const parsed = model.schema.safeParse(expanded);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(pathKey), message: i.message })) };
  // Defaults only hold known fields, so any unknown field in the merged input is one the client sent.
  unknownFields(expanded, parsed.data, [], issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, input: parsed.data };
}
