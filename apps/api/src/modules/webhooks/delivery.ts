// One delivery attempt, as the worker runs it: claim the attempt in PostgreSQL (so a duplicate job or a
// second worker does nothing), POST the signed event, record the outcome, and schedule the next attempt
// with exponential backoff until WEBHOOK_MAX_ATTEMPTS, after which the delivery is FAILED.
// Runs on the system path: the worker serves every organisation.
import type { AppPrisma } from '@gridshare/db';
import type { TConfig } from '../../config';
import type { DeliveryJob, WebhookQueue } from './queue';
import { decryptSecret } from './secret-box';
import { signatureHeader } from './signing';
import { type DestinationPolicy, destinationPolicy, postWebhook } from './url-policy';

export interface DeliverySettings {
  encryptionKey: Buffer;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  destination: DestinationPolicy;
}

export const deliverySettings = (config: TConfig): DeliverySettings => ({
  encryptionKey: config.webhookEncryptionKey,
  maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
  backoffBaseMs: config.WEBHOOK_BACKOFF_BASE_MS,
  backoffMaxMs: config.WEBHOOK_BACKOFF_MAX_MS,
  timeoutMs: config.WEBHOOK_TIMEOUT_MS,
  destination: destinationPolicy(config),
});

/** How long to wait after failed attempt `attempt` (1-based) before the next one. */
export const backoffMs = (settings: DeliverySettings, attempt: number) =>
  Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** (attempt - 1));

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

export async function attemptDelivery(prisma: AppPrisma, settings: DeliverySettings, queue: WebhookQueue, job: DeliveryJob): Promise<AttemptOutcome> {
  if (job.attempt > settings.maxAttempts) {
    // The last attempt was cut short (its worker died; the sweep queued one more), or
    // WEBHOOK_MAX_ATTEMPTS was lowered since: no attempts are left.
    await prisma.webhookDelivery.updateMany({ where: { id: job.deliveryId, status: 'PENDING', attempts: job.attempt - 1 }, data: { status: 'FAILED', nextAttemptAt: null } });
    return 'failed';
  }
  const startedAt = new Date();
  // The claim: only the job for the row's next attempt proceeds. The lease (nextAttemptAt) keeps the
  // sweep away while the attempt is in flight; a worker that dies mid-attempt leaves it to the sweep.
  const claimed = await prisma.webhookDelivery.updateMany({
    where: { id: job.deliveryId, status: 'PENDING', attempts: job.attempt - 1 },
    data: { attempts: job.attempt, lastAttemptAt: startedAt, nextAttemptAt: new Date(startedAt.getTime() + settings.timeoutMs) },
  });
  if (claimed.count === 0) return 'skipped';
  const delivery = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: job.deliveryId }, include: { endpoint: true } });
  const { endpoint } = delivery;

  const fail = (lastError: string) =>
    prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { status: 'FAILED', nextAttemptAt: null, lastError } }).then(() => 'failed' as const);
  if (!endpoint.enabled) return fail('endpoint disabled before delivery');
  let secret: string;
  try {
    secret = decryptSecret(settings.encryptionKey, endpoint.secretCiphertext);
  } catch {
    // Retrying cannot help; the partner must register the endpoint again (or the old key be restored).
    return fail('signing secret unreadable: WEBHOOK_ENCRYPTION_KEY is not the key it was stored with');
  }

  const body = JSON.stringify({ id: delivery.eventId, type: delivery.eventType, createdAt: delivery.createdAt.toISOString(), data: delivery.payload });
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Gridshare-Webhooks/1',
    'gridshare-event-id': delivery.eventId,
    'gridshare-event-type': delivery.eventType,
    'gridshare-delivery-id': delivery.id,
    'gridshare-signature': signatureHeader(secret, body),
  };
  const sent = await postWebhook(endpoint.url, headers, body, { ...settings.destination, timeoutMs: settings.timeoutMs });
  const now = new Date();
  if (sent.ok) {
    await prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: 'DELIVERED', deliveredAt: now, nextAttemptAt: null, lastStatusCode: sent.statusCode, lastError: null },
    });
    return 'delivered';
  }
  // A destination that is not allowed will not become allowed by waiting: fail now.
  const exhausted = sent.refused || job.attempt >= settings.maxAttempts;
  const delayMs = backoffMs(settings, job.attempt);
  await prisma.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      status: exhausted ? 'FAILED' : 'PENDING',
      nextAttemptAt: exhausted ? null : new Date(now.getTime() + delayMs),
      lastStatusCode: sent.statusCode,
      lastError: sent.error,
    },
  });
  if (exhausted) return 'failed';
  // If this add is lost, the sweep finds the row once it is past due.
  await queue.enqueue([{ deliveryId: delivery.id, attempt: job.attempt + 1, delayMs }]);
  return 'retrying';
}

/**
 * The sweep: PENDING deliveries more than `graceMs` past due lost their job (Redis was down when the API
 * committed, or a worker died mid-attempt). Queues their next attempt; returns how many.
 */
export async function sweepLostDeliveries(prisma: AppPrisma, queue: WebhookQueue, graceMs: number, limit = 1000): Promise<number> {
  const lost = await prisma.webhookDelivery.findMany({
    where: { status: 'PENDING', nextAttemptAt: { lte: new Date(Date.now() - graceMs) } },
    select: { id: true, attempts: true },
    orderBy: { nextAttemptAt: 'asc' },
    take: limit,
  });
  await queue.enqueue(lost.map((row) => ({ deliveryId: row.id, attempt: row.attempts + 1 })));
  return lost.length;
}
