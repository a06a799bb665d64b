// A hosting deal's meter data (recorded by the host) and its monthly statements: computed by
// packages/hosting settleHostingMonth from the readings, outages and the platform's hashprice index;
// issued by the host; agreed or disputed by the fleet, or agreed by the worker when the fleet did neither
// within the dispute window. An agreed statement never changes (a trigger); it is invoiced to the fleet
// and paid out to the host like a colocation statement (hosting-billing.ts, modules/statement-billing).
import { type Billing, describeStripeError } from '@gridshare/billing';
import { type AppPrisma, type AppTx, type HostingDeal, Prisma, type StatementStatus, withOrg } from '@gridshare/db';
import { type HostingSettlementTerms, settleHostingMonth } from '@gridshare/hosting';
import type { Logger } from 'pino';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { badInput, conflict, forbidden, notFound } from '../../errors/domain-errors';
import { assertTransition } from '../common/transitions';
import { invoiceStatement } from '../statement-billing/statement-invoicing';
import { findPartyDeal, roleIn } from './deals.service';
import { HOSTING_STATEMENT_BILLING } from './hosting-billing';
import type { THostingOutageInput } from './hosting.schemas';

const HOUR_MS = 3_600_000;
/**
 * An issued statement the fleet neither agrees nor disputes within this many days is agreed by the worker
 * (issue #19: hosting statements follow colocation's states, where the window is a deal term; hosting
 * deals' terms have none, so the issue's 7 days apply to all).
 */
export const HOSTING_DISPUTE_WINDOW_DAYS = 7;
export const HOSTING_DISPUTE_WINDOW_ACTOR = 'system:dispute-window';
const FINAL: readonly StatementStatus[] = ['AGREED', 'INVOICED', 'PAID'];

async function hostDeal(tx: AppTx, auth: Authorized, dealId: string, statuses: readonly HostingDeal['status'][], action: string) {
  const deal = await findPartyDeal(tx, auth, dealId);
  if (roleIn(deal, auth) !== 'HOST') throw forbidden(`Only the host can ${action} on hosting deal ${dealId}.`);
  assertTransition('hosting deal', dealId, deal.status, statuses, action);
  return deal;
}

const monthOf = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

/** Refuses data in a month whose statement is already agreed: corrections never reach an agreed month. */
async function assertMonthsOpen(tx: AppTx, dealId: string, instants: readonly Date[], field: string) {
  const months = [...new Set(instants.map((d) => monthOf(d).getTime()))].map((t) => new Date(t));
  const closed = await tx.hostingStatement.findFirst({ where: { dealId, month: { in: months }, status: { in: [...FINAL] } }, select: { month: true } });
  if (closed) throw conflict(`${field}: the statement of ${closed.month.toISOString().slice(0, 7)} is agreed; its data no longer changes.`);
}

export function recordReadings(prisma: AppPrisma, auth: Authorized, dealId: string, readings: readonly { intervalStart: Date; kwh: number }[]) {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await hostDeal(tx, auth, dealId, ['ACTIVE'], 'record readings');
    readings.forEach((r, i) => {
      if (r.intervalStart < deal.startDate) throw badInput(`readings.${i}.intervalStart`, `must be on or after the deal's start ${deal.startDate.toISOString().slice(0, 10)}`);
      if (r.intervalStart.getTime() + HOUR_MS > Date.now()) throw badInput(`readings.${i}.intervalStart`, 'must be an hour that has ended');
      // An hour of the contracted power, with 1 % for meter tolerance, is the most a fleet can draw.
      if (r.kwh > deal.mw.toNumber() * 1_000 * 1.01) throw badInput(`readings.${i}.kwh`, `must be at most the contracted ${deal.mw.toNumber() * 1_000} kW for an hour (+1 %)`);
    });
    await assertMonthsOpen(tx, dealId, readings.map((r) => r.intervalStart), 'readings');
    const count = await tx.$executeRaw`
      INSERT INTO "HostingMeterReading" ("dealId", "intervalStart", "intervalMinutes", "kwh", "hostOrgId", "fleetOrgId")
      SELECT ${dealId}::uuid, u.t, 60, u.k, ${deal.hostOrgId}::uuid, ${deal.fleetOrgId}::uuid
        FROM unnest(${readings.map((r) => r.intervalStart)}::timestamptz[], ${readings.map((r) => r.kwh)}::numeric[]) AS u(t, k)
      ON CONFLICT ("dealId", "intervalStart") DO UPDATE SET "kwh" = EXCLUDED."kwh", "recordedAt" = now()`;
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'hosting-readings.recorded', entityType: 'HostingDeal', entityId: dealId, changes: { count } });
    return count;
  });
}

export function recordOutage(prisma: AppPrisma, auth: Authorized, input: THostingOutageInput) {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await hostDeal(tx, auth, input.dealId, ['ACTIVE'], 'record outages');
    await assertMonthsOpen(tx, deal.id, [input.startsAt, input.endsAt], 'input');
    const outage = await tx.hostingOutage.create({
      data: { dealId: deal.id, hostOrgId: deal.hostOrgId, fleetOrgId: deal.fleetOrgId, kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, note: input.note ?? null },
    });
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'hosting-outage.recorded', entityType: 'HostingOutage', entityId: outage.id, changes: input });
    return outage;
  });
}

/** Hours of each outage kind inside [from, to). */
function outageHours(outages: readonly { kind: string; startsAt: Date; endsAt: Date }[], from: Date, to: Date) {
  const hours = { CURTAILMENT: 0, DOWNTIME: 0 } as Record<string, number>;
  for (const o of outages) {
    const ms = Math.min(o.endsAt.getTime(), to.getTime()) - Math.max(o.startsAt.getTime(), from.getTime());
    if (ms > 0) hours[o.kind] = (hours[o.kind] ?? 0) + ms / HOUR_MS;
  }
  return { curtailed: Math.round(hours.CURTAILMENT! * 1000) / 1000, downtime: Math.round(hours.DOWNTIME! * 1000) / 1000 };
}

/** Computes (or recomputes) the month's DRAFT statement from the data as it stands. */
export function computeStatement(prisma: AppPrisma, auth: Authorized, dealId: string, month: string) {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await hostDeal(tx, auth, dealId, ['ACTIVE', 'ENDED'], 'compute statements');
    const from = new Date(`${month}-01T00:00:00Z`);
    const to = addMonths(from, 1);
    const first = monthOf(deal.startDate);
    const last = addMonths(first, deal.termMonths - 1);
    if (from < first || from > last) throw badInput('month', `must be within the deal's term (${first.toISOString().slice(0, 7)} to ${last.toISOString().slice(0, 7)})`);
    const existing = await tx.hostingStatement.findUnique({ where: { dealId_month: { dealId, month: from } } });
    if (existing) assertTransition('hosting statement', existing.id, existing.status, ['DRAFT', 'DISPUTED'], 'recompute');

    const [readings, outages, index, previous] = await Promise.all([
      tx.hostingMeterReading.findMany({ where: { dealId, intervalStart: { gte: from, lt: to } }, select: { kwh: true } }),
      tx.hostingOutage.findMany({ where: { dealId, startsAt: { lt: to }, endsAt: { gt: from } } }),
      tx.$queryRaw<{ avg: number | null; days: bigint }[]>`
        SELECT avg(h."usdPerPhDay")::float8 AS avg, count(*) AS days FROM "HashpriceIndexDay" h WHERE h."day" >= ${from}::date AND h."day" < ${to}::date`,
      tx.hostingStatement.findUnique({ where: { dealId_month: { dealId, month: addMonths(from, -1) } }, select: { tenantCarryOutCents: true } }),
    ]);
    const hashprice = index[0]?.avg;
    if (hashprice == null) throw conflict(`No hashprice index for ${month} yet: the statement needs it to value curtailment and downtime.`);
    const hours = outageHours(outages, from, to);
    const data = {
      hoursInMonth: (to.getTime() - from.getTime()) / HOUR_MS,
      readingsKwh: readings.map((r) => r.kwh.toNumber()),
      curtailedHours: hours.curtailed,
      downtimeHours: hours.downtime,
      hashpriceUsdPerPhDay: hashprice,
      deposit: { hold: from.getTime() === first.getTime(), apply: from.getTime() === last.getTime() },
      carriedCreditCents: Number(previous?.tenantCarryOutCents ?? 0n),
    };
    const s = settleHostingMonth(deal.terms as unknown as HostingSettlementTerms, data);
    const values = {
      status: 'DRAFT' as const,
      meteredKwh: s.meteredKwh,
      tenantTotalCents: BigInt(s.tenantTotalCents),
      platformFeeCents: BigInt(s.platformFeeCents),
      hostPayoutCents: BigInt(s.hostPayoutCents),
      tenantCarryOutCents: BigInt(s.tenantCarryOutCents),
      lines: s.lines as unknown as Prisma.InputJsonValue,
      inputs: { ...data, readingsKwh: undefined, readings: readings.length, hashpriceDays: Number(index[0]?.days ?? 0) } as Prisma.InputJsonValue,
      computedAt: new Date(),
    };
    const statement = existing
      ? await tx.hostingStatement.update({ where: { id: existing.id }, data: { ...values, autoAgreeAt: null, disputedAt: null, disputeReason: null } })
      : await tx.hostingStatement.create({ data: { ...values, dealId, hostOrgId: deal.hostOrgId, fleetOrgId: deal.fleetOrgId, month: from } });
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'hosting-statement.computed', entityType: 'HostingStatement', entityId: statement.id, changes: { month, tenantTotalCents: s.tenantTotalCents } });
    return statement;
  });
}

const DAY_MS = 86_400_000;

/** Each move's state change and the stamps it writes (`now`, the caller). */
const STATEMENT_MOVES = {
  issue: { by: 'HOST', from: ['DRAFT'], to: 'ISSUED', stamps: (now: Date) => ({ issuedAt: now, autoAgreeAt: new Date(now.getTime() + HOSTING_DISPUTE_WINDOW_DAYS * DAY_MS) }) },
  agree: { by: 'FLEET', from: ['ISSUED'], to: 'AGREED', stamps: (now: Date, actor: string) => ({ agreedAt: now, agreedBy: actor }) },
  dispute: { by: 'FLEET', from: ['ISSUED'], to: 'DISPUTED', stamps: (now: Date) => ({ disputedAt: now, autoAgreeAt: null }) },
} as const;

export type HostingStatementMove = keyof typeof STATEMENT_MOVES;

export function moveStatement(prisma: AppPrisma, auth: Authorized, id: string, action: HostingStatementMove, reason?: string, now = new Date()) {
  const move = STATEMENT_MOVES[action];
  return withOrg(prisma, auth, async (tx) => {
    const statement = await tx.hostingStatement.findFirst({ where: { id, OR: [{ hostOrgId: auth.orgId }, { fleetOrgId: auth.orgId }] } });
    if (!statement) throw notFound('Hosting statement', id);
    const role = statement.hostOrgId === auth.orgId ? 'HOST' : 'FLEET';
    if (role !== move.by) throw forbidden(`Only the ${move.by === 'HOST' ? 'host' : 'fleet'} can ${action} hosting statement ${id}.`);
    assertTransition('hosting statement', id, statement.status, move.from, action);
    const moved = await tx.hostingStatement.updateMany({
      where: { id, status: statement.status },
      data: { status: move.to, ...move.stamps(now, auth.actor), ...(action === 'dispute' ? { disputeReason: reason ?? null } : {}) },
    });
    if (moved.count !== 1) throw conflict(`Hosting statement ${id} changed meanwhile; read it again.`);
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: `hosting-statement.${action}`, entityType: 'HostingStatement', entityId: id, changes: { from: statement.status, to: move.to } });
    return tx.hostingStatement.findUniqueOrThrow({ where: { id } });
  });
}

export function statementsOf(prisma: AppPrisma, auth: Authorized, dealId: string) {
  return withOrg(prisma, auth, async (tx) => {
    await findPartyDeal(tx, auth, dealId);
    return tx.hostingStatement.findMany({ where: { dealId }, orderBy: { month: 'asc' }, include: { payout: true } });
  });
}

export interface HostingBillingDeps {
  prisma: AppPrisma;
  billing: Billing;
  logger: Logger;
}

/** A statement of the caller's deals, or NOT_FOUND. */
export function getStatement(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const statement = await tx.hostingStatement.findFirst({ where: { id, OR: [{ hostOrgId: auth.orgId }, { fleetOrgId: auth.orgId }] }, include: { payout: true } });
    if (!statement) throw notFound('Hosting statement', id);
    return statement;
  });
}

/**
 * The fleet agrees; once that has committed, the statement is invoiced to it. The agreement stands
 * whatever Stripe does next: a failed invoicing is logged and the worker's invoice-statements job retries it.
 */
export async function agreeStatement({ prisma, billing, logger }: HostingBillingDeps, auth: Authorized, id: string) {
  await moveStatement(prisma, auth, id, 'agree');
  try {
    await invoiceStatement(HOSTING_STATEMENT_BILLING, prisma, billing, id);
  } catch (error) {
    logger.warn({ hostingStatementId: id, stripeError: describeStripeError(error) }, 'hosting statement agreed but not invoiced yet; the worker retries it');
  }
  return getStatement(prisma, auth, id);
}

/**
 * For the worker (the settlement-auto-agree job): every ISSUED statement whose dispute window ran out is
 * agreed on the fleet's behalf, each by a conditional update (a fleet disputing at the same moment wins or
 * loses cleanly); the billing job invoice-statements then invoices it.
 */
export async function autoAgreeDueHostingStatements(prisma: AppPrisma, now = new Date()): Promise<string[]> {
  const due = await prisma.hostingStatement.findMany({ where: { status: 'ISSUED', autoAgreeAt: { lte: now } }, orderBy: { autoAgreeAt: 'asc' }, take: 500, select: { id: true } });
  const agreed: string[] = [];
  for (const { id } of due) {
    const moved = await prisma.$transaction(async (tx) => {
      const done = await tx.hostingStatement.updateMany({ where: { id, status: 'ISSUED', autoAgreeAt: { lte: now } }, data: { status: 'AGREED', agreedAt: now, agreedBy: HOSTING_DISPUTE_WINDOW_ACTOR } });
      if (done.count !== 1) return false;
      const { fleetOrgId, autoAgreeAt } = await tx.hostingStatement.findUniqueOrThrow({ where: { id }, select: { fleetOrgId: true, autoAgreeAt: true } });
      await writeAudit(tx, { orgId: fleetOrgId, actor: HOSTING_DISPUTE_WINDOW_ACTOR, action: 'hosting-statement.agree', entityType: 'HostingStatement', entityId: id, changes: { from: 'ISSUED', to: 'AGREED', automatic: true, autoAgreeAt } });
      return true;
    });
    if (moved) agreed.push(id);
  }
  return agreed;
}
