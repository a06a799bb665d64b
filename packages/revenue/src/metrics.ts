// Load-shape statistics computed in one streaming pass: no arrays needed, so sensitivity runs that skip the
// hourly output still get them.

export interface LoadShape {
  /** Mean MW over the year. */
  readonly meanMw: number;
  /** Highest hourly MW. */
  readonly peakMw: number;
  /** Peak / mean; 1 for a flat (or all-zero) load. Lower is smoother. */
  readonly peakToAverage: number;
  /** Largest change between consecutive hours, MW. */
  readonly maxRampMw: number;
  /** Population standard deviation of hourly MW. */
  readonly stdDevMw: number;
}

/** Streaming mean/variance (Welford: no cancellation when the load is nearly flat), peak and ramp. */
export class LoadShapeAccumulator {
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private peak = 0;
  private maxRamp = 0;
  private prev = 0;

  /**
   * The step for AI alone (facilityMw x utilisation[h]) and AI + mining (totalMw[h]) over a year's hours,
   * interleaved in locals so the two chains of divisions overlap.
   */
  static pushPair(ai: LoadShapeAccumulator, total: LoadShapeAccumulator, utilisation: Float64Array, facilityMw: number, totalMw: Float64Array, n: number): void {
    let count = ai.n;
    let { mean: aMean, m2: aM2, peak: aPeak, maxRamp: aRamp, prev: aPrev } = ai;
    let { mean: tMean, m2: tM2, peak: tPeak, maxRamp: tRamp, prev: tPrev } = total;
    for (let h = 0; h < n; h++) {
      const a = facilityMw * utilisation[h]!;
      const t = totalMw[h]!;
      if (count > 0) {
        const aStep = a > aPrev ? a - aPrev : aPrev - a;
        if (aStep > aRamp) aRamp = aStep;
        const tStep = t > tPrev ? t - tPrev : tPrev - t;
        if (tStep > tRamp) tRamp = tStep;
      } else {
        aPeak = a;
        tPeak = t;
      }
      if (a > aPeak) aPeak = a;
      if (t > tPeak) tPeak = t;
      aPrev = a;
      tPrev = t;
      count++;
      const da = a - aMean;
      aMean += da / count;
      aM2 += da * (a - aMean);
      const dt = t - tMean;
      tMean += dt / count;
      tM2 += dt * (t - tMean);
    }
    Object.assign(ai, { n: count, mean: aMean, m2: aM2, peak: aPeak, maxRamp: aRamp, prev: aPrev });
    Object.assign(total, { n: count, mean: tMean, m2: tM2, peak: tPeak, maxRamp: tRamp, prev: tPrev });
  }

  result(): LoadShape {
    const mean = this.mean;
    return {
      meanMw: mean,
      peakMw: this.peak,
      peakToAverage: mean > 0 ? this.peak / mean : 1,
      maxRampMw: this.maxRamp,
      stdDevMw: this.n > 0 ? Math.sqrt(Math.max(0, this.m2 / this.n)) : 0,
    };
  }
}
