// What a client sees of each kind of error: domain errors mapped to their code and details, registry codes
// passed without a stack, database errors typed, anything else bare and logged.
import { Prisma } from '@gridshare/db';
import { GraphQLError, type GraphQLFormattedError, locatedError } from 'graphql';
import { badInput, conflict } from '../errors/domain-errors';
import { formatError } from './error-format';
import { transportError } from './errors';

function format(error: Error) {
  const logged: unknown[] = [];
  // As Apollo hands a resolver's error over: located at a path, the thrown error as originalError.
  const located = error instanceof GraphQLError ? error : locatedError(error, undefined, ['site']);
  const formatted: GraphQLFormattedError = { ...located.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'], ...located.extensions } };
  const busy: unknown[] = [];
  const answer = formatError({ internal: (error) => logged.push(error), busy: (error) => busy.push(error) })(formatted, located);
  return { answer, logged, busy };
}

describe('formatError', () => {
  it('maps a domain error to its code, message and details (the field included)', () => {
    expect(format(badInput('input.totalMw', 'must be positive')).answer).toEqual({
      message: 'input.totalMw: must be positive',
      path: ['site'],
      extensions: { field: 'input.totalMw', code: 'BAD_USER_INPUT' },
    });
    expect(format(conflict('Cannot accept deal d: it is ACTIVE.', { currentStatus: 'ACTIVE' })).answer.extensions).toEqual({ currentStatus: 'ACTIVE', code: 'CONFLICT' });
  });

  it('passes a transport error with a registry code, without its stack', () => {
    const { answer, logged } = format(transportError('RATE_LIMITED', 'Too many requests; retry in 3 s.', { retryAfterSeconds: 3 }));
    expect(answer).toEqual({ message: 'Too many requests; retry in 3 s.', extensions: { retryAfterSeconds: 3, code: 'RATE_LIMITED' } });
    expect(logged).toEqual([]);
  });

  it('types known database errors and hides their SQL', () => {
    const unique = new Prisma.PrismaClientKnownRequestError('Unique constraint failed on "Site"."name"', { code: 'P2002', clientVersion: 'x' });
    expect(format(unique).answer).toEqual({ message: 'That conflicts with something that already exists.', path: ['site'], extensions: { code: 'CONFLICT' } });
  });

  it('answers a busy database (no connection in time) as SERVICE_UNAVAILABLE, logged as busy, not internal', () => {
    const timedOut = new Prisma.PrismaClientKnownRequestError('Transaction API error: Unable to start a transaction in the given time.', { code: 'P2028', clientVersion: 'x' });
    for (const error of [timedOut, new Error('timeout exceeded when trying to connect')]) {
      const { answer, logged, busy } = format(error);
      expect(answer).toEqual({ message: 'The database is busy; retry in 2 s.', path: ['site'], extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } });
      expect(logged).toEqual([]);
      expect(busy).toEqual([error]);
    }
    // Another transaction failure of the same Prisma code may have done part of its work: it stays internal.
    const expired = new Prisma.PrismaClientKnownRequestError('Transaction API error: A commit cannot be executed on an expired transaction.', { code: 'P2028', clientVersion: 'x' });
    expect(format(expired).answer.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('answers anything else as a bare INTERNAL_SERVER_ERROR and logs the original', () => {
    const secret = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    const { answer, logged } = format(secret);
    expect(answer).toEqual({ message: 'Internal server error', path: ['site'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toEqual([secret]);
    // A code outside the registry is not passed through either.
    expect(format(new GraphQLError('odd', { extensions: { code: 'TEAPOT' } })).answer.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
