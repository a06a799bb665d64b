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

  push(mw: number): void {
    if (this.n > 0) {
      const ramp = mw > this.prev ? mw - this.prev : this.prev - mw;
      if (ramp > this.maxRamp) this.maxRamp = ramp;
    } else {
      this.peak = mw;
    }
    if (mw > this.peak) this.peak = mw;
    this.prev = mw;
    this.n++;
    const d = mw - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (mw - this.mean);
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
