// What the caller can do next with a hosting deal, by status and side. Accepting and signing open a review
// of what they commit to first; ending needs a confirmation.
import { ActionButton } from './action-button';
import { ReviewedAction } from './deal-review';
import { fmtDate, fmtMw, fmtUsdCents } from '@/lib/format';
import { fullPowerMonthCents, fullPowerTermCents, hostingPriceText, type ReviewedHostingDeal } from '@/lib/hosting-review';
import { acceptHostingDeal, activateHostingDeal, endHostingDeal, rejectHostingDeal, signHostingDeal, withdrawHostingDeal } from '@/app/(portal)/hosting/actions';
import type { HostingRole } from '@/generated/graphql';

export interface ActionableHostingDeal extends ReviewedHostingDeal {
  id: string;
  role: HostingRole;
  status: string;
  hostSignedAt: string | null;
  fleetSignedAt: string | null;
}

function reviewFacts(deal: ReviewedHostingDeal): [string, string, string?][] {
  const t = deal.terms;
  return [
    ['At full power', `${fmtUsdCents(fullPowerMonthCents(deal) / 100)} a month; ${fmtUsdCents(fullPowerTermCents(deal) / 100)} over the term (billed on metered kWh: less for every hour not drawn)`, 'contract-value'],
    ['MW', fmtMw(deal.mw)],
    ['Price', hostingPriceText(t)],
    ['Term', `${deal.termMonths} months from ${fmtDate(deal.startDate)}`],
    ['Curtailment', `up to ${t.maxCurtailedHoursPerMonth} h a month; hours beyond it are credited to the fleet`],
    ['Uptime', `${t.uptimeCommitmentPct}% committed; downtime below it is credited to the fleet`],
    ['Deposit', t.depositUsd > 0 ? `${fmtUsdCents(t.depositUsd)}, held from the first statement and applied on the last` : 'none'],
    ['Platform fee', `${t.platformFeePct}% of the host's charges`],
  ];
}

export function HostingDealActions({ deal }: { deal: ActionableHostingDeal }) {
  const fields = { id: deal.id };
  const review = (action: typeof acceptHostingDeal, label: string, consequence: string) => (
    <ReviewedAction facts={reviewFacts(deal)} action={action} fields={fields} label={label} consequence={consequence} />
  );
  if (deal.status === 'PROPOSED' && deal.role === 'FLEET') {
    return (
      <div className="actions">
        {review(acceptHostingDeal, 'Accept', 'Accepting takes the offer off the market for other fleets and reveals the site to you; both parties then sign.')}
        <ActionButton action={rejectHostingDeal} fields={fields} label="Reject" variant="secondary" />
      </div>
    );
  }
  if (deal.status === 'PROPOSED' && deal.role === 'HOST') return <ActionButton action={withdrawHostingDeal} fields={fields} label="Withdraw proposal" variant="secondary" />;
  const signed = deal.role === 'HOST' ? deal.hostSignedAt : deal.fleetSignedAt;
  if (deal.status === 'ACCEPTED' && !signed) return review(signHostingDeal, 'Sign', 'Once both parties have signed, the host activates the deal and monthly statements follow from the fleet’s meter.');
  if (deal.status === 'ACCEPTED') return <p className="muted">You signed; waiting for the other party.</p>;
  if (deal.status === 'SIGNED' && deal.role === 'HOST') return <ActionButton action={activateHostingDeal} fields={fields} label="Activate" confirm="Activate the deal? Readings and monthly statements start from its start date." />;
  if (deal.status === 'ACTIVE') {
    return <ActionButton action={endHostingDeal} fields={fields} label="End deal" variant="danger" confirm="End this hosting deal? No readings or outages can be recorded after it ends; statements already issued stay as they are." />;
  }
  return null;
}
