// The revenue modeller's form: every engine input it offers, grouped, with its unit, how it writes into the
// term input and how it reads back from the full input the model ran on. The page fills the form from that
// full input (so an entry point's values and the engine's defaults both show), and builds the next input from
// the submitted form. Shared with the saved scenarios (reading one back into the URL).

export type Params = Record<string, string | undefined>;
type Json = Record<string, unknown>;

export const GROUPS = ['Site', 'AI load', 'Fleet', 'Energy', 'Market', 'Deal', 'Finance'] as const;
export type Group = (typeof GROUPS)[number];

export interface Field {
  name: string;
  label: string;
  group: Group;
  /** Engine path of the value, for errors the API names by field. */
  path: string;
  unit?: string;
  /** A select's options: [value, label]. */
  options?: readonly (readonly [string, string])[];
  /** Blank means "none" (no limit, no band, no event...). */
  optional?: boolean;
  step?: string;
  read: (input: Json) => string;
  write: (input: Json, value: string) => void;
}

export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const key of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Json)[key] : undefined;
  return node;
}

export function setPath(target: Json, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Json;
  node[keys[keys.length - 1]!] = value;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** A typed number, or the text as typed so the API names the field that is not one. */
const toNumber = (raw: string): number | string => (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw);

/** A plain numeric input at `path`. */
function numeric(name: string, label: string, group: Group, path: string, unit?: string, optional = false): Field {
  return {
    name,
    label,
    group,
    path,
    unit,
    optional,
    read: (input) => str(getPath(input, path)),
    write: (input, raw) => setPath(input, path, optional && raw.trim() === '' ? null : toNumber(raw)),
  };
}

/** One part of a compound input (a band, an event, a refresh, the hashprice path): writeCompound writes them together. */
function part(name: string, label: string, group: Group, path: string, read: (input: Json) => string, unit?: string): Field {
  return { name, label, group, path, unit, optional: true, read, write: () => undefined };
}

const PROFILE_DEFAULTS: Record<string, Json> = { inference: { kind: 'inference' }, training: { kind: 'training' }, flat: { kind: 'flat', utilisation: 0.8 } };
const PRESETS = [
  ['preset:difficulty-2025', 'Preset: difficulty +35%/yr, halvings'],
  ['preset:hashrate-boom', 'Preset: difficulty +65%/yr, halvings'],
  ['preset:price-offset', 'Preset: +10%/yr net of price, halvings'],
  ['flat', 'Flat (today’s hashprice)'],
  ['difficulty', 'Difficulty growth only'],
  ['halvings', 'Difficulty growth and halvings'],
] as const;

const priceOf = (input: Json) => getPath(input, 'energy.price') as Json | undefined;
const bandOf = (input: Json) => ((priceOf(input)?.bands as Json[] | undefined) ?? [])[0];
const pathOf = (input: Json) => getPath(input, 'term.hashprice') as Json | undefined;
const refreshOf = (input: Json) => ((getPath(input, 'term.fleetRefreshes') as Json[] | undefined) ?? [])[0];
const phaseOf = (input: Json) => ((getPath(input, 'term.phases') as Json[] | undefined) ?? [])[0];
const eventOf = (input: Json) => ((getPath(input, 'energy.demandResponseEvents') as Json[] | undefined) ?? [])[0];

/** Every input, in form order. Fields whose `write` builds a compound value read their siblings from `input`. */
export const FIELDS: readonly Field[] = [
  numeric('interconnectionMw', 'Interconnection', 'Site', 'site.interconnectionMw', 'MW'),
  numeric('pue', 'PUE', 'Site', 'site.pue', '×'),
  {
    name: 'reserveMw',
    label: 'Reserve kept unused',
    group: 'Site',
    path: 'site.reserve',
    unit: 'MW',
    read: (input) => {
      const r = getPath(input, 'site.reserve') as Json | undefined;
      if (r?.kind === 'mw') return str(r.mw);
      return str(Math.round(Number(getPath(input, 'site.interconnectionMw')) * Number(r?.percent ?? 5) * 10) / 1_000);
    },
    write: (input, raw) => setPath(input, 'site.reserve', { kind: 'mw', mw: toNumber(raw) }),
  },
  numeric('contractedItMw', 'Contracted IT', 'AI load', 'aiLoad.contractedItMw', 'MW'),
  {
    name: 'profile',
    label: 'AI load profile',
    group: 'AI load',
    path: 'aiLoad.profile',
    options: [['inference', 'Inference (daily cycle)'], ['training', 'Training (jobs, checkpoints)'], ['flat', 'Flat']],
    read: (input) => str(getPath(input, 'aiLoad.profile.kind')),
    write: (input, raw) => setPath(input, 'aiLoad.profile', PROFILE_DEFAULTS[raw] ?? { kind: raw }),
  },
  {
    name: 'utilisation',
    label: 'Peak / busy / flat utilisation',
    group: 'AI load',
    path: 'aiLoad.profile',
    unit: '0-1',
    read: (input) => {
      const p = getPath(input, 'aiLoad.profile') as Json | undefined;
      return str(p?.peakUtilisation ?? p?.busyUtilisation ?? p?.utilisation);
    },
    write: (input, raw) => {
      const kind = getPath(input, 'aiLoad.profile.kind');
      const key = kind === 'training' ? 'busyUtilisation' : kind === 'flat' ? 'utilisation' : 'peakUtilisation';
      setPath(input, `aiLoad.profile.${key}`, toNumber(raw));
    },
  },
  numeric('aiNonPowerOpex', 'AI non-power opex', 'AI load', 'opex.aiNonPowerUsdPerMwItYear', '$/MW-IT-yr'),
  part('phaseYear', 'IT step from year (blank: none)', 'AI load', 'term.phases.0.fromYear', (i) => str(phaseOf(i)?.fromYear)),
  part('phaseMw', 'Contracted IT from that year', 'AI load', 'term.phases.0.contractedItMw', (i) => str(phaseOf(i)?.contractedItMw), 'MW'),
  numeric('fleetMw', 'Backfill fleet', 'Fleet', 'mining.fleetMw', 'MW'),
  numeric('jPerTh', 'Efficiency', 'Fleet', 'mining.jPerTh', 'J/TH'),
  numeric('uptimePercent', 'Uptime', 'Fleet', 'mining.uptimePercent', '%'),
  numeric('rampUp', 'Ramp-up limit (blank: none)', 'Fleet', 'mining.rampMwPerHour', 'MW/h', true),
  numeric('rampDown', 'Ramp-down limit (blank: none)', 'Fleet', 'mining.rampDownMwPerHour', 'MW/h', true),
  numeric('minRunHours', 'Minimum run', 'Fleet', 'mining.minRunHours', 'h'),
  numeric('variableOpex', 'Variable opex', 'Fleet', 'mining.variableOpexUsdPerMwh', '$/MWh'),
  numeric('fixedOpex', 'Fixed opex', 'Fleet', 'mining.fixedOpexUsdPerMwYear', '$/MW-yr'),
  part('refreshYear', 'Fleet refresh in year (blank: none)', 'Fleet', 'term.fleetRefreshes.0.year', (i) => str(refreshOf(i)?.year)),
  part('refreshJPerTh', 'Refreshed efficiency', 'Fleet', 'term.fleetRefreshes.0.jPerTh', (i) => str(refreshOf(i)?.jPerTh ?? 13.5), 'J/TH'),
  part('refreshCapex', 'Refresh capex', 'Fleet', 'term.fleetRefreshes.0.capexUsdPerMw', (i) => str(refreshOf(i)?.capexUsdPerMw ?? 500_000), '$/MW'),
  {
    name: 'usdPerMwh',
    label: 'Energy price (base)',
    group: 'Energy',
    path: 'energy.price.usdPerMwh',
    unit: '$/MWh',
    read: (input) => str(priceOf(input)?.usdPerMwh ?? priceOf(input)?.baseUsdPerMwh),
    write: (input, raw) => setPath(input, 'energy.price', { kind: 'flat', usdPerMwh: toNumber(raw) }),
  },
  part('bandUsdPerMwh', 'Weekday peak band price (blank: none)', 'Energy', 'energy.price.bands.0.usdPerMwh', (i) => str(bandOf(i)?.usdPerMwh), '$/MWh'),
  part('bandStart', 'Band from (local hour, UTC-6)', 'Energy', 'energy.price.bands.0.startHour', (i) => str(bandOf(i)?.startHour ?? 14)),
  part('bandEnd', 'Band to (local hour, UTC-6)', 'Energy', 'energy.price.bands.0.endHour', (i) => str(bandOf(i)?.endHour ?? 20)),
  numeric('energyEscalator', 'Energy escalator', 'Energy', 'term.energyEscalatorPercent', '%/yr'),
  {
    name: 'strike',
    label: 'Mine when',
    group: 'Energy',
    path: 'energy.strike',
    options: [['breakeven', 'Hash revenue beats the price'], ['none', 'Always (fixed-price supply)'], ['price-cap', 'Price at or below a cap']],
    read: (input) => str(getPath(input, 'energy.strike.kind')),
    write: (input, raw) => setPath(input, 'energy.strike', { kind: raw }),
  },
  {
    name: 'strikeCap',
    label: 'Price cap (with “price at or below”)',
    group: 'Energy',
    path: 'energy.strike.maxUsdPerMwh',
    unit: '$/MWh',
    optional: true,
    read: (input) => str(getPath(input, 'energy.strike.maxUsdPerMwh') ?? 90),
    write: (input, raw) => {
      if (getPath(input, 'energy.strike.kind') === 'price-cap') setPath(input, 'energy.strike.maxUsdPerMwh', toNumber(raw));
    },
  },
  part('drStartHour', 'Demand response from hour of year (blank: none)', 'Energy', 'energy.demandResponseEvents.0.startHour', (i) => str(eventOf(i)?.startHour)),
  part('drHours', 'Demand response hours', 'Energy', 'energy.demandResponseEvents.0.durationHours', (i) => str(eventOf(i)?.durationHours ?? 4), 'h'),
  part('drUsdPerMwh', 'Demand response payment', 'Energy', 'energy.demandResponseEvents.0.paymentUsdPerMwh', (i) => str(eventOf(i)?.paymentUsdPerMwh ?? 900), '$/MWh'),
  numeric('hashprice', 'Hashprice today', 'Market', 'market.hashpriceUsdPerPhDay', '$/PH/day'),
  {
    name: 'hashpricePath',
    label: 'Hashprice path',
    group: 'Market',
    path: 'term.hashprice',
    options: PRESETS,
    read: (input) => {
      const p = pathOf(input);
      return p?.kind === 'preset' ? `preset:${str(p.name)}` : str(p?.kind);
    },
    write: () => undefined, // writeCompound, with growth, fee share and halvings
  },
  part('difficultyGrowth', 'Difficulty growth (difficulty / halvings paths)', 'Market', 'term.hashprice.difficultyGrowthPercentPerYear', (i) => str(pathOf(i)?.difficultyGrowthPercentPerYear ?? 35), '%/yr'),
  part('feeShare', 'Fees share of revenue (halvings path)', 'Market', 'term.hashprice.feeSharePercent', (i) => str(pathOf(i)?.feeSharePercent ?? 3), '%'),
  part('halvingDates', 'Halving dates (halvings path)', 'Market', 'term.hashprice.halvingDates', (i) => ((pathOf(i)?.halvingDates as string[] | undefined) ?? ['2028-04-15', '2032-04-15']).join(', '), 'YYYY-MM-DD, …'),
  numeric('poolFeePercent', 'Pool fee', 'Market', 'mining.poolFeePercent', '%'),
  numeric('colocationUsdPerKwMonth', 'Colocation price', 'Deal', 'deal.colocationUsdPerKwMonth', '$/kW-month'),
  numeric('colocationEscalator', 'Colocation escalator', 'Deal', 'term.colocationEscalatorPercent', '%/yr'),
  {
    name: 'startDate',
    label: 'Start date',
    group: 'Deal',
    path: 'startDate',
    read: (input) => str(getPath(input, 'startDate')),
    write: (input, raw) => setPath(input, 'startDate', raw.trim()),
  },
  numeric('termYears', 'Term', 'Deal', 'term.years', 'years'),
  {
    name: 'hostSharePercent',
    label: 'Host share of backfill',
    group: 'Deal',
    path: 'deal.revenueShare.hostPercent',
    unit: '%',
    read: (input) => str(getPath(input, 'deal.revenueShare.hostPercent')),
    write: (input, raw) => {
      const host = toNumber(raw);
      setPath(input, 'deal.revenueShare', { hostPercent: host, tenantPercent: typeof host === 'number' ? Math.round((100 - host) * 100) / 100 : host });
    },
  },
  numeric('platformFeePercent', 'Platform fee on backfill', 'Deal', 'deal.platformFeePercent', '%'),
  {
    name: 'energyMarginPercent',
    label: 'Energy pass-through margin',
    group: 'Deal',
    path: 'deal.energyPassThrough',
    unit: '%',
    read: (input) => str(getPath(input, 'deal.energyPassThrough.marginPercent') ?? 0),
    write: (input, raw) => setPath(input, 'deal.energyPassThrough', toNumber(raw) === 0 ? { kind: 'at-cost' } : { kind: 'margin', marginPercent: toNumber(raw) }),
  },
  numeric('discountRate', 'Discount rate', 'Finance', 'finance.discountRatePercent', '%/yr'),
  numeric('hostCapex', 'Host upfront capex', 'Finance', 'finance.hostUpfrontCapexUsd', '$'),
  numeric('tenantUpfront', 'Tenant upfront', 'Finance', 'finance.tenantUpfrontUsd', '$'),
  numeric('tenantValue', 'What a kW-month earns the tenant', 'Finance', 'finance.tenantValueUsdPerKwMonth', '$/kW-month'),
  numeric('miningLow', 'Mining multiple, low', 'Finance', 'finance.miningMultipleLow', '× EBITDA'),
  numeric('miningHigh', 'Mining multiple, high', 'Finance', 'finance.miningMultipleHigh', '× EBITDA'),
  numeric('dcLow', 'Data-centre multiple, low', 'Finance', 'finance.dataCentreMultipleLow', '× EBITDA'),
  numeric('dcHigh', 'Data-centre multiple, high', 'Finance', 'finance.dataCentreMultipleHigh', '× EBITDA'),
];

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/** The compound inputs: a time-of-use band, a demand-response event, a contract phase, a fleet refresh, the hashprice path. */
function writeCompound(input: Json, p: Params) {
  if (!blank(p.bandUsdPerMwh)) {
    const base = getPath(input, 'energy.price.usdPerMwh');
    setPath(input, 'energy.price', {
      kind: 'time-of-use',
      utcOffsetHours: -6,
      baseUsdPerMwh: base,
      bands: [{ startHour: toNumber(p.bandStart ?? '14'), endHour: toNumber(p.bandEnd ?? '20'), days: 'weekdays', usdPerMwh: toNumber(p.bandUsdPerMwh!) }],
    });
  }
  setPath(
    input,
    'energy.demandResponseEvents',
    blank(p.drStartHour) ? [] : [{ startHour: toNumber(p.drStartHour!), durationHours: toNumber(p.drHours ?? '4'), paymentUsdPerMwh: toNumber(p.drUsdPerMwh ?? '900') }],
  );
  setPath(input, 'term.phases', blank(p.phaseYear) ? [] : [{ fromYear: toNumber(p.phaseYear!), contractedItMw: toNumber(p.phaseMw ?? '') }]);
  setPath(
    input,
    'term.fleetRefreshes',
    blank(p.refreshYear) ? [] : [{ year: toNumber(p.refreshYear!), jPerTh: toNumber(p.refreshJPerTh ?? ''), capexUsdPerMw: toNumber(p.refreshCapex ?? '0') }],
  );
  const path = p.hashpricePath ?? 'preset:difficulty-2025';
  const growth = toNumber(p.difficultyGrowth ?? '0');
  if (path.startsWith('preset:')) setPath(input, 'term.hashprice', { kind: 'preset', name: path.slice('preset:'.length) });
  else if (path === 'flat') setPath(input, 'term.hashprice', { kind: 'flat' });
  else if (path === 'difficulty') setPath(input, 'term.hashprice', { kind: 'difficulty', difficultyGrowthPercentPerYear: growth });
  else {
    const dates = (p.halvingDates ?? '').split(',').map((d) => d.trim()).filter(Boolean);
    setPath(input, 'term.hashprice', { kind: 'halvings', difficultyGrowthPercentPerYear: growth, feeSharePercent: toNumber(p.feeShare ?? '0'), halvingDates: dates });
  }
}

/** True when the URL carries a submitted form (rather than only an entry point). */
export const isSubmitted = (p: Params) => p.run === '1';

/** The term input of a submitted form. */
export function buildInput(p: Params): Json {
  const input: Json = {};
  for (const field of FIELDS) {
    const raw = p[field.name];
    if (raw === undefined) continue;
    field.write(input, raw);
  }
  writeCompound(input, p);
  return input;
}

/** The form's values from the full input the model ran on. */
export const valuesFromInput = (input: Json): Record<string, string> => Object.fromEntries(FIELDS.map((f) => [f.name, f.read(input)]));

/** The form field an API error names (`input.mining.jPerTh` → jPerTh), if the form has it. */
export function fieldForError(apiField: string | undefined): Field | undefined {
  const path = apiField?.replace(/^input\./, '') ?? '';
  return [...FIELDS].sort((a, b) => b.path.length - a.path.length).find((f) => path === f.path || path.startsWith(`${f.path}.`));
}

/** The one-year part of a term input: what a saved scenario keeps (and what a deal's parties sign). */
export function yearPart(input: Json): Json {
  const { term: _term, finance: _finance, ...year } = input;
  return year;
}

/** The modeller URL that reopens a saved scenario's inputs. */
export function paramsFromInputs(inputs: unknown, context: Record<string, string>): string {
  const params = new URLSearchParams({ ...context, run: '1' });
  const values = valuesFromInput((inputs ?? {}) as Json);
  for (const field of FIELDS) {
    // A saved scenario holds the one-year fields; the term's own come from the defaults.
    if (field.path.startsWith('term.') || field.path.startsWith('finance.')) continue;
    if (values[field.name] !== '') params.set(field.name, values[field.name]!);
  }
  return `/revenue?${params}`;
}
