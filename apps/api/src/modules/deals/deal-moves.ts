// A deal's life: PROPOSED → ACCEPTED → SIGNED → ACTIVE → ENDED, or PROPOSED → REJECTED / WITHDRAWN.
// Each move belongs to one party; signing (either party, from ACCEPTED) is handled on its own because
// it needs both signatures before the status moves.
import type { DealStatus } from '@gridshare/db';
import type { DealRole } from './deals.schemas';

export type DealStamp = 'acceptedAt' | 'rejectedAt' | 'withdrawnAt' | 'activatedAt' | 'endedAt';

export interface DealMove {
  /** The only party that may make it, or either. */
  by: DealRole | 'EITHER';
  from: DealStatus;
  to: DealStatus;
  /** The time column set when it happens. */
  stamp: DealStamp;
}

export const DEAL_MOVES = {
  accept: { by: 'TENANT', from: 'PROPOSED', to: 'ACCEPTED', stamp: 'acceptedAt' },
  reject: { by: 'TENANT', from: 'PROPOSED', to: 'REJECTED', stamp: 'rejectedAt' },
  withdraw: { by: 'HOST', from: 'PROPOSED', to: 'WITHDRAWN', stamp: 'withdrawnAt' },
  activate: { by: 'HOST', from: 'SIGNED', to: 'ACTIVE', stamp: 'activatedAt' },
  end: { by: 'EITHER', from: 'ACTIVE', to: 'ENDED', stamp: 'endedAt' },
} as const satisfies Record<string, DealMove>;
export type DealMoveName = keyof typeof DEAL_MOVES;

/** Statuses from which the tenant may see the site's name and exact location. */
export const SITE_REVEALED: readonly DealStatus[] = ['ACCEPTED', 'SIGNED', 'ACTIVE', 'ENDED'];
/** Statuses from which the host may know who the tenant is: the tenant has acted (accepted). */
export const TENANT_REVEALED: readonly DealStatus[] = SITE_REVEALED;

export const roleIn = (deal: { hostOrgId: string }, orgId: string): DealRole => (deal.hostOrgId === orgId ? 'HOST' : 'TENANT');
