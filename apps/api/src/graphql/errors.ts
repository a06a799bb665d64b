// Typed errors: every failure a client can act on carries `extensions.code`.
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'BILLING_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'Sign in or send an API key (Authorization: Bearer …).') =>
  appError('UNAUTHENTICATED', message);

export const forbidden = (message: string) => appError('FORBIDDEN', message);

/** Also what another organisation's objects look like: we never confirm they exist. */
export const notFound = (what: string, id?: string) =>
  appError('NOT_FOUND', id ? `${what} ${id} not found.` : `${what} not found.`);

export const badInput = (field: string, message: string) =>
  appError('BAD_USER_INPUT', `${field}: ${message}`, { field });

export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  appError('CONFLICT', message, extensions);
