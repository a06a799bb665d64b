// Test data for the metering modules (readings, grants, events, pool statements), made through the API.
import { type OrgFixture, createActiveDeal, mutate, signUpOrg } from './fixtures';
import type { Caller, TestApi } from './test-api';

export interface MeteredDeal {
  host: OrgFixture;
  tenant: OrgFixture;
  dealId: string;
  siteId: string;
}

/**
 * An ACTIVE deal of 40 MW from 2026-06-01 (120 months) on a site with 120 MW energized: contracted AI is
 * 40,000 kW (40,800 with the 2% tolerance), the interconnection 120,000 kW.
 */
export async function createMeteredDeal(api: TestApi, overrides: Record<string, unknown> = {}): Promise<MeteredDeal> {
  const host = await signUpOrg(api, 'MINER', 'meter-host');
  const tenant = await signUpOrg(api, 'TENANT', 'meter-tenant');
  const deal = await createActiveDeal(api, host, tenant, { startDate: '2026-06-01', mw: 40, ...overrides });
  return { host, tenant, dealId: deal.dealId, siteId: deal.siteId };
}

export const RECORD_READINGS = `mutation ($input: RecordMeterReadingsInput!) { recordMeterReadings(input: $input) { inserted corrected unchanged } }`;

export interface ReadingInput {
  channel: 'AI_IT' | 'MINING' | 'SITE_IMPORT';
  intervalStart: string;
  intervalMinutes: number;
  kwh?: number;
  kw?: number;
}

/** `count` consecutive readings of one channel from `start`, each `kw` on average. */
export function readingsFrom(channel: ReadingInput['channel'], start: string, count: number, kw: number, intervalMinutes = 15): ReadingInput[] {
  const first = new Date(start).getTime();
  return Array.from({ length: count }, (_, i) => ({ channel, intervalStart: new Date(first + i * intervalMinutes * 60_000).toISOString(), intervalMinutes, kw }));
}

export async function grantMeterAccess(api: TestApi, host: Caller, dealId: string, partnerOrganizationId: string): Promise<{ id: string }> {
  return mutate<{ id: string }>(api, host, 'grantMeterAccess', `mutation ($input: GrantMeterAccessInput!) { grantMeterAccess(input: $input) { id } }`, {
    input: { dealId, partnerOrganizationId },
  });
}

/** A statement of `month` (YYYY-MM-01) in `status`, written on the system path as the statements job would. */
export async function createStatement(api: TestApi, deal: MeteredDeal, month: string, status: 'DRAFT' | 'ISSUED' | 'DISPUTED' | 'AGREED') {
  return api.db.prisma.settlementStatement.create({
    data: {
      dealId: deal.dealId,
      hostOrgId: deal.host.orgId,
      tenantOrgId: deal.tenant.orgId,
      month: new Date(`${month}T00:00:00Z`),
      status,
      tenantTotalCents: 0n,
      platformFeeCents: 0n,
      hostPayoutCents: 0n,
      summary: {},
      computedAt: new Date(),
      ...(status === 'AGREED' ? { agreedAt: new Date(), agreedBy: 'system:test' } : {}),
    },
  });
}

/** Which of the deal's statements are stale, by status. */
export async function staleByStatus(api: TestApi, dealId: string): Promise<Record<string, boolean>> {
  const rows = await api.db.prisma.settlementStatement.findMany({ where: { dealId }, select: { status: true, stale: true } });
  return Object.fromEntries(rows.map((row) => [row.status, row.stale]));
}

/** Resets the deal's statements to fresh (as a recompute would). */
export const clearStale = (api: TestApi, dealId: string) => api.db.prisma.settlementStatement.updateMany({ where: { dealId }, data: { stale: false } });
