// The events partners can subscribe to, and what each one carries. A payload holds only what the
// receiving organisation may read through the API itself (e.g. a host learns a match's request size,
// never the tenant's name).
import type { CapacityBlock, Deal, Match, SettlementStatement } from '@gridshare/db';
import { isoDay } from '../common/dates';
import { centsToUsd } from '../common/units';

export const PARTNER_EVENT_TYPES = [
  'match.created',
  'deal.accepted',
  'deal.signed',
  'capacity.published',
  'invoice.paid',
  'statement.issued',
  'statement.agreed',
  'statement.disputed',
  'statement.paid',
] as const;
export type PartnerEventType = (typeof PARTNER_EVENT_TYPES)[number];

/** Sent only when an endpoint's owner asks (sendWebhookTestEvent); nobody subscribes to it. */
export const TEST_EVENT_TYPE = 'webhook.test';
/** What a delivery may carry: a partner event, or the test event. */
export type DeliveryEventType = PartnerEventType | typeof TEST_EVENT_TYPE;

/** GraphQL enum names (MATCH_CREATED) for the wire names (match.created). */
export const EVENT_TYPE_ENUM: Record<string, DeliveryEventType> = {
  MATCH_CREATED: 'match.created',
  DEAL_ACCEPTED: 'deal.accepted',
  DEAL_SIGNED: 'deal.signed',
  CAPACITY_PUBLISHED: 'capacity.published',
  INVOICE_PAID: 'invoice.paid',
  STATEMENT_ISSUED: 'statement.issued',
  STATEMENT_AGREED: 'statement.agreed',
  STATEMENT_DISPUTED: 'statement.disputed',
  STATEMENT_PAID: 'statement.paid',
  WEBHOOK_TEST: TEST_EVENT_TYPE,
};

/** webhook.test: says what it is, so a receiver can tell it from business events and need not act on it. */
export function testEventPayload(endpointId: string) {
  return { test: true, endpointId, message: 'A test event sent from Gridshare at your request; it changes nothing.' };
}

/** deal.accepted and deal.signed, sent to both parties. */
export function dealEventPayload(deal: Deal) {
  return {
    dealId: deal.id,
    status: deal.status,
    requestId: deal.requestId,
    siteId: deal.siteId,
    mw: deal.mw.toNumber(),
    priceUsdPerKwMonth: centsToUsd(deal.priceCentsPerKwMonth),
    termMonths: deal.termMonths,
    startDate: isoDay(deal.startDate),
  };
}

/** capacity.published, sent to the host that published. */
export function capacityEventPayload(block: CapacityBlock) {
  return {
    blockId: block.id,
    siteId: block.siteId,
    kind: block.kind,
    mw: block.mw.toNumber(),
    availableFrom: isoDay(block.availableFrom),
    priceUsdPerKwMonth: centsToUsd(block.priceCentsPerKwMonth),
    minTermMonths: block.minTermMonths,
  };
}

/** match.created, sent to the host whose site matched: the request's id and the ranking, no tenant. */
export function matchEventPayload(match: Pick<Match, 'id' | 'requestId' | 'siteId' | 'rank' | 'score' | 'isSplit' | 'blockIds' | 'modelVersion'>) {
  return {
    matchId: match.id,
    requestId: match.requestId,
    siteId: match.siteId,
    blockIds: match.blockIds,
    rank: match.rank,
    score: Number(match.score),
    isSplit: match.isSplit,
    modelVersion: match.modelVersion,
  };
}

type StatementEventSource = Pick<
  SettlementStatement,
  'id' | 'dealId' | 'month' | 'status' | 'version' | 'tenantTotalCents' | 'platformFeeCents' | 'hostPayoutCents' | 'agreedBy' | 'disputeReason' | 'stripeInvoiceId'
>;

/** statement.issued / agreed / disputed / paid, sent to both parties of the deal: both read every field. */
export function statementEventPayload(statement: StatementEventSource) {
  return {
    statementId: statement.id,
    dealId: statement.dealId,
    month: isoDay(statement.month).slice(0, 7),
    status: statement.status,
    version: statement.version,
    tenantTotalUsd: centsToUsd(Number(statement.tenantTotalCents)),
    platformFeeUsd: centsToUsd(Number(statement.platformFeeCents)),
    hostPayoutUsd: centsToUsd(Number(statement.hostPayoutCents)),
    agreedBy: statement.agreedBy,
    disputeReason: statement.disputeReason,
    stripeInvoiceId: statement.stripeInvoiceId,
  };
}
