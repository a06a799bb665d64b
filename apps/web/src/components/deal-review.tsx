// Accepting or signing commits a party to years of payments: the button opens a review of what it commits
// to (what it costs, term, MW, price, where it differs from the request) and a second, explicit
// confirmation. Plain <details>: works before the page's scripts load.
import { ActionButton } from './action-button';
import { contractValueCents, differencesFromRequest, monthlyColocationCents, type ReviewedDeal } from '@/lib/deal-review';
import { fmtDate, fmtMw, fmtUsdCents } from '@/lib/format';
import type { FormState } from '@/lib/form';

interface ReviewProps {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  /** What the click does beyond the figures, e.g. billing. */
  consequence: string;
}

/**
 * The review of any deal: its facts, where it differs from the request (when the caller compared them: a
 * hosting deal's page does not have the fleet's request), and the confirming button.
 */
export function ReviewedAction({ facts, differences, action, fields, label, consequence }: ReviewProps & { facts: readonly [string, React.ReactNode, string?][]; differences?: readonly string[] }) {
  return (
    <details className="review" data-testid="deal-review">
      <summary className="button">{label}…</summary>
      <div className="card">
        <h3>Review before you {label.toLowerCase()}</h3>
        <dl className="facts">
          {facts.map(([term, value, testId]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt>{term}</dt>
              <dd data-testid={testId}>{value}</dd>
            </div>
          ))}
        </dl>
        {differences === undefined ? null : differences.length > 0 ? (
          <div className="notice" data-testid="deal-differences">
            <strong>Differs from the request:</strong>
            <ul>{differences.map((d) => <li key={d}>{d}</li>)}</ul>
          </div>
        ) : (
          <p className="muted">Matches the request on MW, term and price ceiling.</p>
        )}
        <p>{consequence}</p>
        <ActionButton action={action} fields={fields} label={`Confirm: ${label.toLowerCase()}`} />
      </div>
    </details>
  );
}

export function ReviewedDealAction({ deal, ...props }: ReviewProps & { deal: ReviewedDeal }) {
  const facts: [string, React.ReactNode, string?][] = [
    ['Total contract value', `${fmtUsdCents(contractValueCents(deal) / 100)} colocation over the term (energy metered on top)`, 'contract-value'],
    ['Monthly', fmtUsdCents(monthlyColocationCents(deal) / 100)],
    ['MW', fmtMw(deal.mw)],
    ['Price', `$${deal.priceUsdPerKwMonth}/kW-month`],
    ['Term', `${deal.termMonths} months from ${fmtDate(deal.startDate)}`],
    ['Platform fee', `${deal.platformFeePct}% of each statement`],
  ];
  return <ReviewedAction facts={facts} differences={differencesFromRequest(deal)} {...props} />;
}
