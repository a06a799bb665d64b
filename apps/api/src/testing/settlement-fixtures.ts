// Settlement test data: an ACTIVE deal signed on a known scenario, a month of hourly readings written the
// way production writes them (ingest_meter_readings in the host's scope), the hashprice index and events.
import { withOrg } from '@gridshare/db';
import { type OrgFixture, createListedBlock, createRequest, dealInput, mutate, proposeDeal, unique } from './fixtures';
import type { Caller, TestApi } from './test-api';

/**
 * The worked month's scenario (docs/settlement.md): PUE 1.2, energy $40/MWh flat at cost, 17.5 J/TH, 2% pool
 * fee, no variable opex. With the deal's 50 MW at $150/kW-month, 50% backfill share and 3% fee.
 */
export const WORKED_SCENARIO = {
  site: { interconnectionMw: 100, pue: 1.2 },
  mining: { jPerTh: 17.5, poolFeePercent: 2, variableOpexUsdPerMwh: 0 },
  market: { hashpriceUsdPerPhDay: 50 },
  energy: { price: { kind: 'flat', usdPerMwh: 40 } },
  deal: { energyPassThrough: { kind: 'at-cost' } },
};

export const WORKED_DEAL = { mw: 50, priceUsdPerKwMonth: 150, hostMiningSharePct: 50, platformFeePct: 3, startDate: '2026-09-01' };

const SAVE_SCENARIO = `mutation ($input: SaveRevenueScenarioInput!) { saveRevenueScenario(input: $input) { id } }`;
const SIGN = `mutation ($id: ID!, $scenarioId: ID) { signDeal(id: $id, scenarioId: $scenarioId) { id status } }`;

export const saveDealScenario = (api: TestApi, caller: Caller, dealId: string, inputs: object, name = unique('scenario')) =>
  mutate<{ id: string }>(api, caller, 'saveRevenueScenario', SAVE_SCENARIO, { input: { name, dealId, inputs } });

export const signDeal = (api: TestApi, caller: Caller, id: string, scenarioId: string | null = null) =>
  mutate<{ id: string; status: string }>(api, caller, 'signDeal', SIGN, { id, scenarioId });

export interface AgreedDeal {
  dealId: string;
  scenarioId: string | null;
}

/**
 * An ACCEPTED deal of `host` and `tenant` (50 MW on a 60 MW block by default), then signed by both on a
 * scenario saved with `scenario` (null: the deal's default terms) and, unless `activate` is false, ACTIVE.
 */
export async function createAgreedDeal(
  api: TestApi,
  host: OrgFixture,
  tenant: OrgFixture,
  options: { deal?: Record<string, unknown>; block?: Record<string, unknown>; site?: Record<string, unknown>; scenario?: object | null; activate?: boolean } = {},
): Promise<AgreedDeal> {
  const request = await createRequest(api, tenant, { open: true });
  const listed = await createListedBlock(api, host, { mw: 60, firmMw: 50, ...options.block }, options.site);
  const deal = await proposeDeal(api, host, dealInput(request.id, [listed.blockId], { ...WORKED_DEAL, ...options.deal }));
  await mutate(api, tenant, 'acceptDeal', `mutation ($id: ID!) { acceptDeal(id: $id) { id } }`, { id: deal.id });
  const scenario = options.scenario === undefined ? WORKED_SCENARIO : options.scenario;
  const scenarioId = scenario ? (await saveDealScenario(api, host, deal.id, scenario)).id : null;
  await signDeal(api, host, deal.id, scenarioId);
  await signDeal(api, tenant, deal.id, scenarioId);
  if (options.activate !== false) await mutate(api, host, 'activateDeal', `mutation ($id: ID!) { activateDeal(id: $id) { id } }`, { id: deal.id });
  return { dealId: deal.id, scenarioId };
}

export interface HourMw {
  /** Average MW of the tenant's IT load in the hour (null: no reading). */
  ai: number | null;
  /** Average MW of the backfill fleet (null: no reading). */
  mining: number | null;
}

const HOUR_MS = 3_600_000;

export function hoursOf(month: string): Date[] {
  const start = Date.parse(`${month}-01T00:00:00Z`);
  const [year, m] = month.split('-').map(Number) as [number, number];
  const end = Date.UTC(year, m, 1);
  return Array.from({ length: (end - start) / HOUR_MS }, (_, h) => new Date(start + h * HOUR_MS));
}

/** Hourly readings of `month` from `shape`, written as the host through ingest_meter_readings (corrections are revisions). */
export async function ingestHourly(api: TestApi, host: OrgFixture, dealId: string, month: string, shape: (at: Date, h: number) => HourMw): Promise<void> {
  const channels: string[] = [];
  const starts: string[] = [];
  const kwhs: string[] = [];
  hoursOf(month).forEach((at, h) => {
    const { ai, mining } = shape(at, h);
    for (const [channel, mw] of [['AI_IT', ai], ['MINING', mining]] as const) {
      if (mw === null) continue;
      channels.push(channel);
      starts.push(at.toISOString());
      kwhs.push((mw * 1000).toFixed(3));
    }
  });
  const minutes = channels.map(() => 60);
  await withOrg(api.db.prisma, { orgId: host.orgId }, (tx) =>
    tx.$queryRaw`SELECT * FROM ingest_meter_readings(${dealId}::uuid, ${channels}::text[]::"MeterChannel"[], ${starts}::text[]::timestamptz[],
                                                     ${minutes}::int[]::smallint[], ${kwhs}::text[]::numeric[], ${`user:${host.userId}`})`,
  );
}

/**
 * The platform's hashprice index for every day of `month` (the system path, as an admin upload would):
 * new days added, changed days updated, unchanged days left alone (their updatedAt too).
 */
export async function setHashprice(api: TestApi, month: string, usdPerPhDay: number | ((day: string) => number)): Promise<void> {
  const days = hoursOf(month).filter((_, h) => h % 24 === 0).map((at) => at.toISOString().slice(0, 10));
  const stored = new Map(
    (await api.db.prisma.hashpriceIndexDay.findMany({ where: { day: { in: days.map((day) => new Date(`${day}T00:00:00Z`)) } } })).map((row) => [row.day.toISOString().slice(0, 10), row.usdPerPhDay.toNumber()]),
  );
  for (const day of days) {
    const value = typeof usdPerPhDay === 'number' ? usdPerPhDay : usdPerPhDay(day);
    if (stored.get(day) === value) continue;
    await api.db.prisma.hashpriceIndexDay.upsert({
      where: { day: new Date(`${day}T00:00:00Z`) },
      create: { day: new Date(`${day}T00:00:00Z`), usdPerPhDay: value, source: 'test', actor: 'test' },
      update: { usdPerPhDay: value },
    });
  }
}

export interface EventInput {
  cause: 'GRID_EMERGENCY' | 'DEMAND_RESPONSE' | 'PRICE' | 'FACILITY' | 'TENANT' | 'MAINTENANCE_PLANNED';
  channel: 'AI_IT' | 'MINING';
  startsAt: string;
  endsAt: string;
  mwAffected: number;
  paymentCentsPerMwh?: number;
}

/** A curtailment event recorded by the host (what the curtailment API writes). */
export async function recordEvent(api: TestApi, host: OrgFixture, dealId: string, event: EventInput): Promise<string> {
  const deal = await api.db.prisma.deal.findUniqueOrThrow({ where: { id: dealId }, select: { tenantOrgId: true } });
  const row = await api.db.prisma.curtailmentEvent.create({
    data: {
      dealId,
      hostOrgId: host.orgId,
      tenantOrgId: deal.tenantOrgId,
      cause: event.cause,
      channel: event.channel,
      startsAt: new Date(event.startsAt),
      endsAt: new Date(event.endsAt),
      mwAffected: event.mwAffected,
      paymentCentsPerMwh: event.paymentCentsPerMwh ?? null,
      recordedByOrgId: host.orgId,
      actor: `user:${host.userId}`,
    },
  });
  return row.id;
}

/**
 * The settlement note's worked month, in September 2026 (30 days): AI 45 MW from 06:00 to 22:00 and 25 MW
 * at night, the fleet filling the headroom of the agreed PUE 1.2 (6 / 30 MW); a 4-hour FACILITY outage of
 * all 50 MW on the 10th from 10:00 (AI and mining read 0) and a 2-hour DEMAND_RESPONSE on the 20th from
 * 02:00 on the fleet (30 MW at $100/MWh, mining reads 0). Hashprice $50 every day.
 */
export async function recordWorkedMonth(api: TestApi, host: OrgFixture, dealId: string, month = '2026-09'): Promise<void> {
  const outage = [Date.parse(`${month}-10T10:00:00Z`), Date.parse(`${month}-10T14:00:00Z`)] as const;
  const demandResponse = [Date.parse(`${month}-20T02:00:00Z`), Date.parse(`${month}-20T04:00:00Z`)] as const;
  const within = (at: Date, [from, to]: readonly [number, number]) => at.getTime() >= from && at.getTime() < to;
  await ingestHourly(api, host, dealId, month, (at) => {
    const day = at.getUTCHours() >= 6 && at.getUTCHours() < 22;
    if (within(at, outage)) return { ai: 0, mining: 0 };
    if (within(at, demandResponse)) return { ai: day ? 45 : 25, mining: 0 };
    return day ? { ai: 45, mining: 6 } : { ai: 25, mining: 30 };
  });
  await recordEvent(api, host, dealId, { cause: 'FACILITY', channel: 'AI_IT', startsAt: new Date(outage[0]).toISOString(), endsAt: new Date(outage[1]).toISOString(), mwAffected: 50 });
  await recordEvent(api, host, dealId, {
    cause: 'DEMAND_RESPONSE',
    channel: 'MINING',
    startsAt: new Date(demandResponse[0]).toISOString(),
    endsAt: new Date(demandResponse[1]).toISOString(),
    mwAffected: 30,
    paymentCentsPerMwh: 10_000,
  });
  await setHashprice(api, month, 50);
}

export const STATEMENT_FIELDS = `id dealId month status version stale tenantTotalUsd platformFeeUsd hostPayoutUsd tenantCarryOutUsd feeCarryOutUsd
  lines { id position kind description amountUsd feeBase adjustsMonth detail } stripeInvoiceId agreedBy disputeReason autoAgreeAt paidAt`;

const statementMutation = (name: string, args = '$id: ID!', pass = 'id: $id') => `mutation (${args}) { ${name}(${pass}) { ${STATEMENT_FIELDS} } }`;
export const RECOMPUTE = statementMutation('recomputeStatement', '$dealId: ID!, $month: String!', 'dealId: $dealId, month: $month');
export const ISSUE = statementMutation('issueStatement');
export const AGREE = statementMutation('agreeStatement');
export const DISPUTE = statementMutation('disputeStatement', '$id: ID!, $reason: String!', 'id: $id, reason: $reason');
export const REISSUE = statementMutation('reissueStatement');

export interface StatementView {
  id: string;
  dealId: string;
  month: string;
  status: string;
  version: number;
  stale: boolean;
  tenantTotalUsd: number;
  platformFeeUsd: number;
  hostPayoutUsd: number;
  tenantCarryOutUsd: number;
  feeCarryOutUsd: number;
  lines: { id: string; position: number; kind: string; description: string; amountUsd: number; feeBase: boolean; adjustsMonth: string | null; detail: Record<string, unknown> }[];
  stripeInvoiceId: string | null;
  agreedBy: string | null;
  disputeReason: string | null;
  autoAgreeAt: string | null;
}

/** The host's DRAFT of `month`, computed now. */
export const recomputeStatement = (api: TestApi, host: Caller, dealId: string, month: string) =>
  mutate<StatementView>(api, host, 'recomputeStatement', RECOMPUTE, { dealId, month });

/**
 * The worked month (September 2026) of a new deal, issued by the host and agreed by the tenant; the host
 * has a Connect account, so the agreement's invoice, once the local Stripe pays it, pays the host out.
 */
export async function agreedStatement(api: TestApi, host: OrgFixture, tenant: OrgFixture, options: { deal?: Record<string, unknown> } = {}): Promise<{ dealId: string; statementId: string }> {
  await mutate(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
  const { dealId } = await createAgreedDeal(api, host, tenant, options);
  await recordWorkedMonth(api, host, dealId);
  const draft = await recomputeStatement(api, host, dealId, '2026-09');
  await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });
  await mutate(api, tenant, 'agreeStatement', AGREE, { id: draft.id });
  return { dealId, statementId: draft.id };
}
