import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/action-button';
import { StatusBadge } from '@/components/badges';
import { HostingReadingsUpload } from '@/components/csv-upload';
import { HostingDealActions, type ActionableHostingDeal } from '@/components/hosting-deal-actions';
import { SpecForm } from '@/components/spec-form';
import { StatementLinesTable, StatementTotals, type StatementLine } from '@/components/statement-lines';
import type { FieldSpec } from '@/lib/fields';
import { fmtDate, fmtInstant, fmtMw, fmtNum, fmtUsdCents } from '@/lib/format';
import { hostingPriceText } from '@/lib/hosting-review';
import { dealMonths, defaultMonth, isMonth } from '@/lib/operations';
import { canWrite, gql, requireViewer } from '@/lib/session';
import { computeHostingStatement, disputeHostingStatement, moveHostingStatement, recordHostingOutage, recordHostingReadingsBatch, refreshHostingDeal } from './actions';
import { HostingDealDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Hosting deal' };

/** Deals in these states have readings, outages and statements. */
const OPERATING = ['ACTIVE', 'ENDED'];

interface Statement {
  id: string;
  month: string;
  status: string;
  meteredKwh: number;
  tenantTotalUsd: number;
  platformFeeUsd: number;
  hostPayoutUsd: number;
  tenantCarryOutUsd: number;
  lines: StatementLine[];
  issuedAt: string | null;
  autoAgreeAt: string | null;
  agreedAt: string | null;
  agreedBy: string | null;
  disputedAt: string | null;
  disputeReason: string | null;
  invoicedAt: string | null;
  paidAt: string | null;
  /** The host's payout; the API shows it to the host only. */
  payout: { amountUsd: number; status: string } | null;
}

interface Deal extends ActionableHostingDeal {
  terms: ActionableHostingDeal['terms'] & { jPerTh: number; poolFeePercent: number };
  counterpartyLabel: string;
  site: { name: string; region: string } | null;
  acceptedAt: string | null;
  activatedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  statements: Statement[];
}

const LINE_LABELS: Record<string, string> = {
  HOSTING_ENERGY: 'Hosted energy',
  ENERGY_PASS_THROUGH: 'Energy at cost',
  HOSTING_FEE: 'Hosting fee',
  CURTAILMENT_CREDIT: 'Curtailment beyond the allowance',
  DOWNTIME_CREDIT: 'Downtime below the uptime commitment',
  DEPOSIT_HELD: 'Deposit held',
  DEPOSIT_APPLIED: 'Deposit applied',
  CARRIED_CREDIT: 'Credit carried from last month',
};

const REASON_FIELDS: readonly FieldSpec[] = [{ name: 'reason', label: 'Reason', type: 'text', required: true, maxLength: 2000, help: 'Both parties see it.' }];
const OUTAGE_FIELDS: readonly FieldSpec[] = [
  { name: 'kind', label: 'Kind', type: 'select', required: true, options: ['CURTAILMENT', 'DOWNTIME'], help: 'Curtailment: taken by the offer’s pre-emptors (counts against the allowance). Downtime: anything else.' },
  { name: 'startsAt', label: 'Start (UTC)', type: 'text', required: true, placeholder: '2026-11-03T14:00:00Z' },
  { name: 'endsAt', label: 'End (UTC)', type: 'text', required: true, placeholder: '2026-11-03T18:00:00Z' },
  { name: 'note', label: 'Note', type: 'text', maxLength: 500 },
];

function StatementMoves({ deal, statement, writer }: { deal: Deal; statement: Statement; writer: boolean }) {
  if (!writer) return null;
  const month = statement.month.slice(0, 7);
  if (deal.role === 'HOST') {
    if (statement.status === 'DRAFT' || statement.status === 'DISPUTED') {
      return (
        <div className="actions" data-testid="statement-actions">
          {statement.status === 'DRAFT' && <ActionButton action={moveHostingStatement} fields={{ id: statement.id, move: 'issue' }} label="Issue statement" />}
          <ActionButton action={computeHostingStatement} fields={{ dealId: deal.id, month }} label="Recompute draft" variant="secondary" />
        </div>
      );
    }
    return null;
  }
  if (statement.status !== 'ISSUED') return null;
  return (
    <div data-testid="statement-actions">
      <div className="actions"><ActionButton action={moveHostingStatement} fields={{ id: statement.id, move: 'agree' }} label="Agree" /></div>
      <details>
        <summary>Dispute this statement</summary>
        <SpecForm fields={REASON_FIELDS} action={disputeHostingStatement} hidden={{ id: statement.id }} submitLabel="Dispute statement" />
      </details>
    </div>
  );
}

/** Where the agreed statement's money is: invoiced to the fleet, paid, and (to the host) its payout. */
function StatementBilling({ statement }: { statement: Statement }) {
  if (statement.status === 'AGREED') return <p className="muted" data-testid="statement-billing">Agreed: the fleet is invoiced its lines shortly.</p>;
  if (statement.status !== 'INVOICED' && statement.status !== 'PAID') return null;
  return (
    <p data-testid="statement-billing">
      {statement.invoicedAt ? <>Invoiced to the fleet {fmtInstant(statement.invoicedAt)}</> : <>Nothing to invoice</>}
      {statement.status === 'PAID' ? <> · paid {fmtInstant(statement.paidAt)}</> : <> · awaiting payment</>}
      {statement.payout && <> · your payout {fmtUsdCents(statement.payout.amountUsd)} ({statement.payout.status === 'PAID' ? 'transferred' : statement.payout.status === 'FAILED' ? 'transfer failed, retrying' : 'transfer pending'})</>}
    </p>
  );
}

function StatementCard({ deal, statement, writer }: { deal: Deal; statement: Statement; writer: boolean }) {
  return (
    <div className="card" data-testid="statement">
      <h2>Statement {statement.month.slice(0, 7)} <StatusBadge status={statement.status} /></h2>
      <p className="muted">
        {fmtNum(statement.meteredKwh / 1000, 3)} MWh metered
        {statement.issuedAt && <> · issued {fmtInstant(statement.issuedAt)}</>}
        {statement.status === 'ISSUED' && statement.autoAgreeAt && <> · agreed automatically {fmtInstant(statement.autoAgreeAt)} unless disputed</>}
        {statement.agreedAt && <> · agreed {fmtInstant(statement.agreedAt)} by {statement.agreedBy === 'system:dispute-window' ? 'the dispute window' : 'the fleet'}</>}
      </p>
      <StatementBilling statement={statement} />
      {statement.status === 'DISPUTED' && (
        <p className="form-error" data-testid="dispute-reason">Disputed {fmtInstant(statement.disputedAt)}: {statement.disputeReason}</p>
      )}
      <StatementMoves deal={deal} statement={statement} writer={writer} />
      <StatementTotals payer="Fleet" totalUsd={statement.tenantTotalUsd} feeUsd={statement.platformFeeUsd} payoutUsd={statement.hostPayoutUsd} />
      <StatementLinesTable lines={statement.lines} kindLabels={LINE_LABELS} totalLabel="Fleet total" totalUsd={statement.tenantTotalUsd} carryOutUsd={statement.tenantCarryOutUsd} />
    </div>
  );
}

function Statements({ deal, month, months, writer }: { deal: Deal; month: string | undefined; months: string[]; writer: boolean }) {
  if (!OPERATING.includes(deal.status)) return <div className="empty">Statements start once the host has activated the signed deal.</div>;
  if (!month) return <div className="empty">The deal starts on {fmtDate(deal.startDate)}: its first month appears here then.</div>;
  const statement = deal.statements.find((s) => s.month.slice(0, 7) === month);
  return (
    <>
      <form method="get" className="filters" data-testid="month-picker">
        <div className="field">
          <label htmlFor="month">Month</label>
          <select id="month" name="month" defaultValue={month}>
            {months.map((m) => <option key={m} value={m}>{m}{deal.statements.some((s) => s.month.startsWith(m)) ? '' : ' (no statement)'}</option>)}
          </select>
        </div>
        <button type="submit" className="secondary">Show</button>
      </form>
      {statement ? (
        <StatementCard deal={deal} statement={statement} writer={writer} />
      ) : (
        <div className="card" data-testid="statement">
          <h2>Statement {month}</h2>
          <div className="empty">No statement for {month} yet: the host computes a draft from the month’s readings and outages.</div>
          {writer && deal.role === 'HOST' && <ActionButton action={computeHostingStatement} fields={{ dealId: deal.id, month }} label="Compute draft now" />}
        </div>
      )}
    </>
  );
}

export default async function HostingDealPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ month?: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  const asked = (await searchParams).month;
  const { hostingDeal: deal } = await gql(HostingDealDocument, { id });
  const writer = canWrite(viewer);
  const now = new Date();
  const months = dealMonths(deal.startDate, deal.termMonths, now);
  const month = isMonth(asked) && months.includes(asked) ? asked : defaultMonth(months, now);
  const t = deal.terms;
  return (
    <>
      <p><Link href="/hosting/deals">← Hosting deals</Link></p>
      <h1>{deal.site?.name ?? deal.counterpartyLabel} <StatusBadge status={deal.status} /></h1>
      <p className="muted" data-testid="deal-parties">
        {deal.role === 'HOST' ? `You host ${deal.counterpartyLabel}’s fleet` : `${deal.counterpartyLabel} hosts your fleet`}{deal.site ? ` at ${deal.site.name} (${deal.site.region})` : ''}
      </p>
      <div className="card">
        <h2>Terms</h2>
        <dl className="facts">
          <dt>Power</dt><dd>{fmtMw(deal.mw)} ({fmtNum(t.contractedKw, 0)} kW contracted)</dd>
          <dt>Price</dt><dd data-testid="deal-price">{hostingPriceText(t)}</dd>
          <dt>Term</dt><dd>{deal.termMonths} months from {fmtDate(deal.startDate)}</dd>
          <dt>Curtailment allowed</dt><dd>{t.maxCurtailedHoursPerMonth} h a month (beyond it, hours are credited to the fleet)</dd>
          <dt>Uptime commitment</dt><dd>{t.uptimeCommitmentPct}%</dd>
          <dt>Credits valued at</dt><dd>{t.jPerTh} J/TH, pool fee {t.poolFeePercent}%</dd>
          <dt>Deposit</dt><dd>{t.depositUsd > 0 ? fmtUsdCents(t.depositUsd) : 'none'}</dd>
          <dt>Platform fee</dt><dd>{t.platformFeePct}% of the host’s charges</dd>
          <dt>Timeline</dt>
          <dd>
            proposed {fmtDate(deal.createdAt)} · accepted {fmtDate(deal.acceptedAt)} · signed by the host {fmtDate(deal.hostSignedAt)}, by the fleet {fmtDate(deal.fleetSignedAt)} · active{' '}
            {fmtDate(deal.activatedAt)}{deal.endedAt && <> · ended {fmtDate(deal.endedAt)}</>}
          </dd>
        </dl>
        {writer && <HostingDealActions deal={deal} />}
      </div>

      <h2>Monthly statements</h2>
      <Statements deal={deal} month={month} months={months} writer={writer} />

      {writer && deal.role === 'HOST' && deal.status === 'ACTIVE' && (
        <div className="card">
          <h2>Meter data</h2>
          <HostingReadingsUpload dealId={deal.id} send={recordHostingReadingsBatch} refresh={refreshHostingDeal} />
          <h3>Record an outage</h3>
          <SpecForm fields={OUTAGE_FIELDS} action={recordHostingOutage} hidden={{ dealId: deal.id }} submitLabel="Record outage" />
        </div>
      )}
    </>
  );
}
