// One request id per request, on every log line it causes: taken from a well-formed incoming x-request-id
// (so a partner's or a proxy's id follows the request through our logs) or made here, and sent back in the
// response. Code that has no request at hand (error formatting, the database's query hook) finds the
// request's logger through AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** UUIDs, ULIDs, W3C trace ids and the like; anything else (too long, spaces, control characters) is replaced. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && WELL_FORMED_REQUEST_ID.test(header) ? header : randomUUID();
}

const requestScope = new AsyncLocalStorage<Logger>();

export function runWithRequestLogger<T>(logger: Logger, fn: () => T): T {
  return requestScope.run(logger, fn);
}

/** The current request's logger (it carries the request id), or `fallback` outside a request. */
export function requestLogger(fallback: Logger): Logger {
  return requestScope.getStore() ?? fallback;
}

/** Longest SQL text kept in a slow-query line. */
const MAX_SQL_CHARS = 2_000;

/**
 * The database's onQuery hook: statements slower than `thresholdMs` are logged as warnings with the request
 * id. Only the SQL text is logged, never the bound parameters (values stay in `$1`, `$2`, …).
 */
export function slowQueryLogger(logger: Logger, thresholdMs: number): (sql: string, durationMs: number) => void {
  return (sql, durationMs) => {
    if (durationMs < thresholdMs) return;
    requestLogger(logger).warn({ durationMs, thresholdMs, sql: sql.length > MAX_SQL_CHARS ? `${sql.slice(0, MAX_SQL_CHARS)}…` : sql }, 'slow query');
  };
}
