import { WebhookDeliveryStatus } from '@gridshare/db';
import { z } from 'zod';
import { ZId, ZPartialUpdate } from '../common/common.schemas';
import { PARTNER_EVENT_TYPES } from './events';

/** http(s) only, no credentials in the URL (they would sit in our database and logs in clear). */
export const ZWebhookUrl = z
  .string()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }))
  // Refinements run even when the URL check failed: only a parsable URL is looked into.
  .refine((url) => !URL.canParse(url) || (new URL(url).username === '' && new URL(url).password === ''), 'must not contain a user name or password');

const ZEventTypes = z
  .array(z.enum(PARTNER_EVENT_TYPES, { message: 'must be an event type one subscribes to (WEBHOOK_TEST is sent on request only)' }))
  .min(1, 'must name at least one event type')
  .max(PARTNER_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

const ZDescription = z.string().trim().max(200, 'must be at most 200 characters').nullish();

const endpointShape = { url: ZWebhookUrl, eventTypes: ZEventTypes, description: ZDescription };

export const ZCreateWebhookEndpointInput = z.strictObject(endpointShape);
export type TCreateWebhookEndpointInput = z.infer<typeof ZCreateWebhookEndpointInput>;

export const ZUpdateWebhookEndpointInput = ZPartialUpdate({ ...endpointShape, enabled: z.boolean() });
export type TUpdateWebhookEndpointInput = z.infer<typeof ZUpdateWebhookEndpointInput>;

export const ZWebhookDeliveryFilter = z
  .strictObject({ endpointId: ZId.nullish(), status: z.enum(WebhookDeliveryStatus).nullish() })
  .nullish();
export type TWebhookDeliveryFilter = z.infer<typeof ZWebhookDeliveryFilter>;
