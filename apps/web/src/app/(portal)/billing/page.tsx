import type { Metadata } from 'next';
import { StatusBadge } from '@/components/badges';
import { InvoiceTable, PayoutTable } from '@/components/billing-tables';
import { RedirectButton } from '@/components/redirect-button';
import { GridshareError } from '@gridshare/sdk';
import { fmtDate, fmtNum, fmtUsdCents, label } from '@/lib/format';
import { gql, requireViewer } from '@/lib/session';
import { openBillingLink } from './actions';
import { UpcomingInvoiceDocument } from '@/generated/graphql';
import { BillingStatusDocument } from '@/generated/graphql';
import { allOf } from '@/lib/enums';
import type { PaidPlan } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Billing' };
interface Upcoming { amountDueUsd: number; currency: string; dueAt: string | null }

const PAID_PLANS = allOf<PaidPlan>()('PRO', 'API');
const RETURNS: Record<string, { ok: boolean; text: string }> = {
  'checkout=success': { ok: true, text: 'Payment received. Your plan is updated as soon as Stripe confirms it.' },
  'checkout=cancelled': { ok: false, text: 'Checkout was cancelled; nothing was charged.' },
  'onboarding=done': { ok: true, text: 'Back from Stripe Connect onboarding.' },
  'onboarding=refresh': { ok: false, text: 'The onboarding link expired; open a new one below.' },
};

/** The upcoming invoice is asked of Stripe: when Stripe is unreachable the rest of the page still shows. */
async function upcoming(): Promise<{ invoice: Upcoming | null; refusal: string | null }> {
  try {
    const data = await gql(UpcomingInvoiceDocument);
    return { invoice: data.billingStatus.upcomingInvoice, refusal: null };
  } catch (error) {
    if (!(error instanceof GridshareError) || error.code !== 'BILLING_UNAVAILABLE') throw error;
    return { invoice: null, refusal: error.message };
  }
}

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ checkout?: string; onboarding?: string }> }) {
  const viewer = await requireViewer();
  const p = await searchParams;
  const [data, next] = await Promise.all([
    gql(
      BillingStatusDocument,
    ),
    upcoming(),
  ]);
  const b = data.billingStatus;
  const manages = viewer.role === 'ADMIN' || viewer.role === 'OWNER';
  const isHost = viewer.organization?.kind === 'MINER';
  const returned = p.checkout ? RETURNS[`checkout=${p.checkout}`] : p.onboarding ? RETURNS[`onboarding=${p.onboarding}`] : undefined;
  return (
    <>
      <h1>Billing</h1>
      {returned && <p className={returned.ok ? 'notice' : 'form-error'} role="status">{returned.text}</p>}
      <div className="cards" data-testid="billing-plan">
        <div className="kpi"><div className="label">Plan</div><div className="value" data-testid="plan">{b.plan}</div></div>
        <div className="kpi"><div className="label">Published blocks allowed</div><div className="value">{b.publishedBlockLimit === null ? 'No limit' : fmtNum(b.publishedBlockLimit, 0)}</div></div>
        <div className="kpi"><div className="label">API requests per minute</div><div className="value">{fmtNum(b.rateLimitPerMinute, 0)}</div></div>
        <div className="kpi">
          <div className="label">Upcoming invoice</div>
          <div className="value">{next.invoice ? fmtUsdCents(next.invoice.amountDueUsd) : '—'}</div>
          <div className="muted">{next.refusal ?? (next.invoice ? `due ${fmtDate(next.invoice.dueAt)}` : 'nothing due')}</div>
        </div>
      </div>
      <div className="card">
        <h2>Plan and payment</h2>
        {manages ? (
          <div className="actions">
            {PAID_PLANS.filter((plan) => plan !== b.plan).map((plan) => (
              <RedirectButton key={plan} action={openBillingLink} fields={{ link: 'checkout', plan }} label={`Upgrade to ${plan}`} />
            ))}
            {b.hasCustomer && <RedirectButton action={openBillingLink} fields={{ link: 'portal' }} label="Manage payment methods and invoices" variant="secondary" />}
          </div>
        ) : (
          <p className="muted">Only an organisation’s admins and owners change the plan or payment details.</p>
        )}
        <p className="muted">Plans are paid through Stripe Checkout; the plan changes when Stripe confirms the payment.</p>
      </div>
      {isHost && (
        <div className="card" data-testid="payouts-setup">
          <h2>Payouts</h2>
          <p>
            {b.payoutsEnabled ? <span className="badge ok">Payouts enabled</span> : <span className="badge warn">{b.hasConnectAccount ? 'Onboarding not finished' : 'Not set up'}</span>}{' '}
            Tenants’ payments for your deals are transferred to your Stripe Connect account, less the platform fee.
          </p>
          {manages && <RedirectButton action={openBillingLink} fields={{ link: 'connect' }} label={b.hasConnectAccount ? 'Continue Stripe onboarding' : 'Set up payouts with Stripe'} variant="secondary" />}
        </div>
      )}
      <h2>Subscriptions</h2>
      {b.subscriptions.length === 0 ? (
        <div className="empty">No subscription: you are on the {label(b.plan)} plan. Deals are billed by their monthly statements.</div>
      ) : (
        <div className="table-wrap">
          <table data-testid="subscriptions">
            <thead><tr><th>For</th><th>Status</th><th>Period ends</th><th>Renews</th></tr></thead>
            <tbody>
              {b.subscriptions.map((s) => (
                <tr key={s.id}>
                  <td>{s.kind === 'PLAN' ? `${s.plan} plan` : <a href={`/deals/${s.dealId}`}>Deal {s.dealId?.slice(0, 8)}</a>}</td>
                  <td><StatusBadge status={s.status} /></td>
                  <td>{fmtDate(s.currentPeriodEnd)}</td>
                  <td>{s.cancelAtPeriodEnd ? 'Ends at period end' : 'Yes'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Invoices</h2>
      {b.invoices.length === 0 ? <div className="empty">No invoices yet.</div> : <InvoiceTable invoices={b.invoices} testId="invoices" />}
      {(isHost || b.payouts.length > 0) && (
        <>
          <h2>Payouts received</h2>
          {b.payouts.length === 0 ? <div className="empty">No payouts yet: they follow your tenants’ paid invoices.</div> : <PayoutTable payouts={b.payouts} testId="payouts" />}
        </>
      )}
    </>
  );
}
