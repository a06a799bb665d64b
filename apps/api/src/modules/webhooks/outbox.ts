// The transactional outbox for partner webhooks. Business code calls `recordPartnerEvent` inside the
// transaction that makes the change: the delivery rows commit or roll back with it, so a partner never
// hears of a change that did not happen and never misses one that did. After the request, the API puts
// the new deliveries on the queue (server.ts); if that fails (Redis down), the worker's sweep finds the
// PENDING rows later (sweepLostDeliveries in delivery.ts, run by the worker's webhook-sweep job).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppTx } from '@gridshare/db';
import type { PartnerEventType } from './events';

export interface PartnerEvent {
  /** The organisation whose endpoints receive the event. */
  orgId: string;
  type: PartnerEventType;
  /**
   * The changed object's id. When `orgId` is not the caller's own organisation, the database checks that
   * the caller may speak for it through this object (the other party of a deal, the host of a match).
   */
  subjectId: string;
  /** The event's `data`: only what `orgId` may read through the API. */
  payload: Record<string, unknown>;
}

const recorded = new AsyncLocalStorage<string[]>();

/**
 * Queues each event for every enabled endpoint of its `orgId` subscribed to its type, in the caller's
 * transaction (a `withOrg` transaction, or the system path), in one statement. Returns the new
 * deliveries' ids.
 *
 * Billing emits `invoice.paid` through this same function, with `{ orgId, type: 'invoice.paid',
 * subjectId: <invoice or usage report id>, payload: { invoiceId, amountPaidUsd, ... } }`.
 */
export async function recordPartnerEvents(tx: Pick<AppTx, '$queryRaw'>, events: readonly PartnerEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT record_partner_event(e.org_id, e.type, e.subject_id, e.payload::jsonb) AS id
      FROM unnest(${events.map((e) => e.orgId)}::uuid[], ${events.map((e) => e.type)}::text[],
                  ${events.map((e) => e.subjectId)}::uuid[], ${events.map((e) => JSON.stringify(e.payload))}::text[])
           AS e(org_id, type, subject_id, payload)`;
  const ids = rows.map((row) => row.id);
  trackDeliveries(ids);
  return ids;
}

export const recordPartnerEvent = (tx: Pick<AppTx, '$queryRaw'>, event: PartnerEvent) => recordPartnerEvents(tx, [event]);

/** Notes deliveries created in this request so they are queued once it is done. */
export function trackDeliveries(ids: readonly string[]): void {
  recorded.getStore()?.push(...ids);
}

/**
 * Runs `fn` (one API request) and returns the deliveries it recorded. Ids of rolled-back transactions may
 * be among them; the worker finds no row for those and drops the job.
 */
export async function collectDeliveries<T>(fn: () => Promise<T>): Promise<{ result: T; deliveryIds: string[] }> {
  const ids: string[] = [];
  const result = await recorded.run(ids, fn);
  return { result, deliveryIds: ids };
}
