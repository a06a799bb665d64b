import { authorize, can } from '../../auth/authorize';
import type { ApiContext } from '../../context';
import { badInput } from '../../errors/domain-errors';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { EVENT_TYPE_ENUM } from './events';
import { toDeliveryNode, toEndpointNode } from './webhooks.mappers';
import { ZCreateWebhookEndpointInput, ZUpdateWebhookEndpointInput, ZWebhookDeliveryFilter } from './webhooks.schemas';
import * as webhooks from './webhooks.service';
import { destinationPolicy, destinationRefusal } from './url-policy';

/** Refuses, naming input.url, a destination the worker would refuse (it checks again at every delivery). */
async function assertAllowedDestination(ctx: ApiContext, url: string) {
  const refusal = await destinationRefusal(url, destinationPolicy(ctx.config));
  if (refusal) throw badInput('input.url', refusal);
}

export const webhooksResolvers: Resolvers = {
  WebhookEventType: EVENT_TYPE_ENUM,
  Query: {
    webhookEndpoints: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readWebhooks);
      const page = parseInput(ZPageArgs, args, '');
      const rows = await webhooks.findEndpointsPage(ctx.db.prisma, auth, page);
      return toConnection(rows, page, toEndpointNode, () => webhooks.countEndpoints(ctx.db.prisma, auth));
    },
    webhookDeliveries: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readWebhooks);
      const { filter: rawFilter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const filter = parseInput(ZWebhookDeliveryFilter, rawFilter, 'filter');
      const rows = await webhooks.findDeliveriesPage(ctx.db.prisma, auth, page, filter);
      const maxAttempts = ctx.config.WEBHOOK_MAX_ATTEMPTS;
      return toConnection(rows, page, (row) => toDeliveryNode(row, maxAttempts), () => webhooks.countDeliveries(ctx.db.prisma, auth, filter));
    },
  },
  Mutation: {
    createWebhookEndpoint: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeWebhooks);
      const input = parseInput(ZCreateWebhookEndpointInput, args.input);
      await assertAllowedDestination(ctx, input.url);
      const { endpoint, secret } = await webhooks.createEndpoint(ctx.db.prisma, auth, ctx.config.webhookEncryptionKey, input);
      return { endpoint: toEndpointNode(endpoint), secret };
    },
    updateWebhookEndpoint: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeWebhooks);
      const id = parseInput(ZId, args.id, 'id');
      const input = parseInput(ZUpdateWebhookEndpointInput, args.input);
      if (input.url !== undefined) await assertAllowedDestination(ctx, input.url);
      return toEndpointNode(await webhooks.updateEndpoint(ctx.db.prisma, auth, id, input));
    },
    deleteWebhookEndpoint: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeWebhooks);
      const id = parseInput(ZId, args.id, 'id');
      return toEndpointNode(await webhooks.deleteEndpoint(ctx.db.prisma, auth, id));
    },
    replayWebhookDelivery: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeWebhooks);
      const id = parseInput(ZId, args.id, 'id');
      return toDeliveryNode(await webhooks.replayDelivery(ctx.db.prisma, auth, id), ctx.config.WEBHOOK_MAX_ATTEMPTS);
    },
    sendWebhookTestEvent: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeWebhooks);
      const endpointId = parseInput(ZId, args.endpointId, 'endpointId');
      return toDeliveryNode(await webhooks.sendTestEvent(ctx.db.prisma, auth, endpointId), ctx.config.WEBHOOK_MAX_ATTEMPTS);
    },
  },
  WebhookEndpointConnection: connectionResolvers,
  WebhookDeliveryConnection: connectionResolvers,
};
