// The revenue modeller's form: each input, the engine path it sets and the engine's own default. Shared
// by the page (building the model input from the URL) and the saved scenarios (reading it back).

export const INPUTS = [
  { name: 'interconnectionMw', label: 'Interconnection MW', path: ['site', 'interconnectionMw'], def: 100 },
  { name: 'contractedItMw', label: 'AI contracted IT MW', path: ['aiLoad', 'contractedItMw'], def: 70 },
  { name: 'fleetMw', label: 'Backfill mining fleet MW', path: ['mining', 'fleetMw'], def: 40 },
  { name: 'hashprice', label: 'Hashprice ($/PH/day)', path: ['market', 'hashpriceUsdPerPhDay'], def: 44 },
  { name: 'usdPerMwh', label: 'Energy price ($/MWh)', path: ['energy', 'price', 'usdPerMwh'], def: 60 },
  { name: 'colocationUsdPerKwMonth', label: 'Colocation ($/kW-month)', path: ['deal', 'colocationUsdPerKwMonth'], def: 154 },
] as const;

export const HASHPRICES = [30, 40, 50, 60, 70];
export const ENERGY_PRICES = [30, 45, 60, 75, 90];

export type Params = Record<string, string | undefined>;

export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}

export function buildInput(p: Params) {
  const input: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const field of INPUTS) {
    const raw = p[field.name]?.trim();
    values[field.name] = raw || String(field.def);
    setPath(input, field.path, raw ? Number(raw) : field.def);
  }
  if (p.profile === 'training') setPath(input, ['aiLoad', 'profile'], { kind: 'training' });
  return { input, values };
}


function getPath(source: unknown, path: readonly string[]): unknown {
  let node = source;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** The modeller URL that reopens a saved scenario's inputs (the fields the form has). */
export function paramsFromInputs(inputs: unknown, context: Record<string, string>): string {
  const params = new URLSearchParams(context);
  for (const field of INPUTS) {
    const value = getPath(inputs, field.path);
    if (typeof value === 'number') params.set(field.name, String(value));
  }
  if (getPath(inputs, ['aiLoad', 'profile', 'kind']) === 'training') params.set('profile', 'training');
  return `/revenue?${params}`;
}
