import type { Metadata } from 'next';
import Link from 'next/link';
import { MeterReadingsUpload, PoolStatementsUpload } from '@/components/csv-upload';
import { AvailabilityCard, EventsTable, NoStatement, OperationsChart, RevisionsTable, StatementCard } from '@/components/operations';
import { StatusBadge } from '@/components/badges';
import { addMonths, agreedPue, dealMonths, defaultMonth, isMonth, operationsHours } from '@/lib/operations';
import { canWrite, gql, requireKind } from '@/lib/session';
import { recordPoolStatements, recordReadingsBatch, refreshOperations } from './actions';
import { CurtailmentEventsDocument, DealOperationsDocument, OperationsStatementDocument, MeterRevisionsDocument, MeterSeriesDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Deal operations' };

/** Deals in these states have an agreement, and ACTIVE / ENDED ones data. */
const OPERATING = ['SIGNED', 'ACTIVE', 'ENDED'];

export default async function DealOperationsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ month?: string }> }) {
  const viewer = await requireKind('MINER', 'TENANT');
  const { id } = await params;
  const asked = (await searchParams).month;
  const { deal, statements } = await gql(DealOperationsDocument, { id });
  const writer = canWrite(viewer);
  const header = (
    <>
      <p><Link href={`/deals/${deal.id}`}>← {deal.request.title}</Link></p>
      <h1>Operations <StatusBadge status={deal.status} /></h1>
      <p className="muted" data-testid="deal-parties">
        {deal.host.name} (host) ↔ {deal.tenant.name} (tenant) · {deal.mw} MW · you are the {deal.role === 'HOST' ? 'host' : 'tenant'}
      </p>
    </>
  );
  if (!OPERATING.includes(deal.status)) {
    return (
      <>
        {header}
        <div className="empty">Operations start once both parties have signed the deal.</div>
      </>
    );
  }
  const now = new Date();
  const months = dealMonths(deal.startDate, deal.termMonths, now);
  const month = isMonth(asked) && months.includes(asked) ? asked : defaultMonth(months, now);
  if (!month) {
    return (
      <>
        {header}
        <div className="empty">The deal starts on {deal.startDate}: its first month appears here then.</div>
      </>
    );
  }
  const [from, to] = [`${month}-01T00:00:00Z`, `${addMonths(month, 1)}-01T00:00:00Z`];
  const statementRow = statements.edges.map((e) => e.node).find((s) => s.month === month);
  const [{ meterSeries }, { curtailmentEvents }, { meterRevisions }, statement] = await Promise.all([
    gql(MeterSeriesDocument, { id, month }),
    gql(CurtailmentEventsDocument, { id, from, to }),
    gql(MeterRevisionsDocument, { id, from, to }),
    statementRow ? gql(OperationsStatementDocument, { id: statementRow.id }).then((r) => r.statement) : Promise.resolve(null),
  ]);
  const events = curtailmentEvents.edges.map((e) => e.node);
  const hours = operationsHours(meterSeries, events, deal.mw, agreedPue(deal.agreement?.inputs));
  const hasReadings = meterSeries.some((h) => h.aiItMw !== null || h.miningMw !== null);
  const side = deal.role;
  // An anonymous party has no id to name.
  const orgNames = Object.fromEntries([deal.host, deal.tenant].flatMap((o) => (o.id ? [[o.id, o.name]] : [])));
  return (
    <>
      {header}
      <form method="get" className="filters" data-testid="month-picker">
        <div className="field">
          <label htmlFor="month">Month</label>
          <select id="month" name="month" defaultValue={month}>
            {months.map((m) => (
              <option key={m} value={m}>{m}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">Show</button>
      </form>

      <div className="card">
        <h2>{month}: hour by hour</h2>
        {hasReadings ? <OperationsChart hours={hours} month={month} /> : <div className="empty" data-testid="no-readings">No readings for this month yet.</div>}
      </div>

      <AvailabilityCard availability={statement?.summary.availability ?? null} commitmentPct={deal.agreement?.terms.availabilityCommitmentPct ?? null} />

      {statement ? (
        <StatementCard dealId={deal.id} statement={statement} side={side} writer={writer} csvHref={`/deals/${deal.id}/operations/statements/${statement.id}/csv`} />
      ) : (
        <NoStatement dealId={deal.id} month={month} side={side} writer={writer} monthStarted={month <= now.toISOString().slice(0, 7)} />
      )}

      <div className="card">
        <h2>Curtailment and downtime</h2>
        <EventsTable events={events} canDispute={writer && side === 'TENANT'} />
        {(curtailmentEvents.totalCount ?? 0) > events.length && <p className="muted">The {events.length} latest of {curtailmentEvents.totalCount} events of the month.</p>}
      </div>

      <div className="card">
        <h2>Corrections</h2>
        <RevisionsTable revisions={meterRevisions.edges.map((e) => e.node)} total={meterRevisions.totalCount} orgNames={orgNames} />
      </div>

      {writer && side === 'HOST' && deal.status !== 'SIGNED' && (
        <div className="card">
          <h2>Upload</h2>
          <MeterReadingsUpload dealId={deal.id} send={recordReadingsBatch} refresh={refreshOperations} />
          {deal.hashpriceSource === 'POOL_STATEMENTS' ? (
            <PoolStatementsUpload dealId={deal.id} send={recordPoolStatements} refresh={refreshOperations} />
          ) : (
            <p className="muted">Backfill mining settles on the hashprice index (agreed at signing): no pool statements to upload.</p>
          )}
        </div>
      )}
    </>
  );
}
