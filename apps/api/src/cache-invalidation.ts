// Tells every API process that something was written, so each drops its replayable answers
// (graphql/response-cache.ts). Redis pub/sub when REDIS_URL is set; a single process needs nothing more.
// A message lost while Redis is down is covered by the cache's TTL, and a subscriber that reconnects
// drops its entries, since it may have missed some.
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { Logger } from 'pino';

export interface CacheInvalidations {
  /** Tells the other processes; resolves once Redis has it (or at once without Redis, or when it is down). */
  publish(): Promise<void>;
  close(): Promise<void>;
}

const invalidationChannel = (prefix: string) => `${prefix}:cache-invalidate`;

export function createCacheInvalidations(
  options: { redisUrl: string | undefined; prefix: string; logger: Logger },
  /** Called when another process wrote; without it nothing is subscribed (a process with no cache, the worker). */
  onRemoteWrite?: () => void,
): CacheInvalidations {
  if (!options.redisUrl) return { publish: async () => {}, close: async () => {} };
  const channel = invalidationChannel(options.prefix);
  // Our own messages come back too; this id skips them (the local cache was already cleared).
  const self = randomUUID();
  const warn = (error: Error) => options.logger.warn({ err: error.message }, 'redis unavailable: cached answers of other API processes expire by TTL');
  const publisher = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  publisher.on('error', warn);
  const subscriber = onRemoteWrite && new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  if (subscriber && onRemoteWrite) {
    subscriber.on('error', warn);
    subscriber.on('ready', onRemoteWrite);
    subscriber.on('message', (_channel: string, sender: string) => {
      if (sender !== self) onRemoteWrite();
    });
    subscriber.subscribe(channel).catch(warn);
  }
  return {
    async publish() {
      await publisher.publish(channel, self).then(
        () => undefined,
        (error: Error) => warn(error),
      );
    },
    async close() {
      publisher.disconnect();
      subscriber?.disconnect();
    },
  };
}
