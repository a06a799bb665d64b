// A small typed library of ASIC models a fleet can describe itself with. Figures are the manufacturers'
// nominal specifications (stock firmware, normal mode); sources per model in docs/hosting.md. Power is not
// stored: it is hashrate x J/TH (W = TH/s x J/TH), so the three figures can never disagree.

export type AsicCooling = 'AIR' | 'IMMERSION' | 'HYDRO';

export interface AsicModel {
  readonly id: string;
  readonly name: string;
  readonly maker: 'Bitmain' | 'MicroBT';
  readonly hashrateThs: number;
  readonly jPerTh: number;
  readonly cooling: AsicCooling;
}

export const ASIC_MODELS = Object.freeze([
  { id: 'S21', name: 'Antminer S21', maker: 'Bitmain', hashrateThs: 200, jPerTh: 17.5, cooling: 'AIR' },
  { id: 'S21_PRO', name: 'Antminer S21 Pro', maker: 'Bitmain', hashrateThs: 234, jPerTh: 15, cooling: 'AIR' },
  { id: 'S21_XP', name: 'Antminer S21 XP', maker: 'Bitmain', hashrateThs: 270, jPerTh: 13.5, cooling: 'AIR' },
  { id: 'S21_HYDRO', name: 'Antminer S21 Hydro', maker: 'Bitmain', hashrateThs: 335, jPerTh: 16, cooling: 'HYDRO' },
  { id: 'S21_PLUS_HYDRO', name: 'Antminer S21+ Hydro', maker: 'Bitmain', hashrateThs: 319, jPerTh: 16, cooling: 'HYDRO' },
  { id: 'S21_XP_HYDRO', name: 'Antminer S21 XP Hydro', maker: 'Bitmain', hashrateThs: 473, jPerTh: 12, cooling: 'HYDRO' },
  { id: 'S21_XP_IMMERSION', name: 'Antminer S21 XP Immersion', maker: 'Bitmain', hashrateThs: 300, jPerTh: 13, cooling: 'IMMERSION' },
  { id: 'M60', name: 'Whatsminer M60', maker: 'MicroBT', hashrateThs: 172, jPerTh: 19.9, cooling: 'AIR' },
  { id: 'M60S', name: 'Whatsminer M60S', maker: 'MicroBT', hashrateThs: 186, jPerTh: 18.5, cooling: 'AIR' },
  { id: 'M63', name: 'Whatsminer M63', maker: 'MicroBT', hashrateThs: 334, jPerTh: 19.9, cooling: 'HYDRO' },
  { id: 'M63S', name: 'Whatsminer M63S', maker: 'MicroBT', hashrateThs: 390, jPerTh: 18.5, cooling: 'HYDRO' },
  { id: 'M66S', name: 'Whatsminer M66S', maker: 'MicroBT', hashrateThs: 298, jPerTh: 18.5, cooling: 'IMMERSION' },
] as const satisfies readonly AsicModel[]);

export type AsicModelId = (typeof ASIC_MODELS)[number]['id'];
export const ASIC_MODEL_IDS = ASIC_MODELS.map((m) => m.id) as [AsicModelId, ...AsicModelId[]];

const BY_ID: ReadonlyMap<string, AsicModel> = new Map(ASIC_MODELS.map((m) => [m.id, m]));

export function asicModel(id: AsicModelId): AsicModel {
  const model = BY_ID.get(id);
  if (!model) throw new RangeError(`unknown ASIC model ${id}`);
  return model;
}

/** Nameplate power of one machine, kW. */
export function asicPowerKw(model: AsicModel): number {
  return (model.hashrateThs * model.jPerTh) / 1_000;
}
