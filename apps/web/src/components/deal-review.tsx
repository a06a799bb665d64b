// Accepting or signing commits a party to years of payments: the button opens a review of what it commits
// to (total contract value, term, MW, price, where it differs from the request) and a second, explicit
// confirmation. Plain <details>: works before the page's scripts load.
import { ActionButton } from './action-button';
import { contractValueCents, differencesFromRequest, monthlyColocationCents, type ReviewedDeal } from '@/lib/deal-review';
import { fmtDate, fmtMw, fmtUsdCents } from '@/lib/format';
import type { FormState } from '@/lib/form';

export function ReviewedDealAction({
  deal,
  action,
  fields,
  label,
  consequence,
}: {
  deal: ReviewedDeal;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  /** What the click does beyond the figures, e.g. billing. */
  consequence: string;
}) {
  const differences = differencesFromRequest(deal);
  return (
    <details className="review" data-testid="deal-review">
      <summary className="button">{label}…</summary>
      <div className="card">
        <h3>Review before you {label.toLowerCase()}</h3>
        <dl className="facts">
          <dt>Total contract value</dt><dd data-testid="contract-value">{fmtUsdCents(contractValueCents(deal) / 100)} colocation over the term (energy metered on top)</dd>
          <dt>Monthly</dt><dd>{fmtUsdCents(monthlyColocationCents(deal) / 100)}</dd>
          <dt>MW</dt><dd>{fmtMw(deal.mw)}</dd>
          <dt>Price</dt><dd>${deal.priceUsdPerKwMonth}/kW-month</dd>
          <dt>Term</dt><dd>{deal.termMonths} months from {fmtDate(deal.startDate)}</dd>
          <dt>Platform fee</dt><dd>{deal.platformFeePct}% of each statement</dd>
        </dl>
        {differences.length > 0 ? (
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
