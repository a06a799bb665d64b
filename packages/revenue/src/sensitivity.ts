// Host EBITDA over a grid of inputs: any numeric field, named by its dotted path (e.g.
// 'market.hashpriceUsdPerPhDay', 'energy.price.usdPerMwh', 'aiLoad.profile.components.0.weight').
// Cells skip the hourly output arrays; each cell is still validated, so a value that breaks a rule fails
// with the field and the cell named.
import { RevenueInputError } from './errors.js';
import type { Cents } from './money.js';
import { checkAxes, segmentsOf, setAt } from './paths.js';
import { ZRevenueInput, type TRevenueInput } from './schema.js';
import { parseRevenueInput, simulateParsed } from './simulate.js';

export interface SensitivityAxis {
  /** Dotted path of a numeric input field; array elements by index ('a.0.b' or 'a[0].b'). */
  readonly path: string;
  readonly values: readonly number[];
}

export interface SensitivityGrid {
  readonly axes: readonly SensitivityAxis[];
  /** Number of values on each axis. */
  readonly shape: readonly number[];
  /** Host EBITDA per cell, integer cents, row-major (the last axis varies fastest): see sensitivityCellIndex. */
  readonly hostEbitdaCents: Float64Array;
}

/** Guard against a grid that would run for minutes by mistake. */
export const MAX_SENSITIVITY_CELLS = 100_000;

/** Position in `hostEbitdaCents` of the cell at `indices` (one index per axis). */
export function sensitivityCellIndex(shape: readonly number[], indices: readonly number[]): number {
  if (indices.length !== shape.length) throw new RangeError(`expected ${shape.length} indices, got ${indices.length}`);
  let at = 0;
  for (let a = 0; a < shape.length; a++) {
    const size = shape[a]!;
    const i = indices[a]!;
    if (!Number.isInteger(i) || i < 0 || i >= size) throw new RangeError(`index ${i} is outside axis ${a} (0..${size - 1})`);
    at = at * size + i;
  }
  return at;
}


/** Host EBITDA for every combination of the axes' values, everything else as in `input`. */
export function revenueSensitivity(input: TRevenueInput, axes: readonly SensitivityAxis[]): SensitivityGrid {
  const base = parseRevenueInput(input);
  const cells = checkAxes(base, axes, MAX_SENSITIVITY_CELLS);
  const shape = axes.map((a) => a.values.length);
  const paths = axes.map((a) => segmentsOf(a.path));
  const hostEbitdaCents = new Float64Array(cells);
  const indices = new Array<number>(axes.length).fill(0);

  for (let cell = 0; cell < cells; cell++) {
    let candidate: unknown = base;
    for (let a = 0; a < axes.length; a++) candidate = setAt(candidate, paths[a]!, 0, axes[a]!.values[indices[a]!]!);
    const parsed = ZRevenueInput.safeParse(candidate);
    if (!parsed.success) {
      const where = axes.map((ax, a) => `${ax.path}=${ax.values[indices[a]!]}`).join(', ');
      throw new RevenueInputError(
        RevenueInputError.fromZod(parsed.error).issues.map((i) => ({ ...i, message: `in cell ${where}: ${i.message}` })),
      );
    }
    const ebitda: Cents = simulateParsed(parsed.data, false).totalsCents.hostEbitda;
    hostEbitdaCents[cell] = ebitda;
    // Odometer: advance the last axis, carry into the ones before.
    for (let a = axes.length - 1; a >= 0; a--) {
      if (++indices[a]! < shape[a]!) break;
      indices[a] = 0;
    }
  }
  return { axes: axes.map((a) => ({ path: a.path, values: [...a.values] })), shape, hostEbitdaCents };
}
