import { type AppPrisma, type AppTx, type CapacityBlock, type CapacityStatus, type Prisma, scopedWhere, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import { capacityEventPayload } from '../webhooks/events';
import { recordPartnerEvent } from '../webhooks/outbox';
import type { Authorized } from '../../auth/principal';
import { findOwned } from '../common/find-owned';
import { badInput, conflict, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { assertTransition } from '../common/transitions';
import { assertSiteNotOversold } from '../sites/site-oversell';
import { toCapacityBlockCreateData, toCapacityBlockUpdateData } from './capacity.mappers';
import type { TCapacityBlockFilter, TCreateCapacityBlockInput, TUpdateCapacityBlockInput } from './capacity.schemas';

function blockWhere(filter: TCapacityBlockFilter | null | undefined): Prisma.CapacityBlockWhereInput {
  return {
    ...(filter?.siteId ? { siteId: filter.siteId } : {}),
    ...(filter?.statuses?.length ? { status: { in: filter.statuses } } : {}),
  };
}

export function findBlocksPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, filter?: TCapacityBlockFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.capacityBlock.findMany({ where: scopedWhere(auth, blockWhere(filter)), ...pageQuery(page) }));
}

export function countBlocks(prisma: AppPrisma, auth: Authorized, filter?: TCapacityBlockFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.capacityBlock.count({ where: scopedWhere(auth, blockWhere(filter)) }));
}

const findOwnBlock = (tx: AppTx, auth: Authorized, id: string) => findOwned(tx.capacityBlock, auth, id, 'Capacity block');

export function getBlock(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, (tx) => findOwnBlock(tx, auth, id));
}

export function createBlock(prisma: AppPrisma, auth: Authorized, input: TCreateCapacityBlockInput) {
  return withOrg(prisma, auth, async (tx) => {
    const site = await tx.site.findFirst({ where: scopedWhere(auth, { id: input.siteId }), select: { status: true } });
    if (!site) throw notFound('Site', input.siteId);
    if (site.status === 'ARCHIVED') throw conflict(`Site ${input.siteId} is archived; it cannot offer capacity.`, { status: site.status });
    await assertSiteNotOversold(tx, auth, input.siteId, { mw: input.mw, availableFrom: input.availableFrom });
    const block = await tx.capacityBlock.create({ data: toCapacityBlockCreateData(input, auth.orgId) });
    await audit(tx, auth, { action: 'capacity.created', entityType: 'CapacityBlock', entityId: block.id, changes: input });
    return block;
  });
}

export function updateBlock(prisma: AppPrisma, auth: Authorized, id: string, input: TUpdateCapacityBlockInput) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnBlock(tx, auth, id);
    assertTransition('capacity block', id, current.status, ['DRAFT', 'PUBLISHED'], 'change');
    const mw = input.mw ?? current.mw.toNumber();
    const firmMw = input.firmMw ?? current.firmMw.toNumber();
    const interruptibleMw = input.interruptibleMw ?? current.interruptibleMw.toNumber();
    if (firmMw > mw) throw badInput('input.firmMw', `must not exceed mw (${mw} MW)`);
    if (Math.abs(firmMw + interruptibleMw - mw) > 0.0005) throw badInput('input.interruptibleMw', `firmMw + interruptibleMw must equal mw (${mw} MW)`);
    if (input.mw !== undefined || input.availableFrom !== undefined) {
      await assertSiteNotOversold(tx, auth, current.siteId, { id, mw, availableFrom: input.availableFrom ?? current.availableFrom });
    }
    const block = await tx.capacityBlock.update({ where: { id }, data: toCapacityBlockUpdateData(input) });
    await audit(tx, auth, { action: 'capacity.updated', entityType: 'CapacityBlock', entityId: id, changes: input });
    return block;
  });
}

/** The plan caps how many blocks are published at once (`limit`, from plans.ts); past it, CONFLICT saying so. */
async function assertPlanAllowsPublishing(tx: AppTx, auth: Authorized, limit: number | null): Promise<void> {
  const plan = auth.principal.plan;
  if (limit === null) return;
  const published = await tx.capacityBlock.count({ where: scopedWhere(auth, { status: 'PUBLISHED' as const }) });
  if (published >= limit) {
    throw conflict(`The ${plan} plan allows ${limit} published capacity blocks at once; unpublish one or upgrade (createPlanCheckout).`, { plan, limit });
  }
}

/** Moves a block between states, refusing illegal moves and concurrent ones (the update is conditional). */
async function moveBlock(prisma: AppPrisma, auth: Authorized, id: string, from: CapacityStatus, to: CapacityStatus, action: string, publishLimit: number | null = null): Promise<CapacityBlock> {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnBlock(tx, auth, id);
    assertTransition('capacity block', id, current.status, [from], action);
    if (to === 'PUBLISHED') await assertPlanAllowsPublishing(tx, auth, publishLimit);
    const moved = await tx.capacityBlock.updateMany({
      where: scopedWhere(auth, { id, status: from }),
      data: { status: to, ...(to === 'PUBLISHED' ? { publishedAt: new Date() } : {}) },
    });
    if (moved.count !== 1) throw conflict(`Capacity block ${id} changed meanwhile; read it again.`);
    await audit(tx, auth, { action: `capacity.${action}`, entityType: 'CapacityBlock', entityId: id, changes: { from, to } });
    const block = await tx.capacityBlock.findUniqueOrThrow({ where: { id } });
    if (to === 'PUBLISHED') {
      await recordPartnerEvent(tx, { orgId: auth.orgId, type: 'capacity.published', subjectId: id, payload: capacityEventPayload(block) });
    }
    return block;
  });
}

/** `publishLimit`: published blocks the organisation's plan allows (null: no limit). */
export const publishBlock = (prisma: AppPrisma, auth: Authorized, id: string, publishLimit: number | null) =>
  moveBlock(prisma, auth, id, 'DRAFT', 'PUBLISHED', 'publish', publishLimit);
export const unpublishBlock = (prisma: AppPrisma, auth: Authorized, id: string) => moveBlock(prisma, auth, id, 'PUBLISHED', 'DRAFT', 'unpublish');

export function deleteBlock(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnBlock(tx, auth, id);
    assertTransition('capacity block', id, current.status, ['DRAFT'], 'delete');
    await tx.capacityBlock.delete({ where: { id } });
    await audit(tx, auth, { action: 'capacity.deleted', entityType: 'CapacityBlock', entityId: id });
    return id;
  });
}
