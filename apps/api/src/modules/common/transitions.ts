import { conflict } from '../../errors/domain-errors';

/**
 * State machines refuse illegal moves with CONFLICT and the current state, so a client can re-read and
 * decide. `allowedFrom` is every state the action may start from.
 */
export function assertTransition<S extends string>(what: string, id: string, current: S, allowedFrom: readonly S[], action: string): void {
  if (!allowedFrom.includes(current)) {
    throw conflict(`Cannot ${action} ${what} ${id}: it is ${current} (allowed from ${allowedFrom.join(' or ')}).`, { currentStatus: current });
  }
}
