// The GraphQL side of the error vocabulary (errors/error-codes.ts): domain errors become `extensions`
// here, and the transport's own refusals (credentials, rate limits, introspection) are typed GraphQL
// errors with an HTTP status. Services never import this file (`npm run check:imports` fails if one does):
// they throw DomainErrors from errors/domain-errors.ts.
import { GraphQLError } from 'graphql';
import type { DomainError } from '../errors/domain-errors';
import type { ErrorCode } from '../errors/error-codes';

/** What a client sees of a domain error beside its message. */
export const domainExtensions = (error: DomainError): Record<string, unknown> => ({ ...error.details, code: error.code });

/** A refusal of the transport layer, typed with a registry code. */
export function transportError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
