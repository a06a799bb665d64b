import type { CapacityBlock, Prisma } from '@gridshare/db';
import { usdToCents } from '../common/units';
import type { TCreateCapacityBlockInput, TUpdateCapacityBlockInput } from './capacity.schemas';

export function toCapacityBlockNode(block: CapacityBlock) {
  return {
    ...block,
    mw: block.mw.toNumber(),
    firmMw: block.firmMw.toNumber(),
    interruptibleMw: block.interruptibleMw.toNumber(),
    priceUsdPerKwMonth: block.priceCentsPerKwMonth / 100,
  };
}
export type CapacityBlockNode = ReturnType<typeof toCapacityBlockNode>;

export function toCapacityBlockCreateData(input: TCreateCapacityBlockInput, orgId: string): Prisma.CapacityBlockUncheckedCreateInput {
  const { priceUsdPerKwMonth, ...rest } = input;
  return { ...rest, orgId, priceCentsPerKwMonth: usdToCents(priceUsdPerKwMonth), status: 'DRAFT' };
}

export function toCapacityBlockUpdateData(input: TUpdateCapacityBlockInput): Prisma.CapacityBlockUncheckedUpdateInput {
  const { priceUsdPerKwMonth, ...rest } = input;
  return priceUsdPerKwMonth === undefined ? rest : { ...rest, priceCentsPerKwMonth: usdToCents(priceUsdPerKwMonth) };
}
