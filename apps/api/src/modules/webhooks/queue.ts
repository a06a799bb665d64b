// The webhook delivery queue on BullMQ. PostgreSQL is the record (WebhookDelivery rows); a job only says
// "try attempt n of delivery d now". Its id is `d-n`, so the API's enqueue, a scheduled retry and the
// sweep can all add the same attempt and BullMQ keeps one.
import { Queue } from 'bullmq';

export const WEBHOOK_QUEUE = 'webhook-deliveries';

export interface DeliveryJob {
  deliveryId: string;
  attempt: number;
}

export interface QueuedDelivery extends DeliveryJob {
  /** Wait this long before the attempt (a retry's backoff). */
  delayMs?: number;
}

export interface WebhookQueue {
  enqueue(jobs: readonly QueuedDelivery[]): Promise<void>;
  close(): Promise<void>;
}

export const deliveryJobId = (job: DeliveryJob) => `${job.deliveryId}-${job.attempt}`;

export interface QueueConnection {
  url: string;
  prefix: string;
  /**
   * For request paths (the API): fail at once while Redis is down instead of waiting for it; the sweep
   * queues the delivery later. Workers wait instead.
   */
  failFast?: boolean;
}

export function redisConnection(connection: QueueConnection) {
  // Fail fast through maxRetriesPerRequest (a command fails after one reconnect, ~1 s), not by turning
  // off ioredis' offline queue: BullMQ's first commands are sent before the connection is up, and
  // without that queue its connection never becomes usable (every add fails, even with Redis up).
  return { url: connection.url, maxRetriesPerRequest: connection.failFast ? 1 : null };
}

export function createWebhookQueue(connection: QueueConnection, onError: (error: Error) => void): WebhookQueue {
  const queue = new Queue<DeliveryJob>(WEBHOOK_QUEUE, {
    connection: redisConnection(connection),
    prefix: connection.prefix,
    skipWaitingForReady: connection.failFast ?? false,
    // The row in PostgreSQL keeps the outcome; Redis keeps only what is still to do.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
  });
  queue.on('error', onError);
  return {
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      await queue.addBulk(
        jobs.map(({ delayMs, ...job }) => ({ name: 'deliver', data: job, opts: { jobId: deliveryJobId(job), delay: delayMs } })),
      );
    },
    close: () => queue.close(),
  };
}
