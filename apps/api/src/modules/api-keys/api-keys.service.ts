import { type AppPrisma, issueApiKey, scopedWhere, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { conflict, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import type { TCreateApiKeyInput } from './api-keys.schemas';

export function findApiKeysPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs) {
  return withOrg(prisma, auth, (tx) => tx.apiKey.findMany({ where: scopedWhere(auth), ...pageQuery(page) }));
}

export function countApiKeys(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, (tx) => tx.apiKey.count({ where: scopedWhere(auth) }));
}

export function createApiKey(prisma: AppPrisma, auth: Authorized, input: TCreateApiKeyInput) {
  const issued = issueApiKey();
  return withOrg(prisma, auth, async (tx) => {
    const apiKey = await tx.apiKey.create({
      data: {
        orgId: auth.orgId,
        name: input.name,
        prefix: issued.prefix,
        keyHash: issued.hash,
        scopes: input.scopes,
        createdById: auth.principal.kind === 'user' ? auth.principal.userId : null,
      },
    });
    await audit(tx, auth, {
            action: 'api_key.created',
      entityType: 'ApiKey',
      entityId: apiKey.id,
      changes: { name: input.name, prefix: issued.prefix, scopes: input.scopes },
    });
    return { apiKey, secret: issued.secret };
  });
}

export function revokeApiKey(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const key = await tx.apiKey.findFirst({ where: scopedWhere(auth, { id }) });
    if (!key) throw notFound('API key', id);
    if (key.revokedAt) throw conflict(`API key ${id} was already revoked at ${key.revokedAt.toISOString()}.`, { revokedAt: key.revokedAt.toISOString() });
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await audit(tx, auth, { action: 'api_key.revoked', entityType: 'ApiKey', entityId: id, changes: { prefix: key.prefix } });
    return revoked;
  });
}
