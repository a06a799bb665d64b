// Numeric input fields named by dotted path ('a.0.b' or 'a[0].b'), for the sensitivity grids.
import { RevenueInputError } from './errors.js';

export function segmentsOf(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Float64Array);
}

/** The value at `segments`, only through own properties (so '__proto__' and friends never resolve). */
export function getAt(root: unknown, segments: readonly string[]): unknown {
  let at: unknown = root;
  for (const seg of segments) {
    if (Array.isArray(at) || at instanceof Float64Array) {
      const i = Number(seg);
      if (!/^\d+$/.test(seg) || i >= at.length) return undefined;
      at = at[i];
    } else if (isRecord(at) && Object.hasOwn(at, seg)) {
      at = at[seg];
    } else {
      return undefined;
    }
  }
  return at;
}

/** Copy-on-write set: only the objects along the path are copied; the caller's input is never changed. */
export function setAt(root: unknown, segments: readonly string[], depth: number, value: number): unknown {
  if (depth === segments.length) return value;
  const seg = segments[depth]!;
  if (Array.isArray(root) || root instanceof Float64Array) {
    const copy = root.slice();
    const i = Number(seg);
    copy[i] = setAt(root[i], segments, depth + 1, value) as number;
    return copy;
  }
  if (isRecord(root)) return { ...root, [seg]: setAt(root[seg], segments, depth + 1, value) };
  return root;
}

/**
 * Checks sensitivity axes against an input: each path names a numeric field, each value is finite, and the
 * grid stays within `maxCells` and `maxAxes`. Throws RevenueInputError naming the axis; returns the cells.
 */
export function checkAxes(input: unknown, axes: readonly { path: string; values: readonly number[] }[], maxCells: number, maxAxes = Infinity): number {
  const issues: { path: string; message: string }[] = [];
  if (axes.length === 0) issues.push({ path: 'axes', message: 'give at least one axis' });
  if (axes.length > maxAxes) issues.push({ path: 'axes', message: `give at most ${maxAxes} axes` });
  let cells = 1;
  axes.forEach((axis, a) => {
    if (typeof getAt(input, segmentsOf(axis.path)) !== 'number')
      issues.push({ path: `axes.${a}.path`, message: `'${axis.path}' does not name a numeric field of this input` });
    if (axis.values.length === 0) issues.push({ path: `axes.${a}.values`, message: 'give at least one value' });
    const bad = axis.values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0) issues.push({ path: `axes.${a}.values.${bad}`, message: 'values must be finite numbers' });
    cells *= axis.values.length;
  });
  if (cells > maxCells) issues.push({ path: 'axes', message: `${cells} cells is more than the limit of ${maxCells}` });
  if (issues.length > 0) throw new RevenueInputError(issues);
  return cells;
}
