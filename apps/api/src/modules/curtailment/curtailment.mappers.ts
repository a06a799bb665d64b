import type { CurtailmentEvent } from '@gridshare/db';

/** RECORDED, then WITHDRAWN by the recording side or DISPUTED by the tenant (a disputed event counts until withdrawn). */
export function eventStatus(event: CurtailmentEvent): 'RECORDED' | 'DISPUTED' | 'WITHDRAWN' {
  if (event.withdrawnAt) return 'WITHDRAWN';
  return event.disputedAt ? 'DISPUTED' : 'RECORDED';
}

export function toCurtailmentEventNode(event: CurtailmentEvent) {
  return {
    id: event.id,
    dealId: event.dealId,
    cause: event.cause,
    channel: event.channel,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    mwAffected: event.mwAffected.toNumber(),
    paymentUsdPerMwh: event.paymentCentsPerMwh === null ? null : event.paymentCentsPerMwh / 100,
    note: event.note,
    status: eventStatus(event),
    recordedByOrganizationId: event.recordedByOrgId,
    recordedBy: event.actor,
    createdAt: event.createdAt,
    withdrawnAt: event.withdrawnAt,
    disputedAt: event.disputedAt,
    disputeReason: event.disputeReason,
  };
}
