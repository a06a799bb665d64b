// Signing an ACCEPTED deal: each party signs one of the deal's revenue scenarios, or the deal's own terms
// (DEFAULT). Signing another one than the other party signed clears the other's signature: it must sign
// again. The deal becomes SIGNED when both signed the same one, and in that same transaction the agreement
// is frozen (freeze_deal_agreement(); a trigger refuses any later change): the scenario's inputs with the
// deal's price, MW, shares and fee written over them, and the settlement terms. Settlement reads that and
// nothing else: scenarios saved later are analysis only and never move money.
import { type AppPrisma, type AppTx, type Deal, type Prisma, withOrg } from '@gridshare/db';
import { parseRevenueInput, RevenueInputError, type TRevenueInput } from '@gridshare/revenue';
import { type DealDefaults, type DealTerms, type SlaTier, SettlementInputError, agreedRevenueInput, agreedTerms } from '@gridshare/settlement';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { badInput, conflict, notFound } from '../../errors/domain-errors';
import { isoDay } from '../common/dates';
import { assertTransition } from '../common/transitions';
import type { AgreedTerms } from '../settlement/statement-inputs';
import { roleIn } from './deal-moves';
import { readDeal } from './deal-reads';
import type { DealRole, TSignDealArgs } from './deals.schemas';
import { findPartyDeal, recordDealEvent, updateDealIf } from './deals.service';

/** What a party signs when it names no scenario: the deal's own terms on its site's figures. */
export const DEFAULT_SCENARIO = 'DEFAULT';

interface Agreement {
  scenarioId: string | null;
  inputs: TRevenueInput;
  terms: AgreedTerms;
}

const signatureOf = (role: DealRole, scenario: string | null, at: Date | null): Prisma.DealUpdateManyMutationInput =>
  role === 'HOST' ? { hostSignedAt: at, hostSignedScenario: scenario } : { tenantSignedAt: at, tenantSignedScenario: scenario };

const other = (role: DealRole): DealRole => (role === 'HOST' ? 'TENANT' : 'HOST');

/** Serialises signatures of one deal: both parties signing at once see each other's signature. */
async function lockDeal(tx: AppTx, id: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Deal" WHERE "id" = ${id}::uuid FOR UPDATE`;
}

async function scenarioInput(tx: AppTx, dealId: string, scenarioId: string | null): Promise<TRevenueInput | null> {
  if (!scenarioId) return null;
  // Row-level security shares a deal's scenarios between its parties; any other is NOT_FOUND.
  const scenario = await tx.revenueScenario.findFirst({ where: { id: scenarioId, dealId }, select: { inputs: true } });
  if (!scenario) throw notFound('Revenue scenario', scenarioId);
  try {
    return parseRevenueInput(scenario.inputs);
  } catch (error) {
    if (error instanceof RevenueInputError) throw badInput('scenarioId', `scenario ${scenarioId} no longer fits the revenue model: ${error.message}`);
    throw error;
  }
}

/** The deal's settlement terms (its own columns). */
export function dealTermsOf(deal: Deal): DealTerms {
  return {
    mw: deal.mw.toNumber(),
    priceCentsPerKwMonth: deal.priceCentsPerKwMonth,
    hostMiningShareBps: deal.hostMiningShareBps,
    platformFeeBps: deal.platformFeeBps,
    // Validated when proposed (ZSlaTiers); null = the house default.
    slaTiers: (deal.slaTiers as SlaTier[] | null) ?? null,
    maintenanceAllowanceHours: deal.maintenanceAllowanceHours,
    hashpriceSource: deal.hashpriceSource,
  };
}

async function dealDefaults(tx: AppTx, deal: Deal): Promise<DealDefaults> {
  // The tenant reads the site once the deal is ACCEPTED (row-level security: accepted_deal_read).
  const site = await tx.site.findFirst({ where: { id: deal.siteId }, select: { energizedMw: true, pue: true, energyPriceCentsPerMwh: true, miningMw: true } });
  if (!site) throw notFound('Site', deal.siteId);
  return { startDate: isoDay(deal.startDate), interconnectionMw: site.energizedMw.toNumber(), pue: site.pue.toNumber(), energyPriceCentsPerMwh: site.energyPriceCentsPerMwh, miningFleetMw: site.miningMw.toNumber() };
}

/** What signing `scenarioId` would freeze; BAD_USER_INPUT naming what does not fit, before anything is written. */
async function agreementFor(tx: AppTx, deal: Deal, scenarioId: string | null): Promise<Agreement> {
  const scenario = await scenarioInput(tx, deal.id, scenarioId);
  const terms = dealTermsOf(deal);
  try {
    const inputs = agreedRevenueInput(scenario, terms, await dealDefaults(tx, deal));
    return { scenarioId, inputs, terms: { ...agreedTerms(inputs, terms), disputeWindowDays: deal.disputeWindowDays } };
  } catch (error) {
    if (error instanceof SettlementInputError) {
      const issue = error.issues[0];
      throw badInput('scenarioId', `cannot be agreed for deal ${deal.id}: ${issue ? `${issue.path}: ${issue.message}` : error.message}`);
    }
    throw error;
  }
}

const json = (value: unknown) => JSON.stringify(value);

export function signDeal(prisma: AppPrisma, auth: Authorized, { id, scenarioId }: TSignDealArgs) {
  const signed = scenarioId ?? DEFAULT_SCENARIO;
  return withOrg(prisma, auth, async (tx) => {
    await lockDeal(tx, id);
    const deal = await findPartyDeal(tx, auth, id);
    assertTransition('deal', id, deal.status, ['ACCEPTED'], 'sign');
    const role = roleIn(deal, auth.orgId);
    const [mine, theirs] = role === 'HOST' ? [deal.hostSignedScenario, deal.tenantSignedScenario] : [deal.tenantSignedScenario, deal.hostSignedScenario];
    if (mine === signed) throw conflict(`Deal ${id} is already signed by the ${role.toLowerCase()} on ${signed}; it waits for the other party.`, { currentStatus: deal.status });
    const agreement = await agreementFor(tx, deal, scenarioId);
    const clears = theirs !== null && theirs !== signed;
    const now = new Date();
    await updateDealIf(tx, auth, deal, 'ACCEPTED', { ...signatureOf(role, signed, now), ...(clears ? signatureOf(other(role), null, null) : {}) });
    const completed = await tx.deal.updateMany({ where: { id, status: 'ACCEPTED', hostSignedScenario: signed, tenantSignedScenario: signed }, data: { status: 'SIGNED' } });
    if (completed.count === 1) {
      await tx.$executeRaw`SELECT freeze_deal_agreement(${id}::uuid, ${scenarioId}::uuid, ${json(agreement.inputs)}::jsonb, ${json(agreement.terms)}::jsonb)`;
    }
    const changes = {
      side: role,
      scenario: signed,
      ...(clears ? { clearedSignatureOf: other(role), clearedScenario: theirs } : {}),
      ...(completed.count === 1 ? { from: 'ACCEPTED', to: 'SIGNED' } : {}),
    };
    await audit(tx, auth, { action: 'deal.sign', entityType: 'Deal', entityId: id, changes });
    if (completed.count === 1) await recordDealEvent(tx, { ...deal, status: 'SIGNED' }, 'deal.signed');
    return readDeal(tx, auth, id);
  });
}
