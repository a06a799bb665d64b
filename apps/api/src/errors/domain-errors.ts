// What services throw when a client can act on the failure: a code from the registry, a message for the
// client, and details (the input `field`, a `currentStatus`, `issues` ...). Transport-neutral: services and
// background jobs know nothing of GraphQL; graphql/error-format.ts turns these into `extensions` in one place.
import type { DomainErrorCode } from './error-codes';

export type ErrorDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  override readonly name = 'DomainError';
  /** For BAD_USER_INPUT: the input field at fault, as the client sent it (e.g. `input.totalMw`). */
  readonly field: string | undefined;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Sent to the client beside the code; `field` among them. */
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.field = typeof details.field === 'string' ? details.field : undefined;
  }
}

export function appError(code: DomainErrorCode, message: string, details: ErrorDetails = {}): DomainError {
  return new DomainError(code, message, details);
}

export const unauthenticated = (message = 'Sign in or send an API key (Authorization: Bearer …).') =>
  appError('UNAUTHENTICATED', message);

export const forbidden = (message: string) => appError('FORBIDDEN', message);

/** Also what another organisation's objects look like: we never confirm they exist. */
export const notFound = (what: string, id?: string) =>
  appError('NOT_FOUND', id ? `${what} ${id} not found.` : `${what} not found.`);

export const badInput = (field: string, message: string) =>
  appError('BAD_USER_INPUT', `${field}: ${message}`, { field });

export const conflict = (message: string, details: ErrorDetails = {}) => appError('CONFLICT', message, details);
