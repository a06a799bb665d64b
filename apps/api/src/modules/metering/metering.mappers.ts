import type { MeterGrant, MeterReading, MeterReadingRevision } from '@gridshare/db';

const kwhOf = (value: { toNumber(): number }) => value.toNumber();

export function toMeterReadingNode(row: MeterReading) {
  const kwh = kwhOf(row.kwh);
  return {
    channel: row.channel,
    intervalStart: row.intervalStart,
    intervalMinutes: row.intervalMinutes,
    kwh,
    averageKw: Math.round(((kwh * 60) / row.intervalMinutes) * 1000) / 1000,
    revision: row.revision,
    recordedByOrganizationId: row.recordedByOrgId,
    recordedAt: row.recordedAt,
  };
}

export function toMeterRevisionNode(row: MeterReadingRevision) {
  return {
    id: row.id,
    channel: row.channel,
    intervalStart: row.intervalStart,
    oldKwh: kwhOf(row.oldKwh),
    newKwh: kwhOf(row.newKwh),
    revisedByOrganizationId: row.revisedByOrgId,
    revisedBy: row.actor,
    revisedAt: row.revisedAt,
  };
}

export function toMeterGrantNode(grant: MeterGrant) {
  return {
    id: grant.id,
    dealId: grant.dealId,
    hostOrgId: grant.hostOrgId,
    partnerOrgId: grant.partnerOrgId,
    active: grant.revokedAt === null,
    createdAt: grant.createdAt,
    revokedAt: grant.revokedAt,
  };
}
export type MeterGrantNode = ReturnType<typeof toMeterGrantNode>;
