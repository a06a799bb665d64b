import type { WebhookDelivery, WebhookEndpoint } from '@gridshare/db';
import type { DeliveryEventType, PartnerEventType } from './events';

/** Never the encrypted secret: not even its ciphertext leaves the API. */
export function toEndpointNode(endpoint: WebhookEndpoint) {
  const { secretCiphertext: _sealed, orgId: _orgId, ...visible } = endpoint;
  // The column is written only from validated input, which admits partner event types alone.
  return { ...visible, eventTypes: visible.eventTypes as PartnerEventType[] };
}

export function toDeliveryNode(delivery: WebhookDelivery, maxAttempts: number) {
  const { orgId: _orgId, ...visible } = delivery;
  // Deliveries are created only for partner events and the test event (webhooks/events.ts).
  return { ...visible, eventType: visible.eventType as DeliveryEventType, maxAttempts };
}
