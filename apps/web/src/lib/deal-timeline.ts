// A deal's life as both parties see it: the steps done (with their dates) and, for the current step, what
// each party does next. The API's states decide; this only words them.
import type { DealRole } from '@/generated/graphql';

export type Party = DealRole;

export interface TimelineDeal {
  status: string;
  role: Party;
  acceptedAt: string | null;
  hostSignedAt: string | null;
  tenantSignedAt: string | null;
  startDate: string;
}

export interface TimelineStep {
  label: string;
  done: boolean;
  date: string | null;
}

const ORDER = ['PROPOSED', 'ACCEPTED', 'SIGNED', 'ACTIVE', 'ENDED'] as const;

export function timelineSteps(deal: TimelineDeal): TimelineStep[] {
  const at = ORDER.indexOf(deal.status as (typeof ORDER)[number]);
  const signedAt = deal.hostSignedAt && deal.tenantSignedAt ? (deal.hostSignedAt > deal.tenantSignedAt ? deal.hostSignedAt : deal.tenantSignedAt) : null;
  return [
    { label: 'Proposed by the host', done: at >= 0, date: null },
    { label: 'Accepted by the tenant', done: at >= 1, date: deal.acceptedAt },
    { label: 'Signed by both', done: at >= 2, date: signedAt },
    { label: 'Active: lease started, billed monthly', done: at >= 3, date: at >= 3 ? deal.startDate : null },
    { label: 'Ended', done: at >= 4, date: null },
  ];
}

/** What each party does next, from where the deal is. */
export function nextSteps(deal: TimelineDeal): Record<Party, string[]> {
  switch (deal.status) {
    case 'PROPOSED':
      return { HOST: ['Wait for the tenant to accept, or withdraw the proposal'], TENANT: ['Review the terms, then accept or reject'] };
    case 'ACCEPTED':
      return {
        HOST: [deal.hostSignedAt ? 'Signed: wait for the tenant' : 'Sign the agreement (the deal’s terms or a revenue scenario)', 'Set up payouts (Billing) so statements can pay you'],
        TENANT: [deal.tenantSignedAt ? 'Signed: wait for the host' : 'Sign the agreement', 'Add a payment method (Billing) for the monthly invoices'],
      };
    case 'SIGNED':
      return { HOST: ['Activate the deal when the lease starts'], TENANT: ['Plan your move-in; billing starts when the host activates'] };
    case 'ACTIVE':
      return {
        HOST: ['Record meter readings and curtailment events', 'Agree each monthly statement'],
        TENANT: ['Review and agree each monthly statement (or dispute it)'],
      };
    default:
      return { HOST: [], TENANT: [] };
  }
}
