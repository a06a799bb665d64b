import type { WebhookDelivery, WebhookEndpoint } from '@gridshare/db';

/** Never the encrypted secret: not even its ciphertext leaves the API. */
export function toEndpointNode(endpoint: WebhookEndpoint) {
  const { secretCiphertext: _sealed, orgId: _orgId, ...visible } = endpoint;
  return visible;
}

export function toDeliveryNode(delivery: WebhookDelivery, maxAttempts: number) {
  const { orgId: _orgId, ...visible } = delivery;
  return { ...visible, maxAttempts };
}
