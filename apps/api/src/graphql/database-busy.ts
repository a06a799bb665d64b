// Every database connection in use for longer than a request waits for one (packages/db pool-busy.ts): the
// request did nothing and may succeed a moment later, so the client is told to retry (503, Retry-After)
// instead of getting an INTERNAL_SERVER_ERROR, and the log says warn, not error. The code and message are
// set by the error formatter (error-format.ts), the HTTP status and header by the plugin below and, for a
// failure while resolving the caller (before Apollo runs the operation), by the context (server.ts).
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseBusy } from '@gridshare/db';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { transportError } from './errors';

/** Seconds a client is asked to wait: a pool frees connections in milliseconds once a burst passes. */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 2;
const MESSAGE = `The database is busy; retry in ${DATABASE_BUSY_RETRY_AFTER_SECONDS} s.`;
const http = () => ({ status: 503, headers: new Map([['retry-after', String(DATABASE_BUSY_RETRY_AFTER_SECONDS)]]) });

/** What a client sees of a busy database, where an error is formatted (no detail of the pool or SQL). */
export function databaseBusyFormatted(path: GraphQLFormattedError['path']): GraphQLFormattedError {
  return { message: MESSAGE, ...(path ? { path } : {}), extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS } };
}

/** `error` as the typed SERVICE_UNAVAILABLE refusal (503, Retry-After) when it means a busy database; else itself. */
export function refuseWhenDatabaseBusy(error: unknown): unknown {
  return isDatabaseBusy(error) ? transportError('SERVICE_UNAVAILABLE', MESSAGE, { retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS, http: http() }) : error;
}

const busy = (errors: readonly GraphQLError[] | undefined) => errors?.some((error) => isDatabaseBusy(unwrapResolverError(error))) ?? false;

/** An operation whose resolvers met a busy database answers 503 with Retry-After. */
export function databaseBusyStatus<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }: GraphQLRequestContext<C>) {
          if (!busy(errors)) return;
          const { status, headers } = http();
          response.http.status = status;
          for (const [name, value] of headers) response.http.headers.set(name, value);
        },
      };
    },
  };
}
