// The parts of a deal's operations page, drawn on the server: the month's chart, availability, events,
// corrections and the statement with its lines, the data behind each, and model versus actual.
import { ActionButton } from './action-button';
import { StatusBadge } from './badges';
import { Legend, StackedHoursChart, type HourLayer } from './charts';
import { SpecForm } from './spec-form';
import { StatementLinesTable, StatementTotals } from './statement-lines';
import { fmtInstant, fmtNum, fmtUsdCents, label } from '@/lib/format';
import { CAUSES, CAUSE_COLOURS, LINE_KIND_LABELS, type OperationsHour } from '@/lib/operations';
import { disputeEvent, disputeStatement, moveStatement, recomputeStatement } from '@/app/(portal)/deals/[id]/operations/actions';
import type { DealRole } from '@/generated/graphql';

const REASON_FIELDS = [{ name: 'reason', label: 'Reason', type: 'text', required: true, help: '3-2,000 characters; both parties see it.' }] as const;

export type Side = DealRole;

export function OperationsChart({ hours, month }: { hours: readonly OperationsHour[]; month: string }) {
  const layers: HourLayer[] = [
    { label: 'AI IT MW', colour: 'var(--ai)', values: hours.map((h) => h.aiMw) },
    { label: 'Mining MW', colour: 'var(--mining)', values: hours.map((h) => h.miningMw) },
    { label: 'Idle reserved MW', colour: 'var(--idle)', values: hours.map((h) => h.idleMw) },
    ...CAUSES.filter((cause) => hours.some((h) => h.curtailedMw[cause] > 0)).map((cause) => ({
      label: `Curtailed: ${label(cause).toLowerCase()}`,
      colour: CAUSE_COLOURS[cause],
      values: hours.map((h) => h.curtailedMw[cause]),
    })),
  ];
  return (
    <div data-testid="operations-chart">
      <StackedHoursChart layers={layers} title={`Hourly AI, mining, idle and curtailed MW in ${month}`} dayStep={3} />
      <Legend items={layers} />
    </div>
  );
}

export interface Availability {
  pct: number;
  commitmentPct: number;
  unavailableHours: number;
  creditPct: number;
  byCause: { cause: string; hours: number }[];
}

export function AvailabilityCard({ availability, commitmentPct }: { availability: Availability | null; commitmentPct: number | null }) {
  return (
    <div className="card" data-testid="availability">
      <h2>Availability</h2>
      {availability ? (
        <>
          <p>
            <strong className={availability.pct + 1e-9 >= availability.commitmentPct ? 'good-figure' : 'bad-figure'}>{fmtNum(availability.pct, 3)}%</strong> against{' '}
            {fmtNum(availability.commitmentPct, 3)}% committed · {fmtNum(availability.unavailableHours, 2)} h unavailable
            {availability.creditPct > 0 ? ` · SLA credit ${fmtNum(availability.creditPct, 1)}% of colocation` : ' · no SLA credit'}
          </p>
          {availability.byCause.length > 0 && (
            <p className="muted">
              Events on the tenant’s power:{' '}
              {availability.byCause.map((c) => `${label(c.cause).toLowerCase()} ${fmtNum(c.hours, 2)} h`).join(' · ')} (only facility events, and planned
              maintenance beyond the allowance, count against the host; grid emergencies are force majeure)
            </p>
          )}
        </>
      ) : (
        <p className="muted">Computed with the month’s statement{commitmentPct !== null ? `; the commitment is ${fmtNum(commitmentPct, 3)}%` : ''}.</p>
      )}
    </div>
  );
}

export interface EventRow {
  id: string;
  cause: keyof typeof CAUSE_COLOURS;
  channel: string;
  startsAt: string;
  endsAt: string;
  mwAffected: number;
  paymentUsdPerMwh: number | null;
  note: string | null;
  status: string;
  disputeReason: string | null;
}

export function EventsTable({ events, canDispute }: { events: readonly EventRow[]; canDispute: boolean }) {
  if (events.length === 0) return <div className="empty">No curtailment or downtime recorded this month.</div>;
  return (
    <div className="table-wrap">
      <table data-testid="events">
        <thead>
          <tr><th>Cause</th><th>Channel</th><th>From</th><th>Until</th><th>MW</th><th>Status</th><th>Note</th>{canDispute && <th />}</tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td><span className="badge" style={{ background: CAUSE_COLOURS[event.cause], color: '#fff' }}>{label(event.cause)}</span></td>
              <td>{event.channel}</td>
              <td>{fmtInstant(event.startsAt)}</td>
              <td>{fmtInstant(event.endsAt)}</td>
              <td>{fmtNum(event.mwAffected)}{event.paymentUsdPerMwh !== null ? ` · $${fmtNum(event.paymentUsdPerMwh, 2)}/MWh` : ''}</td>
              <td><StatusBadge status={event.status} />{event.disputeReason && <div className="muted">{event.disputeReason}</div>}</td>
              <td>{event.note ?? ''}</td>
              {canDispute && (
                <td>
                  {event.status === 'RECORDED' && (
                    <details>
                      <summary>Dispute</summary>
                      <SpecForm fields={REASON_FIELDS} action={disputeEvent} hidden={{ id: event.id }} submitLabel="Dispute event" />
                    </details>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface RevisionRow {
  id: string;
  channel: string;
  intervalStart: string;
  oldKwh: number;
  newKwh: number;
  revisedBy: string;
  revisedByOrganizationId: string;
  revisedAt: string;
}

export function RevisionsTable({ revisions, total, orgNames }: { revisions: readonly RevisionRow[]; total: number; orgNames: Record<string, string> }) {
  if (revisions.length === 0) return <div className="empty">No reading of this month has been corrected.</div>;
  return (
    <>
      <div className="table-wrap">
        <table data-testid="revisions">
          <thead>
            <tr><th>Interval</th><th>Channel</th><th>Old kWh</th><th>New kWh</th><th>By</th><th>When</th></tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id}>
                <td>{fmtInstant(r.intervalStart)}</td>
                <td>{r.channel}</td>
                <td>{fmtNum(r.oldKwh, 3)}</td>
                <td>{fmtNum(r.newKwh, 3)}</td>
                <td>{orgNames[r.revisedByOrganizationId] ?? 'A metering partner'} <span className="muted">({r.revisedBy})</span></td>
                <td>{fmtInstant(r.revisedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > revisions.length && <p className="muted">The {revisions.length} latest of {total} corrections.</p>}
    </>
  );
}

interface Variance {
  forecastUsd: number;
  actualUsd: number;
  varianceUsd: number;
}

export interface StatementView {
  id: string;
  month: string;
  status: string;
  version: number;
  stale: boolean;
  tenantTotalUsd: number;
  platformFeeUsd: number;
  hostPayoutUsd: number;
  tenantCarryOutUsd: number;
  lines: { id: string; kind: string; description: string; amountUsd: number; adjustsMonth: string | null; detail: unknown }[];
  summary: {
    availability: Availability;
    energy: { aiItMwh: number; aiFacilityMwh: number; settledMiningMwh: number; unsettledMiningMwh: number; curtailedForDemandResponseMwh: number };
    backfill: { grossRevenueUsd: number; energyCostUsd: number; positiveNetUsd: number; lossHoursNetUsd: number; demandResponseIncomeUsd: number };
    missingHashpriceDays: string[];
    disputedEventIds: string[];
  };
  dataGaps: { channel: string; from: string; until: string; hours: number }[];
  forecast: { lines: ({ kind: string } & Variance)[]; tenantTotal: Variance; platformFee: Variance; hostPayout: Variance } | null;
  issuedAt: string | null;
  autoAgreeAt: string | null;
  agreedAt: string | null;
  agreedBy: string | null;
  disputedAt: string | null;
  disputeReason: string | null;
}

function StatementMoves({ dealId, statement, side, writer }: { dealId: string; statement: StatementView; side: Side; writer: boolean }) {
  if (!writer) return null;
  const move = (name: string, text: string) => <ActionButton action={moveStatement} fields={{ id: statement.id, move: name }} label={text} />;
  if (side === 'HOST') {
    return (
      <div className="actions" data-testid="statement-actions">
        {statement.status === 'DRAFT' && (
          <>
            {move('issue', 'Issue statement')}
            <ActionButton action={recomputeStatement} fields={{ dealId, month: statement.month }} label="Recompute draft" variant="secondary" />
          </>
        )}
        {(statement.status === 'DISPUTED' || (statement.status === 'ISSUED' && statement.stale)) && move('reissue', 'Re-issue statement')}
      </div>
    );
  }
  if (statement.status !== 'ISSUED') return null;
  return (
    <div data-testid="statement-actions">
      <div className="actions">{move('agree', 'Agree')}</div>
      <details>
        <summary>Dispute this statement</summary>
        <SpecForm fields={REASON_FIELDS} action={disputeStatement} hidden={{ id: statement.id }} submitLabel="Dispute statement" />
      </details>
    </div>
  );
}

function VarianceRow({ name, v }: { name: string; v: Variance }) {
  return (
    <tr>
      <td>{name}</td>
      <td className="num">{fmtUsdCents(v.forecastUsd)}</td>
      <td className="num">{fmtUsdCents(v.actualUsd)}</td>
      <td className={`num ${v.varianceUsd < 0 ? 'bad-figure' : ''}`}>{fmtUsdCents(v.varianceUsd)}</td>
    </tr>
  );
}

export function StatementCard({ dealId, statement, side, writer, csvHref }: { dealId: string; statement: StatementView; side: Side; writer: boolean; csvHref: string }) {
  const { summary } = statement;
  return (
    <div className="card" data-testid="statement">
      <h2>
        Statement {statement.month} <StatusBadge status={statement.status} /> {statement.version > 0 && <span className="muted">v{statement.version}</span>}
      </h2>
      <p className="muted">
        {statement.issuedAt && <>Issued {fmtInstant(statement.issuedAt)} · </>}
        {statement.status === 'ISSUED' && statement.autoAgreeAt && <>agreed automatically {fmtInstant(statement.autoAgreeAt)} unless disputed · </>}
        {statement.agreedAt && <>Agreed {fmtInstant(statement.agreedAt)} by {statement.agreedBy === 'system:dispute-window' ? 'the dispute window' : 'the tenant'} · </>}
        <a href={csvHref} download>Export CSV</a>
      </p>
      {statement.stale && <p className="form-error">Its data changed since it was computed: it is recomputed before it can be issued or agreed.</p>}
      {statement.status === 'DISPUTED' && (
        <p className="form-error" data-testid="dispute-reason">
          Disputed {fmtInstant(statement.disputedAt)}: {statement.disputeReason}
        </p>
      )}
      <StatementMoves dealId={dealId} statement={statement} side={side} writer={writer} />
      <StatementTotals payer="Tenant" totalUsd={statement.tenantTotalUsd} feeUsd={statement.platformFeeUsd} payoutUsd={statement.hostPayoutUsd} />
      <StatementLinesTable lines={statement.lines} kindLabels={LINE_KIND_LABELS} totalLabel="Tenant total" totalUsd={statement.tenantTotalUsd} carryOutUsd={statement.tenantCarryOutUsd} />
      <p className="muted">
        AI IT {fmtNum(summary.energy.aiItMwh)} MWh ({fmtNum(summary.energy.aiFacilityMwh)} MWh at the facility) · backfill {fmtNum(summary.energy.settledMiningMwh)} MWh in reserved power
        (gross {fmtUsdCents(summary.backfill.grossRevenueUsd)}, energy {fmtUsdCents(summary.backfill.energyCostUsd)}, positive net {fmtUsdCents(summary.backfill.positiveNetUsd)}) · demand response{' '}
        {fmtNum(summary.energy.curtailedForDemandResponseMwh)} MWh, {fmtUsdCents(summary.backfill.demandResponseIncomeUsd)}
      </p>
      {summary.missingHashpriceDays.length > 0 && <p className="form-error">No hashprice for {summary.missingHashpriceDays.join(', ')}: it cannot be issued until they are uploaded.</p>}
      {summary.disputedEventIds.length > 0 && <p className="muted">{summary.disputedEventIds.length} disputed event(s) count until they are withdrawn.</p>}
      {statement.dataGaps.length > 0 && (
        <p className="muted" data-testid="statement-gaps">
          Hours without complete readings (billed as nothing): {statement.dataGaps.map((gap) => `${gap.channel} ${fmtInstant(gap.from)} → ${fmtInstant(gap.until)} (${gap.hours} h)`).join('; ')}
        </p>
      )}
      <h3>Model versus actual</h3>
      {statement.forecast ? (
        <div className="table-wrap">
          <table data-testid="forecast">
            <thead>
              <tr><th>Line</th><th className="num">Agreed model</th><th className="num">Actual</th><th className="num">Variance</th></tr>
            </thead>
            <tbody>
              {statement.forecast.lines.map((v) => <VarianceRow key={v.kind} name={LINE_KIND_LABELS[v.kind] ?? label(v.kind)} v={v} />)}
              <VarianceRow name="Tenant total" v={statement.forecast.tenantTotal} />
              <VarianceRow name="Platform fee" v={statement.forecast.platformFee} />
              <VarianceRow name="Host payout" v={statement.forecast.hostPayout} />
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">The agreed scenario’s forecast could not be computed for this month.</p>
      )}
    </div>
  );
}

export function NoStatement({ dealId, month, side, writer, monthStarted }: { dealId: string; month: string; side: Side; writer: boolean; monthStarted: boolean }) {
  return (
    <div className="card" data-testid="statement">
      <h2>Statement {month}</h2>
      <div className="empty">
        No statement for {month} yet. {monthStarted ? 'The monthly run computes a draft once the month is over.' : 'The month has not started.'}
      </div>
      {writer && side === 'HOST' && monthStarted && (
        <p>
          <ActionButton action={recomputeStatement} fields={{ dealId, month }} label="Compute draft now" />
        </p>
      )}
    </div>
  );
}
