import type { ApiKey } from '@gridshare/db';
import { authorize, can } from '../../auth/authorize';
import { type ApiScope, toApiScopes } from '../../auth/principal';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { ZCreateApiKeyInput } from './api-keys.schemas';
import * as apiKeys from './api-keys.service';

function toApiKeyNode(key: ApiKey) {
  const { keyHash: _secretHash, orgId: _orgId, ...visible } = key;
  return { ...visible, scopes: toApiScopes(visible.scopes) };
}

// GraphQL enum names map to the scope strings stored on keys ('sites:read' ...).
const scopeEnum = {
  ORG_READ: 'org:read',
  SITES_READ: 'sites:read',
  SITES_WRITE: 'sites:write',
  CAPACITY_READ: 'capacity:read',
  CAPACITY_WRITE: 'capacity:write',
  REQUESTS_READ: 'requests:read',
  REQUESTS_WRITE: 'requests:write',
  DEALS_READ: 'deals:read',
  DEALS_WRITE: 'deals:write',
  BILLING_READ: 'billing:read',
  USAGE_WRITE: 'usage:write',
  WEBHOOKS_READ: 'webhooks:read',
  WEBHOOKS_WRITE: 'webhooks:write',
  METER_READ: 'meter:read',
  METER_WRITE: 'meter:write',
  HASHPRICE_WRITE: 'hashprice:write',
} satisfies Record<string, ApiScope>;

export const apiKeysResolvers: Resolvers = {
  ApiScope: scopeEnum,
  Query: {
    apiKeys: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageApiKeys);
      const page = parseInput(ZPageArgs, args, '');
      const rows = await apiKeys.findApiKeysPage(ctx.db.prisma, auth, page);
      return toConnection(rows, page, toApiKeyNode, () => apiKeys.countApiKeys(ctx.db.prisma, auth));
    },
  },
  Mutation: {
    createApiKey: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageApiKeys);
      const input = parseInput(ZCreateApiKeyInput, args.input);
      const { apiKey, secret } = await apiKeys.createApiKey(ctx.db.prisma, auth, input);
      return { apiKey: toApiKeyNode(apiKey), secret };
    },
    revokeApiKey: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageApiKeys);
      const id = parseInput(ZId, args.id, 'id');
      return toApiKeyNode(await apiKeys.revokeApiKey(ctx.db.prisma, auth, id));
    },
  },
  ApiKeyConnection: connectionResolvers,
};
