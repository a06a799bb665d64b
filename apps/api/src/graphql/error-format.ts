// What a client sees of an error: the one place domain errors become GraphQL `extensions`. Typed errors
// (codes of errors/error-codes.ts) pass through; database and unexpected errors become a
// typed error or a bare INTERNAL_SERVER_ERROR (logged with the request id, never sent: no SQL, no stack).
// A busy database (no connection in time) is SERVICE_UNAVAILABLE (database-busy.ts), logged as a warning.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { Prisma, isDatabaseBusy } from '@gridshare/db';
import { DomainError } from '../errors/domain-errors';
import { type ErrorCode, isErrorCode } from '../errors/error-codes';
import { databaseBusyFormatted } from './database-busy';
import { domainExtensions } from './errors';

const PRISMA_CODES: Record<string, { code: ErrorCode; message: string }> = {
  P2002: { code: 'CONFLICT', message: 'That conflicts with something that already exists.' },
  P2025: { code: 'NOT_FOUND', message: 'Not found.' },
  P2034: { code: 'CONFLICT', message: 'Someone changed this at the same time; try again.' },
};

export interface ErrorLog {
  /** An unexpected error: the client sees INTERNAL_SERVER_ERROR only. */
  internal(error: unknown): void;
  /** No database connection in time: the client is told to retry. */
  busy(error: unknown): void;
}

export function formatError(log: ErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const { extensions: _unmapped, ...located } = formatted;
      return { ...located, message: original.message, extensions: domainExtensions(original) };
    }
    const code = formatted.extensions?.code;
    if (code !== 'INTERNAL_SERVER_ERROR' && isErrorCode(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isDatabaseBusy(original)) {
      log.busy(original);
      return databaseBusyFormatted(formatted.path);
    }
    if (original instanceof Prisma.PrismaClientKnownRequestError) {
      const mapped = PRISMA_CODES[original.code];
      if (mapped) return { message: mapped.message, path: formatted.path, extensions: { code: mapped.code } };
    }
    log.internal(original);
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
