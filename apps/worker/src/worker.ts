// The worker: one BullMQ Worker per queue, dispatching each job to its definition in JOBS by name.
// Stateless like the API: run as many as the queues need; Redis hands each job to one of them.
import type { Database } from '@gridshare/db';
import { SETTLEMENT_QUEUE, type TConfig, WEBHOOK_QUEUE, createCacheInvalidations, createSettlementQueue, createWebhookQueue, redisConnection } from '@gridshare/api/background';
import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { JOBS, type JobDefinition, type JobDeps, MAINTENANCE_QUEUE } from './jobs';

export interface WorkerOptions {
  config: TConfig & { REDIS_URL: string };
  db: Database;
  logger: Logger;
  jobs?: readonly JobDefinition[];
  /** Stripe for the billing jobs (null: they do not run). */
  billing?: JobDeps['billing'];
  /** Deliveries in flight at once per worker process. */
  deliveryConcurrency?: number;
}

export interface RunningWorker {
  /** Stops taking jobs, waits for the running ones, closes the queues (not the database). */
  close(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { config, db, logger, billing = null } = options;
  const jobs = (options.jobs ?? JOBS).filter((job) => job.enabled?.(config) ?? true);
  const connection = { url: config.REDIS_URL, prefix: config.QUEUE_PREFIX };
  const onRedisError = (error: Error) => logger.warn({ err: error.message }, 'redis unavailable; jobs resume when it returns');
  const webhookQueue = createWebhookQueue(connection, onRedisError);
  const settlementQueue = createSettlementQueue(connection, onRedisError);
  const maintenance = new Queue(MAINTENANCE_QUEUE, { connection: redisConnection(connection), prefix: config.QUEUE_PREFIX, defaultJobOptions: { removeOnComplete: true, removeOnFail: 100 } });
  maintenance.on('error', onRedisError);
  // Publish only: the worker keeps no cache of its own.
  const cacheInvalidations = createCacheInvalidations({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger });
  const deps: JobDeps = { config, prisma: db.prisma, logger, webhookQueue, settlementQueue, billing, cacheInvalidations };
  const concurrency = {
    [WEBHOOK_QUEUE]: options.deliveryConcurrency ?? 10,
    [SETTLEMENT_QUEUE]: config.SETTLEMENT_CONCURRENCY,
    [MAINTENANCE_QUEUE]: 1,
  };

  const workers = ([WEBHOOK_QUEUE, SETTLEMENT_QUEUE, MAINTENANCE_QUEUE] as const).map((queueName) => {
    const byName = new Map(jobs.filter((job) => job.queue === queueName).map((job) => [job.name, job]));
    const worker = new Worker(
      queueName,
      async (job) => {
        const definition = byName.get(job.name);
        if (!definition) throw new Error(`no job named ${job.name} on ${queueName}`);
        return definition.run(job, deps);
      },
      {
        connection: redisConnection(connection),
        prefix: config.QUEUE_PREFIX,
        concurrency: concurrency[queueName],
      },
    );
    worker.on('error', onRedisError);
    // Only ids and messages: a job's data could one day carry something private.
    worker.on('failed', (job, error) => logger.error({ queue: queueName, job: job?.name, jobId: job?.id, err: error.message }, 'job failed'));
    return worker;
  });

  for (const job of jobs.filter((definition) => definition.queue === MAINTENANCE_QUEUE)) {
    if (job.everyMs) await maintenance.upsertJobScheduler(job.name, { every: job.everyMs(config) }, { name: job.name });
    const jobId = job.onStartJobId?.();
    if (jobId) await maintenance.add(job.name, {}, { jobId });
  }
  logger.info({ queues: [WEBHOOK_QUEUE, SETTLEMENT_QUEUE, MAINTENANCE_QUEUE], jobs: jobs.map((job) => job.name), prefix: config.QUEUE_PREFIX }, 'worker started');

  return {
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([webhookQueue.close(), settlementQueue.close(), maintenance.close(), cacheInvalidations.close()]);
    },
  };
}
