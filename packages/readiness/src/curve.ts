/** A piecewise-linear curve: points [x, y] with strictly increasing x. */
export type Curve = readonly (readonly [x: number, y: number])[];

/**
 * y at x on a piecewise-linear curve, flat beyond both ends.
 * The result is clamped to each segment's endpoints so that float rounding can never make an
 * increasing curve dip at a breakpoint: monotone curves stay monotone, which the score relies on.
 * NaN reads as the first point.
 */
export function interpolate(curve: Curve, x: number): number {
  const first = curve[0];
  if (first === undefined) return 0;
  if (!(x > first[0])) return first[1];
  for (let i = 1; i < curve.length; i++) {
    const hi = curve[i]!;
    if (x < hi[0]) {
      const lo = curve[i - 1]!;
      const y = lo[1] + ((x - lo[0]) / (hi[0] - lo[0])) * (hi[1] - lo[1]);
      const min = lo[1] < hi[1] ? lo[1] : hi[1];
      const max = lo[1] < hi[1] ? hi[1] : lo[1];
      return y < min ? min : y > max ? max : y;
    }
  }
  return curve[curve.length - 1]![1];
}
