import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/action-button';
import { Counterparty } from '@/components/deal-table';
import { ReviewedDealAction } from '@/components/deal-review';
import { DealTimeline } from '@/components/deal-timeline';
import { SpecForm } from '@/components/spec-form';
import { StatusBadge } from '@/components/badges';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';
import { moveDeal, proposeDealMwChange } from '../actions';
import { DealTitleDocument, DealDocument, DealScenariosDocument } from '@/generated/graphql';

const MW_CHANGE_FIELDS = [{ name: 'mw', label: 'New MW', type: 'number', required: true, min: 0, step: 0.1 }] as const;

/** The tab names the object ("Midland Ridge 80 · Site"). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const data = await gql(DealTitleDocument, { id });
  return { title: `${data.deal.request.title} · Deal` };
}

/** Signed deals have a frozen agreement; active and ended ones readings and statements. */
const OPERATING = ['SIGNED', 'ACTIVE', 'ENDED'];
const DEFAULT_SCENARIO = 'DEFAULT';

/**
 * Signing picks what settlement will read: the deal's own terms on its site's figures (DEFAULT) or one of
 * the revenue scenarios saved on the deal. The deal is SIGNED when both parties signed the same one.
 */
async function SignDeal({ deal }: { deal: Deal }) {
  const { revenueScenarios } = await gql(
    DealScenariosDocument,
    { dealId: deal.id },
  );
  const theirs = deal.role === 'HOST' ? deal.tenantSignedScenario : deal.hostSignedScenario;
  const other = deal.role === 'HOST' ? 'tenant' : 'host';
  const choices = [
    { id: DEFAULT_SCENARIO, name: 'The deal’s own terms on the site’s figures (default)', by: '—', createdAt: null as string | null },
    ...revenueScenarios.edges.map(({ node }) => ({ id: node.id, name: node.name, by: node.savedByCaller ? 'you' : `the ${other}`, createdAt: node.createdAt })),
  ];
  return (
    <div className="card" data-testid="sign-deal">
      <h2>Sign</h2>
      <p className="muted">
        Both parties sign the same scenario: it is frozen with the deal and is the only one monthly settlement reads. Scenarios saved on this deal from the{' '}
        <Link href={`/revenue?dealId=${deal.id}&contractedItMw=${deal.mw}&colocationUsdPerKwMonth=${deal.priceUsdPerKwMonth}`}>revenue modeller</Link> appear here.
        {theirs && <> The {other} signed <strong>{choices.find((c) => c.id === theirs)?.name ?? theirs}</strong>; sign the same to complete the deal.</>}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr><th>Scenario</th><th>Saved by</th><th>Saved</th><th /></tr>
          </thead>
          <tbody>
            {choices.map((choice) => (
              <tr key={choice.id} data-testid={`sign-choice-${choice.id}`}>
                <td>{choice.name}{choice.id === theirs && <span className="badge ok"> signed by the {other}</span>}</td>
                <td>{choice.by}</td>
                <td>{fmtDate(choice.createdAt)}</td>
                <td>
                  <ReviewedDealAction
                    deal={deal}
                    action={moveDeal}
                    fields={{ id: deal.id, move: 'sign', scenarioId: choice.id === DEFAULT_SCENARIO ? '' : choice.id }}
                    label="Sign"
                    consequence={`Signing “${choice.name}” freezes it with the deal once both parties have signed the same one; monthly settlement reads only it.`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface Deal {
  id: string; status: string; role: 'HOST' | 'TENANT'; mw: number; pendingMw: number | null; pendingMwBy: 'HOST' | 'TENANT' | null; priceUsdPerKwMonth: number; termMonths: number; startDate: string;
  hostMiningSharePct: number; curtailFirst: string; platformFeePct: number; hostSignedAt: string | null; tenantSignedAt: string | null;
  hostSignedScenario: string | null; tenantSignedScenario: string | null;
  acceptedAt: string | null; host: { name: string }; tenant: { name: string; anonymous: boolean }; request: { title: string; totalMw: number; termMonths: number; maxPriceUsdPerKwMonth: number | null };
  site: { id: string; name: string | null; latitude: number | null; longitude: number | null; country: string | null; region: string | null; gridOperator: string | null; energizedMw: number | null };
}

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireKind('MINER', 'TENANT');
  const { id } = await params;
  const { deal } = await gql(
    DealDocument,
    { id },
  );
  const writer = canWrite(viewer);
  const weSigned = deal.role === 'HOST' ? deal.hostSignedAt : deal.tenantSignedAt;
  const act = (move: string, text: string, variant?: 'secondary' | 'danger') => (
    <ActionButton action={moveDeal} fields={{ id: deal.id, move }} label={text} variant={variant} />
  );
  const review = (move: string, text: string, consequence: string) => (
    <ReviewedDealAction deal={deal} action={moveDeal} fields={{ id: deal.id, move }} label={text} consequence={consequence} />
  );
  return (
    <>
      <h1>
        {deal.request.title} <StatusBadge status={deal.status} />
      </h1>
      <p className="muted" data-testid="deal-parties">
        {deal.host.name} (host) ↔ {deal.role === 'HOST' ? <Counterparty deal={deal} /> : deal.tenant.name} (tenant) · you are the {label(deal.role).toLowerCase()}
      </p>
      <div className="cards">
        <div className="kpi"><div className="label">MW</div><div className="value">{fmtMw(deal.mw)}</div></div>
        <div className="kpi"><div className="label">Price</div><div className="value">${deal.priceUsdPerKwMonth}/kW-mo</div></div>
        <div className="kpi"><div className="label">Term</div><div className="value">{deal.termMonths} mo</div></div>
        <div className="kpi"><div className="label">Start</div><div className="value">{fmtDate(deal.startDate)}</div></div>
      </div>
      <div className="card">
        <h2>Site</h2>
        <p data-testid="deal-site">
          {deal.site.name ?? 'Disclosed on acceptance'} · {deal.site.region ?? '—'}, {deal.site.country ?? '—'} · {deal.site.gridOperator ?? '—'}
          {deal.site.latitude !== null && deal.site.longitude !== null && <> · {deal.site.latitude.toFixed(3)}, {deal.site.longitude.toFixed(3)}</>}
        </p>
        <p className="muted">
          Backfill mining share to host {deal.hostMiningSharePct}% · curtail {label(deal.curtailFirst).toLowerCase()} first · platform fee {deal.platformFeePct}%
        </p>
        <p className="muted">
          Host signed: {fmtDate(deal.hostSignedAt)} · Tenant signed: {fmtDate(deal.tenantSignedAt)}
        </p>
      </div>
      <DealTimeline deal={deal} />
      {writer && (
        <div className="actions" data-testid="deal-actions">
          {deal.status === 'PROPOSED' && deal.role === 'TENANT' && (
            <>
              {review('accept', 'Accept', 'Accepting reserves the host’s blocks for you and names you to the host; both parties then sign.')}
              {act('reject', 'Reject', 'danger')}
            </>
          )}
          {deal.status === 'PROPOSED' && deal.role === 'HOST' && act('withdraw', 'Withdraw', 'secondary')}
          {deal.status === 'SIGNED' && deal.role === 'HOST' &&
            review('activate', 'Activate', `The lease starts: the blocks become LEASED and the tenant is invoiced monthly from its statements; you are paid each statement less the ${deal.platformFeePct}% platform fee.`)}
          {deal.status === 'ACTIVE' && (
            <ActionButton
              action={moveDeal}
              fields={{ id: deal.id, move: 'end' }}
              label="End deal"
              variant="danger"
              confirm="End this deal today? Colocation billing stops: no monthly statement covers days after today, statements already issued are still due, and the blocks go back to the host as drafts."
            />
          )}
          {deal.status === 'ACCEPTED' && weSigned && <span className="muted">Signed; waiting for the other party.</span>}
        </div>
      )}
      {writer && deal.status === 'ACCEPTED' && !weSigned && <SignDeal deal={deal} />}
      {OPERATING.includes(deal.status) && (
        <p>
          <Link href={`/deals/${deal.id}/operations`} data-testid="operations-link">Operations and monthly statements →</Link>
        </p>
      )}
      {deal.status === 'ACTIVE' && (
        <div className="card" data-testid="mw-change">
          <h2>Change of MW</h2>
          {deal.pendingMw === null ? (
            writer ? (
              <SpecForm fields={MW_CHANGE_FIELDS} action={proposeDealMwChange} hidden={{ dealId: deal.id }} submitLabel="Propose change" />
            ) : (
              <p className="muted">No change proposed.</p>
            )
          ) : (
            <>
              <p>
                {deal.pendingMwBy === deal.role ? 'You propose' : `The ${label(deal.pendingMwBy ?? '').toLowerCase()} proposes`}{' '}
                <strong>{fmtMw(deal.pendingMw)}</strong> instead of {fmtMw(deal.mw)}
                {deal.pendingMwBy === deal.role ? '; waiting for the other party.' : '. Accepting applies it from today: the monthly statements prorate colocation by day.'}
              </p>
              {writer && (
                <div className="actions">
                  {deal.pendingMwBy !== deal.role && act('acceptMwChange', 'Accept change')}
                  {act('declineMwChange', deal.pendingMwBy === deal.role ? 'Withdraw proposal' : 'Decline', 'secondary')}
                </div>
              )}
            </>
          )}
        </div>
      )}
      <p>
        <Link href={`/revenue?dealId=${deal.id}`}>Model this deal’s revenue</Link>
      </p>
    </>
  );
}
