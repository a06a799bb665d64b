// Random capacity searches as tenants send them: each its own combination of grid operator, minimum block
// MW, price cap, rack density, liquid cooling, availability date and sort, from the ranges of the bench
// market (bench/search-data.ts). Seeded, so a failing comparison can be replayed.
import { mulberry32 } from '@gridshare/db';
import { SORTS, type TSort } from '../modules/search/search.schemas';

export const GRID_OPERATORS = ['ERCOT', 'PJM', 'MISO', 'SPP', 'HYDRO_QUEBEC', 'NORDPOOL', 'ANDE', 'EEP'] as const;

/** A seeded generator of values in [0, 1). */
export const seededRandom = mulberry32;

/** GraphQL variables of searchCapacity (dates as YYYY-MM-DD). */
export interface RandomSearch {
  filter: {
    gridOperators?: string[];
    minBlockMw?: number;
    maxPriceUsdPerKwMonth?: number;
    minRackDensityKw?: number;
    liquidCoolingRequired?: boolean;
    availableBy?: string;
  };
  sort: TSort;
}

export function randomSearch(random: () => number): RandomSearch {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const step = (from: number, to: number, by: number) => from + Math.floor(random() * ((to - from) / by + 1)) * by;
  const filter: RandomSearch['filter'] = {};
  if (random() < 0.75) filter.gridOperators = random() < 0.85 ? [pick(GRID_OPERATORS)] : [pick(GRID_OPERATORS), pick(GRID_OPERATORS)];
  if (random() < 0.6) filter.minBlockMw = step(5, 150, 5);
  if (random() < 0.5) filter.maxPriceUsdPerKwMonth = step(95, 220, 5);
  if (random() < 0.4) filter.minRackDensityKw = step(20, 140, 10);
  if (random() < 0.3) filter.liquidCoolingRequired = true;
  if (random() < 0.4) {
    const day = new Date(Date.UTC(2024, 2, 1) + Math.floor(random() * 1400) * 86_400_000);
    filter.availableBy = day.toISOString().slice(0, 10);
  }
  return { filter, sort: pick(SORTS) };
}
