// Numeric input fields named by dotted path ('a.0.b' or 'a[0].b'), for the sensitivity grids.

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
