// The embedded demo's running deal (issue #13, item 9): "Permian Hashworks" hosts "Helix AI Labs" on 50 MW
// of Milam Ridge Campus, ACTIVE for the three full months before today, with hourly readings, curtailment
// events of several causes and a statement per month: the earlier ones AGREED, the last DISPUTED.
//
// Everything after the listing goes through the API's own services as the demo people (validated by the
// same zod schemas): proposal, acceptance, both signatures (the agreement is frozen by the real signing),
// activation, readings (ingest_meter_readings with its rules), events, and statements computed, issued,
// agreed and disputed by the settlement service. Only the block and the request it answers are written on
// the system path, like the rest of the demo seed, because they start in the past (the marketplace
// refuses that, rightly). Idempotent: each step looks at what is there and does only what is missing, so a
// re-run (or a run after a half-finished one) changes nothing.
import { type AppPrisma, DEMO_DATA, stableUuid } from '@gridshare/db';
import type { Authorized } from '../auth/principal';
import { ServerTimings } from '../server-timing';
import { recordCurtailmentEvent } from '../modules/curtailment/curtailment.service';
import { ZRecordCurtailmentEventInput } from '../modules/curtailment/curtailment.schemas';
import { ZProposeDealInput } from '../modules/deals/deals.schemas';
import type { DealBillingPort } from '../modules/deals/deal-billing-port';
import { acceptDeal, activateDeal } from '../modules/deals/deals.service';
import { signDeal } from '../modules/deals/deal-signing';
import { proposeDeal } from '../modules/deals/propose-deal';
import { recordMeterReadings } from '../modules/metering/metering.service';
import { MAX_READINGS_PER_BATCH } from '../modules/metering/metering.schemas';
import { addMonths, monthEnd, monthOf, monthStart } from '../modules/settlement/months';
import { disputeStatement, issueStatement, recomputeStatement } from '../modules/settlement/settlement.service';
import { agreeStatement, assertRole, findPartyStatement } from '../modules/settlement/statement-moves';
import { type DemoEvent, demoMeteredHours } from './demo-load-profile';

export const DEMO_OPERATIONS_REQUEST_ID = stableUuid('request:helix-milam-inference');
const BLOCK_ID = stableUuid('block:Milam Ridge Campus#operations');
const SITE_NAME = 'Milam Ridge Campus';
const MONTHS = 3;
/** The demo's hashprice index ends here (packages/db/src/seed/demo-hashprice.ts): later months could not be issued. */
const LAST_INDEXED_MONTH = '2026-12';
export const DEMO_DISPUTE_REASON =
  'Our monitoring shows the FACILITY outage on the 12th ran from 08:15 to 15:00 UTC, not 09:00-14:00: please correct the event and re-issue.';

/** Activation without Stripe: the demo's tenant is invoiced per statement, by the worker, when Stripe is there. */
const NO_BILLING: DealBillingPort = { prepareActivation: async () => async () => ({}) };

const DEAL = { mw: 50, priceUsdPerKwMonth: 154, termMonths: 120, hostMiningSharePct: 50, platformFeePct: 3, curtailFirst: 'MINING' as const };

function person(email: string, orgKey: 'MINER' | 'TENANT'): Authorized {
  const user = DEMO_DATA.users.find((row) => row.email === email);
  const membership = DEMO_DATA.memberships.find((row) => row.userId === user?.id);
  if (!user || !membership) throw new Error(`Demo operations: no demo person ${email}`);
  const principal = { kind: 'user' as const, userId: user.id, sessionId: 'demo-seed', org: { id: membership.orgId, kind: orgKey }, role: membership.role, plan: 'PRO' as const };
  return { orgId: membership.orgId, principal, actor: `user:${user.id}` };
}

/** The three full months before `now` (capped at the demo index's last month), oldest first. */
export function demoMonths(now: Date): string[] {
  const previous = addMonths(monthOf(now), -1);
  const last = previous < LAST_INDEXED_MONTH ? previous : LAST_INDEXED_MONTH;
  return Array.from({ length: MONTHS }, (_, i) => addMonths(last, i - MONTHS + 1));
}

const at = (month: string, day: number, time: string) => new Date(`${month}-${String(day).padStart(2, '0')}T${time}:00Z`);

/** What happened on site, month by month: each cause at least once, an SLA breach in the last month. */
export function demoEvents(months: readonly string[]): DemoEvent[] {
  const [first, second, third] = months as [string, string, string];
  return [
    // 20 MW for an hour: 0.4 h of the whole contract, 99.94%, within the 99.9% commitment (no credit).
    { cause: 'FACILITY', channel: 'AI_IT', startsAt: at(first, 9, '14:00'), endsAt: at(first, 9, '15:00'), mwAffected: 20, note: 'Chiller plant trip in hall B; racks throttled until the standby chiller came up.' },
    { cause: 'DEMAND_RESPONSE', channel: 'MINING', startsAt: at(first, 17, '21:00'), endsAt: at(first, 17, '23:00'), mwAffected: 25, paymentUsdPerMwh: 120, note: 'ERCOT ERS deployment: backfill fleet off.' },
    { cause: 'PRICE', channel: 'MINING', startsAt: at(first, 23, '19:00'), endsAt: at(first, 23, '22:00'), mwAffected: 30, note: 'Real-time price above the fleet break-even.' },
    { cause: 'GRID_EMERGENCY', channel: 'MINING', startsAt: at(second, 6, '20:00'), endsAt: at(second, 6, '23:00'), mwAffected: 40, note: 'ERCOT EEA1: curtailable large loads off (Texas SB6).' },
    { cause: 'MAINTENANCE_PLANNED', channel: 'AI_IT', startsAt: at(second, 14, '02:00'), endsAt: at(second, 14, '06:00'), mwAffected: 10, note: 'Planned UPS maintenance, hall A (announced 14 days ahead).' },
    { cause: 'DEMAND_RESPONSE', channel: 'MINING', startsAt: at(second, 21, '22:00'), endsAt: at(second, 22, '00:00'), mwAffected: 25, paymentUsdPerMwh: 95, note: 'ERCOT ERS deployment: backfill fleet off.' },
    // All 50 MW for 5 hours: 99.31%, the 99.0-99.5% tier (10% of colocation).
    { cause: 'FACILITY', channel: 'AI_IT', startsAt: at(third, 12, '09:00'), endsAt: at(third, 12, '14:00'), mwAffected: 50, note: 'Switchgear fault on feeder 2: the whole AI hall was down.' },
    { cause: 'PRICE', channel: 'MINING', startsAt: at(third, 5, '18:00'), endsAt: at(third, 5, '21:00'), mwAffected: 30, note: 'Real-time price above the fleet break-even.' },
  ];
}

/** The listing the deal is signed on, written as the demo seed writes listings (the system path). */
async function ensureListing(prisma: AppPrisma, startDate: Date, host: Authorized, tenant: Authorized): Promise<void> {
  const site = DEMO_DATA.sites.find((row) => row.name === SITE_NAME);
  if (!site) throw new Error(`Demo operations: no demo site ${SITE_NAME}`);
  const created = new Date(startDate.getTime() - 45 * 86_400_000);
  await prisma.capacityBlock.upsert({
    where: { id: BLOCK_ID },
    update: {},
    create: {
      id: BLOCK_ID, orgId: host.orgId, siteId: site.id, kind: 'COLOCATION', mw: DEAL.mw, firmMw: DEAL.mw, interruptibleMw: 0, availableFrom: startDate,
      priceCentsPerKwMonth: DEAL.priceUsdPerKwMonth * 100, minTermMonths: 60, status: 'PUBLISHED', publishedAt: created, createdAt: created,
    },
  });
  await prisma.colocationRequest.upsert({
    where: { id: DEMO_OPERATIONS_REQUEST_ID },
    update: {},
    create: {
      id: DEMO_OPERATIONS_REQUEST_ID, orgId: tenant.orgId, title: 'Inference cluster in ERCOT, live this autumn', totalMw: DEAL.mw, minContiguousMw: DEAL.mw,
      phases: [{ mw: DEAL.mw, neededBy: startDate.toISOString().slice(0, 10) }], neededBy: startDate, countries: ['US'], regions: ['Texas'], gridOperators: ['ERCOT'],
      maxLatencyMs: 10, cooling: 'DIRECT_TO_CHIP', minRackDensityKw: 100, minRedundancy: 'N_PLUS_1', maxPriceCentsPerKwMonth: 17_500, termMonths: DEAL.termMonths,
      backfillMiningAllowed: true, status: 'OPEN', createdAt: created,
    },
  });
}

/** PROPOSED → ACCEPTED → SIGNED (both on the deal's own terms: the agreement freezes) → ACTIVE, from wherever it stands. */
async function ensureActiveDeal(prisma: AppPrisma, startDate: Date, host: Authorized, tenant: Authorized): Promise<string> {
  const existing = await prisma.deal.findFirst({ where: { requestId: DEMO_OPERATIONS_REQUEST_ID }, select: { id: true } });
  const id =
    existing?.id ??
    (await proposeDeal(prisma, host, ZProposeDealInput.parse({ ...DEAL, requestId: DEMO_OPERATIONS_REQUEST_ID, blockIds: [BLOCK_ID], startDate: startDate.toISOString().slice(0, 10) }))).id;
  const deal = () => prisma.deal.findUniqueOrThrow({ where: { id }, select: { status: true, hostSignedScenario: true, tenantSignedScenario: true } });
  if ((await deal()).status === 'PROPOSED') await acceptDeal(prisma, tenant, id);
  if ((await deal()).status === 'ACCEPTED') {
    if (!(await deal()).hostSignedScenario) await signDeal(prisma, host, { id, scenarioId: null });
    if (!(await deal()).tenantSignedScenario) await signDeal(prisma, tenant, { id, scenarioId: null });
  }
  // The demo has no Stripe step to run at activation: statements carry colocation (docs/billing.md).
  if ((await deal()).status === 'SIGNED') await activateDeal(prisma, host, id, NO_BILLING);
  return id;
}

async function recordReadings(prisma: AppPrisma, host: Authorized, dealId: string, pue: number, events: readonly DemoEvent[], from: Date, until: Date): Promise<number> {
  const readings = demoMeteredHours({ contractedMw: DEAL.mw, pue }, events, from, until).flatMap(({ hour, aiMw, miningMw }) => [
    { channel: 'AI_IT' as const, intervalStart: hour, intervalMinutes: 60, kwh: aiMw * 1000 },
    { channel: 'MINING' as const, intervalStart: hour, intervalMinutes: 60, kwh: miningMw * 1000 },
  ]);
  for (let i = 0; i < readings.length; i += MAX_READINGS_PER_BATCH) {
    await recordMeterReadings(prisma, host, { dealId, readings: readings.slice(i, i + MAX_READINGS_PER_BATCH) }, new ServerTimings());
  }
  return readings.length;
}

async function recordMissingEvents(prisma: AppPrisma, host: Authorized, dealId: string, events: readonly DemoEvent[]): Promise<void> {
  const stored = await prisma.curtailmentEvent.findMany({ where: { dealId }, select: { cause: true, startsAt: true } });
  const known = new Set(stored.map((row) => `${row.cause}@${row.startsAt.toISOString()}`));
  for (const event of events) {
    if (known.has(`${event.cause}@${event.startsAt.toISOString()}`)) continue;
    await recordCurtailmentEvent(prisma, host, ZRecordCurtailmentEventInput.parse({ dealId, ...event }));
  }
}

/** Each month's statement as the parties would move it: computed and issued by the host, agreed (or, the last, disputed) by the tenant. */
async function settleMonths(prisma: AppPrisma, host: Authorized, tenant: Authorized, dealId: string, months: readonly string[]): Promise<void> {
  for (const [index, month] of months.entries()) {
    const stored = await prisma.settlementStatement.findFirst({ where: { dealId, month: monthStart(month) }, select: { id: true, status: true } });
    let statement = stored;
    if (!statement || statement.status === 'DRAFT') {
      const draft = await recomputeStatement(prisma, host, dealId, month);
      await issueStatement(prisma, host, draft.id);
      statement = { id: draft.id, status: 'ISSUED' };
    }
    if (statement.status !== 'ISSUED') continue;
    if (index < months.length - 1) {
      // settlement.service's agreeStatement also invoices through Stripe, which is not open yet at seed time:
      // the worker's billing job invoices agreed statements (docs/settlement.md, "Worker jobs").
      assertRole((await findPartyStatement(prisma, tenant, statement.id)).role, 'TENANT', statement.id, 'agree');
      await agreeStatement(prisma, tenant, statement.id);
    } else await disputeStatement(prisma, tenant, statement.id, DEMO_DISPUTE_REASON);
  }
}

export interface DemoOperationsSummary {
  dealId: string;
  months: string[];
  /** Readings sent (0 when the demo deal was complete already: nothing is sent again). */
  readings: number;
  events: number;
}

/** Once proposed, the deal's months are its first three, whatever the date: a later start adds nothing. */
const monthsFrom = (first: string) => Array.from({ length: MONTHS }, (_, i) => addMonths(first, i));

/** Every month of the demo deal has a statement past DRAFT (the seed's last step). */
async function allSettled(prisma: AppPrisma, dealId: string, months: readonly string[]): Promise<boolean> {
  const settled = await prisma.settlementStatement.count({ where: { dealId, month: { in: months.map(monthStart) }, status: { not: 'DRAFT' } } });
  return settled === months.length;
}

/** States the seed takes a deal on from; anything else (rejected, ended…) someone did on purpose: left alone. */
const SEEDABLE = ['PROPOSED', 'ACCEPTED', 'SIGNED', 'ACTIVE'];

export async function seedDemoOperations(prisma: AppPrisma, now = new Date()): Promise<DemoOperationsSummary> {
  const host = person('miner@demo.gridshare.dev', 'MINER');
  const tenant = person('tenant@demo.gridshare.dev', 'TENANT');
  const existing = await prisma.deal.findFirst({ where: { requestId: DEMO_OPERATIONS_REQUEST_ID }, select: { id: true, status: true, startDate: true } });
  const months = existing ? monthsFrom(monthOf(existing.startDate)) : demoMonths(now);
  if (existing && (!SEEDABLE.includes(existing.status) || (await allSettled(prisma, existing.id, months)))) {
    return { dealId: existing.id, months, readings: 0, events: 0 };
  }
  const startDate = monthStart(months[0]!);
  await ensureListing(prisma, startDate, host, tenant);
  const dealId = await ensureActiveDeal(prisma, startDate, host, tenant);
  const agreement = await prisma.dealAgreement.findUniqueOrThrow({ where: { dealId }, select: { inputs: true } });
  const pue = (agreement.inputs as { site?: { pue?: number } }).site?.pue ?? 1.2;
  const events = demoEvents(months);
  const readings = await recordReadings(prisma, host, dealId, pue, events, startDate, monthEnd(months[months.length - 1]!));
  await recordMissingEvents(prisma, host, dealId, events);
  await settleMonths(prisma, host, tenant, dealId, months);
  return { dealId, months, readings, events: events.length };
}
