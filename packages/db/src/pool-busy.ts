// Every pooled connection busy for longer than a caller will wait: nothing ran, and the same call may
// succeed a moment later. Two errors say so, both reproduced in pool-busy.int.test.ts:
//   - a transaction (withOrg, a request's shared reads, $transaction) not started within its `maxWait`:
//     Prisma's P2028 "Transaction API error: Unable to start a transaction in the given time."; Prisma then
//     rolls back the transaction it gets later, so the callback never ran and nothing was written;
//   - any statement when the pg pool's own `connectionTimeoutMillis` (DatabaseOptions.connectionTimeoutMs)
//     passes first: pg-pool's bare Error, which @prisma/adapter-pg passes through unwrapped.
// P2028 also names other transaction failures (an expired or closed transaction, which may have run part of
// its work): only the start timeout is matched.
import { Prisma } from './generated/prisma/client';

const TRANSACTION_START_TIMEOUT = 'Unable to start a transaction in the given time';
const POOL_CONNECT_TIMEOUT = 'timeout exceeded when trying to connect';

/** True when `error` means no connection was free in time: nothing ran, and retrying later may succeed. */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2028' && error.message.includes(TRANSACTION_START_TIMEOUT);
  return error instanceof Error && error.message === POOL_CONNECT_TIMEOUT;
}
