// Server-Timing (W3C): how long named phases of one request took, returned in the `server-timing` header.
// Browser devtools show it beside the request; the meter-ingest benchmark reads it to split its time.
// Only durations leave, never what was computed.

export class ServerTimings {
  private readonly entries: { name: string; ms: number }[] = [];

  time<T>(name: string, fn: () => T): T {
    const started = performance.now();
    try {
      return fn();
    } finally {
      this.entries.push({ name, ms: performance.now() - started });
    }
  }

  async measure<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      this.entries.push({ name, ms: performance.now() - started });
    }
  }

  /** The header's value (`name;dur=ms, …`), or undefined when nothing was timed. */
  header(): string | undefined {
    return this.entries.length > 0 ? this.entries.map((entry) => `${entry.name};dur=${entry.ms.toFixed(1)}`).join(', ') : undefined;
  }
}
