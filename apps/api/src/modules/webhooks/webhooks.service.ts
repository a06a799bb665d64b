import { randomUUID } from 'node:crypto';
import { type AppPrisma, type AppTx, type Prisma, scopedWhere, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { conflict, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { TEST_EVENT_TYPE, testEventPayload } from './events';
import { trackDeliveries } from './outbox';
import { encryptSecret } from './secret-box';
import { generateSigningSecret, secretPrefix } from './signing';
import type { TCreateWebhookEndpointInput, TUpdateWebhookEndpointInput, TWebhookDeliveryFilter } from './webhooks.schemas';

/** Each event is sent once per endpoint: a cap keeps one organisation from multiplying our outbound traffic. */
export const MAX_ENDPOINTS_PER_ORG = 20;

export function findEndpointsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs) {
  return withOrg(prisma, auth, (tx) => tx.webhookEndpoint.findMany({ where: scopedWhere(auth), ...pageQuery(page) }));
}

export function countEndpoints(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, (tx) => tx.webhookEndpoint.count({ where: scopedWhere(auth) }));
}

async function findOwnEndpoint(tx: AppTx, auth: Authorized, id: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: scopedWhere(auth, { id }) });
  if (!endpoint) throw notFound('Webhook endpoint', id);
  return endpoint;
}

export function createEndpoint(prisma: AppPrisma, auth: Authorized, encryptionKey: Buffer, input: TCreateWebhookEndpointInput) {
  const secret = generateSigningSecret();
  return withOrg(prisma, auth, async (tx) => {
    const existing = await tx.webhookEndpoint.count({ where: scopedWhere(auth) });
    if (existing >= MAX_ENDPOINTS_PER_ORG) {
      throw conflict(`An organisation can have at most ${MAX_ENDPOINTS_PER_ORG} webhook endpoints; delete one first.`, { limit: MAX_ENDPOINTS_PER_ORG });
    }
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        orgId: auth.orgId,
        url: input.url,
        description: input.description ?? null,
        eventTypes: input.eventTypes,
        secretCiphertext: encryptSecret(encryptionKey, secret),
        secretPrefix: secretPrefix(secret),
      },
    });
    await audit(tx, auth, {
            action: 'webhook_endpoint.created',
      entityType: 'WebhookEndpoint',
      entityId: endpoint.id,
      changes: { url: input.url, eventTypes: input.eventTypes, secretPrefix: endpoint.secretPrefix },
    });
    return { endpoint, secret };
  });
}

export function updateEndpoint(prisma: AppPrisma, auth: Authorized, id: string, input: TUpdateWebhookEndpointInput) {
  return withOrg(prisma, auth, async (tx) => {
    await findOwnEndpoint(tx, auth, id);
    const endpoint = await tx.webhookEndpoint.update({ where: { id }, data: input });
    await audit(tx, auth, { action: 'webhook_endpoint.updated', entityType: 'WebhookEndpoint', entityId: id, changes: input });
    return endpoint;
  });
}

export function deleteEndpoint(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const endpoint = await findOwnEndpoint(tx, auth, id);
    await tx.webhookEndpoint.delete({ where: { id } });
    await audit(tx, auth, { action: 'webhook_endpoint.deleted', entityType: 'WebhookEndpoint', entityId: id, changes: { url: endpoint.url } });
    return endpoint;
  });
}

function deliveryWhere(auth: Authorized, filter: TWebhookDeliveryFilter): Prisma.WebhookDeliveryWhereInput {
  return scopedWhere<Prisma.WebhookDeliveryWhereInput>(auth, {
    ...(filter?.endpointId ? { endpointId: filter.endpointId } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
  });
}

export function findDeliveriesPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, filter: TWebhookDeliveryFilter) {
  return withOrg(prisma, auth, (tx) => tx.webhookDelivery.findMany({ where: deliveryWhere(auth, filter), ...pageQuery(page) }));
}

export function countDeliveries(prisma: AppPrisma, auth: Authorized, filter: TWebhookDeliveryFilter) {
  return withOrg(prisma, auth, (tx) => tx.webhookDelivery.count({ where: deliveryWhere(auth, filter) }));
}

/** A new PENDING delivery of the same event to the same endpoint; the original keeps its history. */
export async function replayDelivery(prisma: AppPrisma, auth: Authorized, id: string) {
  const replay = await withOrg(prisma, auth, async (tx) => {
    const original = await tx.webhookDelivery.findFirst({ where: scopedWhere(auth, { id }), include: { endpoint: true } });
    if (!original) throw notFound('Webhook delivery', id);
    // A PENDING delivery is still being tried: a replay would only send the event twice.
    if (original.status === 'PENDING') throw conflict(`Webhook delivery ${id} is still PENDING; replay it once it is DELIVERED or FAILED.`, { currentStatus: original.status });
    if (!original.endpoint.enabled) throw conflict(`Webhook endpoint ${original.endpointId} is disabled; enable it before replaying.`, { endpointId: original.endpointId });
    const created = await tx.webhookDelivery.create({
      data: {
        orgId: auth.orgId,
        endpointId: original.endpointId,
        eventId: original.eventId,
        eventType: original.eventType,
        payload: original.payload as Prisma.InputJsonValue,
        replayOfId: original.id,
      },
    });
    await audit(tx, auth, { action: 'webhook_delivery.replayed', entityType: 'WebhookDelivery', entityId: id, changes: { replayId: created.id } });
    return created;
  });
  trackDeliveries([replay.id]);
  return replay;
}

/**
 * Queues a webhook.test delivery to one of the caller's endpoints, whatever it subscribes to: it then
 * goes the way every event goes (queue, worker, signature, retries), so a delivered test proves the
 * receiver's URL, TLS and signature check.
 */
export async function sendTestEvent(prisma: AppPrisma, auth: Authorized, endpointId: string) {
  const delivery = await withOrg(prisma, auth, async (tx) => {
    const endpoint = await findOwnEndpoint(tx, auth, endpointId);
    if (!endpoint.enabled) throw conflict(`Webhook endpoint ${endpointId} is disabled; enable it before sending a test event.`, { endpointId });
    const created = await tx.webhookDelivery.create({
      data: { orgId: auth.orgId, endpointId, eventId: randomUUID(), eventType: TEST_EVENT_TYPE, payload: testEventPayload(endpointId) },
    });
    await audit(tx, auth, { action: 'webhook_endpoint.test_sent', entityType: 'WebhookEndpoint', entityId: endpointId, changes: { deliveryId: created.id } });
    return created;
  });
  trackDeliveries([delivery.id]);
  return delivery;
}
