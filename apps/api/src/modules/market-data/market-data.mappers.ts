import type { HashpriceIndexDay, PoolStatementDay } from '@gridshare/db';
import { effectiveHashprice } from './pool-statements.service';

export function toHashpriceDayNode(row: HashpriceIndexDay) {
  return { day: row.day, usdPerPhDay: row.usdPerPhDay.toNumber(), source: row.source, updatedAt: row.updatedAt };
}

export function toPoolStatementDayNode(row: PoolStatementDay) {
  const values = { hashrateThs: row.hashrateThs.toNumber(), earningsUsd: Number(row.earningsCents) / 100 };
  const effective = effectiveHashprice(values);
  return {
    dealId: row.dealId,
    day: row.day,
    ...values,
    effectiveUsdPerPhDay: effective === null ? null : Math.round(effective * 10_000) / 10_000,
    recordedBy: row.actor,
    updatedAt: row.updatedAt,
  };
}
