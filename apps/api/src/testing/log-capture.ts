// Captures a logger's JSON lines in memory, for tests that assert what is (and is not) logged.
import { Writable } from 'node:stream';

export interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  [key: string]: unknown;
}

export interface LogCapture {
  stream: Writable;
  /** Everything written so far, as written. */
  text(): string;
  lines(): LogLine[];
  clear(): void;
}

export const LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;

export function captureLogs(): LogCapture {
  let chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine),
    clear: () => {
      chunks = [];
    },
  };
}
