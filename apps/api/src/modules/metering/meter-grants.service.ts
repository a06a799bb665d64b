// Metering grants: the host lets another organisation (its metering partner) write one deal's readings
// and events with that organisation's own credentials; the tenant sees every grant, the partner its own.
import { type AppPrisma, type AppTx, type MeterGrant, Prisma, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { badInput, conflict, forbidden, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { findPartyDeal } from '../deals/deals.service';
import type { TGrantMeterAccessInput, TMeterGrantFilter } from './metering.schemas';

/** Deals whose meters a partner may be granted: signed (set up ahead), running, or ended (late data). */
const GRANTABLE = ['SIGNED', 'ACTIVE', 'ENDED'] as const;

/** The grants of the caller's deals and the grants it holds (row-level security filters the same rows again). */
function grantsWhere(auth: Authorized, filter?: TMeterGrantFilter | null): Prisma.MeterGrantWhereInput {
  return {
    OR: [{ hostOrgId: auth.orgId }, { tenantOrgId: auth.orgId }, { partnerOrgId: auth.orgId }],
    ...(filter?.dealId ? { dealId: filter.dealId } : {}),
    ...(filter?.activeOnly ? { revokedAt: null } : {}),
  };
}

export function findGrantsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, filter?: TMeterGrantFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.meterGrant.findMany({ where: grantsWhere(auth, filter), ...pageQuery(page) }));
}

export function countGrants(prisma: AppPrisma, auth: Authorized, filter?: TMeterGrantFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.meterGrant.count({ where: grantsWhere(auth, filter) }));
}

async function findHostDeal(tx: AppTx, auth: Authorized, dealId: string, action: string) {
  const deal = await findPartyDeal(tx, auth, dealId);
  if (deal.hostOrgId !== auth.orgId) throw forbidden(`Only the host of deal ${dealId} can ${action}.`);
  return deal;
}

const isForeignKeyViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';

export function grantMeterAccess(prisma: AppPrisma, auth: Authorized, input: TGrantMeterAccessInput): Promise<MeterGrant> {
  const { dealId, partnerOrganizationId: partnerOrgId } = input;
  return withOrg(prisma, auth, async (tx) => {
    const deal = await findHostDeal(tx, auth, dealId, 'grant metering access');
    if (partnerOrgId === deal.hostOrgId || partnerOrgId === deal.tenantOrgId) {
      throw badInput('input.partnerOrganizationId', 'must be another organisation than the deal’s host and tenant');
    }
    if (!(GRANTABLE as readonly string[]).includes(deal.status)) {
      throw conflict(`Deal ${dealId} is ${deal.status}; metering partners are granted on SIGNED, ACTIVE or ENDED deals.`, { currentStatus: deal.status });
    }
    const existing = await tx.meterGrant.findFirst({ where: { dealId, partnerOrgId } });
    if (existing && !existing.revokedAt) throw conflict(`Organisation ${partnerOrgId} already holds a grant for deal ${dealId}.`, { grantId: existing.id });
    // A grant revoked before is made active again (one row per deal and partner keeps the history in the audit log).
    const grant = existing
      ? await tx.meterGrant.update({ where: { id: existing.id }, data: { revokedAt: null } })
      : await tx.meterGrant
          .create({ data: { dealId, hostOrgId: deal.hostOrgId, tenantOrgId: deal.tenantOrgId, partnerOrgId, createdBy: auth.actor } })
          .catch((error: unknown) => {
            if (isForeignKeyViolation(error)) throw badInput('input.partnerOrganizationId', 'is not an organisation of this platform');
            throw error;
          });
    await audit(tx, auth, {
            action: 'meter.grant_created',
      entityType: 'MeterGrant',
      entityId: grant.id,
      changes: { dealId, partnerOrgId, ...(existing ? { renewed: true } : {}) },
    });
    return grant;
  });
}

export function revokeMeterAccess(prisma: AppPrisma, auth: Authorized, id: string): Promise<MeterGrant> {
  return withOrg(prisma, auth, async (tx) => {
    const grant = await tx.meterGrant.findFirst({ where: { id } });
    if (!grant) throw notFound('Metering grant', id);
    await findHostDeal(tx, auth, grant.dealId, 'revoke metering access');
    if (grant.revokedAt) throw conflict(`Metering grant ${id} is already revoked.`, { revokedAt: grant.revokedAt.toISOString() });
    const revoked = await tx.meterGrant.updateMany({ where: { id, hostOrgId: auth.orgId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count !== 1) throw conflict(`Metering grant ${id} changed meanwhile; read it again.`);
    await audit(tx, auth, { action: 'meter.grant_revoked', entityType: 'MeterGrant', entityId: id, changes: { dealId: grant.dealId, partnerOrgId: grant.partnerOrgId } });
    return tx.meterGrant.findUniqueOrThrow({ where: { id } });
  });
}
