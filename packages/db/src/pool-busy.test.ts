// Only the errors that mean "no connection in time" are busy: other transaction failures (P2028 too) may
// have run part of their work, and stay what they are. The busy ones are reproduced in pool-busy.int.test.ts.
import { Prisma } from './generated/prisma/client';
import { isDatabaseBusy } from './pool-busy';

const p2028 = (message: string) => new Prisma.PrismaClientKnownRequestError(`Transaction API error: ${message}`, { code: 'P2028', clientVersion: 'test' });

it('matches a transaction not started in time and a pool connect timeout', () => {
  expect(isDatabaseBusy(p2028('Unable to start a transaction in the given time.'))).toBe(true);
  expect(isDatabaseBusy(new Error('timeout exceeded when trying to connect'))).toBe(true);
});

it('does not match an expired or closed transaction, a conflict or a lost connection', () => {
  expect(isDatabaseBusy(p2028('A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms.'))).toBe(false);
  expect(isDatabaseBusy(p2028('Transaction already closed: A commit cannot be executed on a committed transaction.'))).toBe(false);
  expect(isDatabaseBusy(new Prisma.PrismaClientKnownRequestError('Unique constraint failed', { code: 'P2002', clientVersion: 'test' }))).toBe(false);
  expect(isDatabaseBusy(new Error('Connection terminated unexpectedly'))).toBe(false);
  expect(isDatabaseBusy('timeout exceeded when trying to connect')).toBe(false);
});
