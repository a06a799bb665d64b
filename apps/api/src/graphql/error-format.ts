// What a client sees of an error. Typed errors pass through; database and unexpected errors become a
// typed error or a bare INTERNAL_SERVER_ERROR (logged with the request id, never sent: no SQL, no stack).
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { Prisma } from '@gridshare/db';

const PRISMA_CODES: Record<string, { code: string; message: string }> = {
  P2002: { code: 'CONFLICT', message: 'That conflicts with something that already exists.' },
  P2025: { code: 'NOT_FOUND', message: 'Not found.' },
  P2034: { code: 'CONFLICT', message: 'Someone changed this at the same time; try again.' },
};

const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'BILLING_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function formatError(onInternal: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    if (original instanceof Prisma.PrismaClientKnownRequestError) {
      const mapped = PRISMA_CODES[original.code];
      if (mapped) return { message: mapped.message, path: formatted.path, extensions: { code: mapped.code } };
    }
    onInternal(original);
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
