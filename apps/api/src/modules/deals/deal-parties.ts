// Who the parties of a deal are, as the caller may know them. The tenant always knows its host. The host
// learns who the tenant is only when the tenant acts, by accepting: before that (a proposal, and after a
// withdrawal or a rejection) it sees the request's anonymous label, so a throwaway proposal unmasks nobody.
// Two walls: this rule, and row-level security (counterparty_read lets a host read the tenant's
// Organization row only for a deal the tenant accepted).
import type { AppTx, DealStatus } from '@gridshare/db';
import { tenantLabel } from '../requests/requests.mappers';
import { TENANT_REVEALED } from './deal-moves';

export interface DealPartyNode {
  /** The organisation's id; null while it is anonymous to the caller. */
  id: string | null;
  name: string;
  anonymous: boolean;
}

export interface DealPartiesRef {
  requestId: string;
  hostOrgId: string;
  tenantOrgId: string;
  status: DealStatus;
}

const knowsTenant = (deal: DealPartiesRef, orgId: string) => deal.tenantOrgId === orgId || TENANT_REVEALED.includes(deal.status);

/** Reads the parties' names of `deals` at once; the result gives each deal's parties as `orgId` may know them. */
export async function loadDealParties(tx: AppTx, orgId: string, deals: readonly DealPartiesRef[]) {
  const ids = [...new Set(deals.flatMap((deal) => (knowsTenant(deal, orgId) ? [deal.hostOrgId, deal.tenantOrgId] : [deal.hostOrgId])))];
  const rows = ids.length ? await tx.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(rows.map((row) => [row.id, row.name]));
  const party = (id: string): DealPartyNode => ({ id, name: names.get(id) ?? '', anonymous: false });
  return (deal: DealPartiesRef): { host: DealPartyNode; tenant: DealPartyNode } => ({
    host: party(deal.hostOrgId),
    tenant: knowsTenant(deal, orgId) ? party(deal.tenantOrgId) : { id: null, name: tenantLabel(deal.requestId), anonymous: true },
  });
}
