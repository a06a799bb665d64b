// POST /webhooks/stripe. The raw body is verified against the signing secret (300 s tolerance): anything
// unsigned, altered, stale or signed with another secret is a 400 and touches nothing. A verified event is
// stored and applied in one transaction: a duplicate finds its id already there and returns 200 without
// effect; a failure rolls everything back and answers 5xx, so Stripe delivers it again later.
import { type Billing, type Stripe, executePayout, verifyWebhook } from '@gridshare/billing';
import type { AppPrisma } from '@gridshare/db';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { collectDeliveries } from '../webhooks/outbox';
import { type AfterCommit, EVENT_HANDLERS } from './webhook-events';

/** Stripe's events stay well under this; the API's 100 KB GraphQL cap would refuse some. */
const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored';

export async function processStripeEvent(prisma: AppPrisma, event: Stripe.Event): Promise<{ outcome: WebhookOutcome; after: AfterCommit }> {
  const after: AfterCommit = { payoutIds: [] };
  const outcome = await prisma.$transaction(
    async (tx) => {
      // ON CONFLICT: a concurrent delivery of the same event waits for this one, then finds the id taken.
      const inserted = await tx.$executeRaw`
        INSERT INTO "StripeEvent" ("id", "type", "createdUnix") VALUES (${event.id}, ${event.type}, ${event.created})
        ON CONFLICT ("id") DO NOTHING`;
      if (inserted === 0) return 'duplicate' as const;
      const handler = EVENT_HANDLERS[event.type];
      if (!handler) return 'ignored' as const;
      await handler(tx, event, after);
      return 'processed' as const;
    },
    { maxWait: 5_000, timeout: 15_000 },
  );
  return { outcome, after: outcome === 'processed' ? after : { payoutIds: [] } };
}

export function registerStripeWebhooks(app: FastifyInstance, deps: { prisma: AppPrisma; billing: Billing; logger: Logger; queueDeliveries: (deliveryIds: string[]) => void }): void {
  void app.register(async (scope) => {
    // The signature covers the exact bytes Stripe sent: keep them, parse nothing.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post('/webhooks/stripe', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const signature = request.headers['stripe-signature'];
      let event: Stripe.Event;
      try {
        event = verifyWebhook(deps.billing.stripe, request.body as Buffer, typeof signature === 'string' ? signature : undefined, deps.billing.webhookSecret);
      } catch {
        return reply.code(400).send({ error: 'invalid signature' });
      }
      const log = deps.logger.child({ requestId: request.id, stripeEventId: event.id, stripeEventType: event.type });
      let result: Awaited<ReturnType<typeof processStripeEvent>>;
      try {
        const { result: processed, deliveryIds } = await collectDeliveries(() => processStripeEvent(deps.prisma, event));
        result = processed;
        deps.queueDeliveries(deliveryIds);
      } catch (error) {
        log.error({ err: error }, 'stripe webhook failed; rolled back, Stripe will deliver it again');
        return reply.code(500).send({ error: 'processing failed' });
      }
      // Transfers run after the commit: the Payout row exists first, so a crash here leaves a PENDING row
      // that retryPayouts picks up, never money moved with no record of it.
      for (const payoutId of result.after.payoutIds) {
        const outcome = await executePayout(deps.prisma, deps.billing.stripe, payoutId);
        if (outcome.status === 'FAILED') log.warn({ payoutId, error: outcome.error }, 'host payout failed; it will be retried');
      }
      log.info({ outcome: result.outcome }, 'stripe webhook');
      return reply.code(200).send({ received: true, duplicate: result.outcome === 'duplicate' });
    });
  });
}
