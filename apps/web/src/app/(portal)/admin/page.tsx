import type { Metadata } from 'next';
import { describeAction, describeActor, describeChanges } from '@/lib/audit-format';
import { ActionButton } from '@/components/action-button';
import { AnchorTabs } from '@/components/anchor-tabs';
import { StatusBadge } from '@/components/badges';
import { AdminSettlement, feeWindow } from '@/components/admin-settlement';
import { InvoiceTable, PayoutTable } from '@/components/billing-tables';
import { ColumnChart } from '@/components/charts';
import { type Column, SortableTable } from '@/components/sortable-table';
import { SuspendForm } from '@/components/suspend-form';
import { GridshareError } from '@gridshare/sdk';
import { ORG_KINDS } from '@/lib/enums';
import { fmtDate, fmtInstant, fmtMw, fmtPct, fmtUsd, label } from '@/lib/format';
import { gql, requireKind } from '@/lib/session';
import { reinstateOrganization, retryPayout, suspendOrganization, verify } from './actions';
import { AdminAuditLogDocument, AdminBillingDocument, AdminFeeIncomeDocument, AdminOrganizationsDocument, MarketplaceStatsDocument, VerificationQueueDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Admin' };

function monthsAround(today: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 6, 1));
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 18, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

type Params = { kind?: string; status?: string; q?: string; auditOrg?: string; auditAction?: string; auditEntity?: string; auditFrom?: string; auditTo?: string };

/** The audit filters from the URL; empty fields are left out (the API refuses empty strings). */
function auditFilter(p: Params) {
  const filter = { organizationId: p.auditOrg, action: p.auditAction?.trim(), entityType: p.auditEntity?.trim(), from: p.auditFrom, to: p.auditTo };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireKind('PLATFORM');
  const p = await searchParams;
  const range = monthsAround(new Date());
  const filter = {
    kind: ORG_KINDS.find((k) => k === p.kind),
    status: p.status === 'SUSPENDED' || p.status === 'ACTIVE' ? p.status : undefined,
    search: p.q?.trim() || undefined,
  };
  const audit = gql(
    AdminAuditLogDocument,
    { filter: auditFilter(p) },
  ).then(
    (data) => ({ data, refusal: null }),
    (error: unknown) => {
      // A bad filter (e.g. from after to) is shown above the log, not as an error page.
      if (!(error instanceof GridshareError) || error.code !== 'BAD_USER_INPUT') throw error;
      return { data: null, refusal: error.message };
    },
  );
  const [stats, queue, orgs, auditLog, billing, fees] = await Promise.all([
    gql(
      MarketplaceStatsDocument,
      range,
    ),
    gql(
      VerificationQueueDocument,
    ),
    gql(
      AdminOrganizationsDocument,
      { filter },
    ),
    audit,
    gql(
      AdminBillingDocument,
    ),
    gql(
      AdminFeeIncomeDocument,
      feeWindow(new Date()),
    ),
  ]);
  const orgRows = orgs.adminOrganizations.edges.map((e) => e.node);
  const orgColumns: Column<(typeof orgRows)[number]>[] = [
    { key: 'name', label: 'Name', cell: (o) => o.name, sortBy: (o) => o.name.toLowerCase() },
    { key: 'kind', label: 'Kind', cell: (o) => label(o.kind), sortBy: (o) => o.kind },
    { key: 'status', label: 'Status', cell: (o) => <StatusBadge status={o.status} />, sortBy: (o) => o.status },
    { key: 'verification', label: 'Verification', cell: (o) => label(o.verification), sortBy: (o) => o.verification },
    { key: 'members', label: 'Members', numeric: true, cell: (o) => o.memberCount, sortBy: (o) => o.memberCount },
    { key: 'sites', label: 'Sites', numeric: true, cell: (o) => o.siteCount, sortBy: (o) => o.siteCount },
    {
      key: 'actions',
      label: '',
      cell: (o) =>
        o.kind === 'PLATFORM' ? null : o.status === 'ACTIVE' ? (
          <details className="menu">
            <summary>Actions</summary>
            <div className="menu-body"><SuspendForm id={o.id} name={o.name} action={suspendOrganization} /></div>
          </details>
        ) : (
          <ActionButton action={reinstateOrganization} fields={{ id: o.id }} label="Reinstate" variant="secondary" />
        ),
    },
  ];
  // Settled revenue: what agreed statements of the last 12 months bill tenants, and the platform's fee in it.
  const billed = fees.adminSettlement.feeIncome.reduce((sum, m) => sum + m.tenantTotalUsd, 0);
  const feeTotal = fees.adminSettlement.feeIncome.reduce((sum, m) => sum + m.platformFeeUsd, 0);
  const failedPayments = billing.adminBilling.failedPayments;
  const failedPayouts = billing.adminBilling.failedPayouts;
  const payoutOrg = new Map(failedPayouts.map((f) => [f.payout.id, f.organizationName]));
  const invoiceOrg = new Map(failedPayments.map((f) => [f.invoice.id, f.organizationName]));
  const s = stats.marketplaceStats;
  const queueOrgs = queue.verificationQueue.organizations.edges.map((e) => e.node);
  const queueSites = queue.verificationQueue.sites.edges.map((e) => e.node);
  const decide = (id: string, kind: 'site' | 'org') => (
    <div className="actions">
      <ActionButton action={verify} fields={{ id, kind, decision: 'VERIFIED' }} label="Verify" />
      <details className="menu">
        <summary>More</summary>
        <div className="menu-body">
          <ActionButton action={verify} fields={{ id, kind, decision: 'REJECTED' }} label="Reject" variant="danger" confirm="Reject this verification? Its listings stay out of search." />
        </div>
      </details>
    </div>
  );
  return (
    <>
      <h1>Platform dashboard</h1>
      <AnchorTabs
        label="Admin sections"
        tabs={[
          { id: 'overview', label: 'Overview' },
          { id: 'verification', label: 'Verification' },
          { id: 'billing', label: 'Payments and payouts' },
          { id: 'settlement', label: 'Settlement' },
          { id: 'organisations', label: 'Organisations' },
          { id: 'audit', label: 'Audit log' },
        ]}
      >
        <section id="overview" className="tab-panel">
          <div className="cards" data-testid="kpis">
            <div className="kpi"><div className="label">MW listed</div><div className="value">{fmtMw(s.listed.totalMw)}</div></div>
            <div className="kpi"><div className="label">MW requested</div><div className="value">{fmtMw(s.requested.totalMw)}</div></div>
            <div className="kpi"><div className="label">MW under deal</div><div className="value">{fmtMw(s.underDeal.totalMw)}</div></div>
            <div className="kpi"><div className="label">Billed to tenants, 12 months</div><div className="value">{fmtUsd(billed)}</div></div>
            <div className="kpi"><div className="label">Platform fees, 12 months</div><div className="value">{fmtUsd(feeTotal)}</div></div>
            <div className="kpi"><div className="label">Fee share of billing</div><div className="value">{billed > 0 ? fmtPct(feeTotal / billed) : '—'}</div></div>
            <div className="kpi"><div className="label">Awaiting verification</div><div className="value">{queue.verificationQueue.organizations.totalCount + queue.verificationQueue.sites.totalCount}</div></div>
          </div>
          <div className="row">
            <div className="card"><h2>MW listed by region</h2><ColumnChart bars={s.listed.byRegion.map((r) => ({ label: r.region, value: r.mw }))} title="MW listed by region" unit=" MW" /></div>
            <div className="card"><h2>MW requested by region</h2><ColumnChart bars={s.requested.byRegion.map((r) => ({ label: r.region, value: r.mw }))} title="MW requested by region" colour="var(--mining)" unit=" MW" /></div>
          </div>
          <div className="row">
            <div className="card"><h2>MW listed by month available</h2><ColumnChart bars={s.listed.byMonth.map((m) => ({ label: m.month, value: m.mw }))} title="MW listed by month" unit=" MW" /></div>
            <div className="card"><h2>MW under deal by month</h2><ColumnChart bars={s.underDeal.byMonth.map((m) => ({ label: m.month, value: m.mw }))} title="MW under deal by month" colour="var(--ok)" unit=" MW" /></div>
          </div>
        </section>
        <section id="verification" className="tab-panel">
          <h2>Verification queue</h2>
          <div className="row" data-testid="verification-queue">
            <div>
              {queueOrgs.length === 0 ? <div className="empty">No organisation waiting.</div> : (
                <div className="table-wrap"><table>
                  <thead><tr><th>Organisation</th><th>Kind</th><th>Since</th><th /></tr></thead>
                  <tbody>{queueOrgs.map((o) => <tr key={o.id}><td>{o.name}</td><td>{label(o.kind)}</td><td>{fmtDate(o.createdAt)}</td><td>{decide(o.id, 'org')}</td></tr>)}</tbody>
                </table></div>
              )}
            </div>
            <div>
              {queueSites.length === 0 ? <div className="empty">No site waiting.</div> : (
                <div className="table-wrap"><table>
                  <thead><tr><th>Site</th><th>Owner</th><th className="num">MW</th><th /></tr></thead>
                  <tbody>{queueSites.map((q) => <tr key={q.id}><td>{q.name}<div className="muted">{q.region}, {q.country}</div></td><td>{q.organization.name}</td><td className="num">{fmtMw(q.energizedMw)}</td><td>{decide(q.id, 'site')}</td></tr>)}</tbody>
                </table></div>
              )}
            </div>
          </div>
        </section>
        <section id="billing" className="tab-panel" data-testid="admin-billing">
          <h2>Failed payments and payouts</h2>
          <h3>Payments</h3>
          {failedPayments.length === 0 ? <div className="empty">No failed payment.</div> : (
            <InvoiceTable invoices={failedPayments.map((f) => f.invoice)} extra={{ head: 'Organisation', cell: (i) => invoiceOrg.get(i.id) }} testId="failed-payments" />
          )}
          <h3>Payouts</h3>
          {failedPayouts.length === 0 ? <div className="empty">No failed payout.</div> : (
            <PayoutTable
              payouts={failedPayouts.map((f) => f.payout)}
              extra={{ head: 'Host', cell: (p) => payoutOrg.get(p.id) }}
              after={{ head: '', cell: (p) => <ActionButton action={retryPayout} fields={{ id: p.id }} label="Retry payout" pendingLabel="Retrying…" /> }}
              testId="failed-payouts"
            />
          )}
        </section>
        <section id="settlement" className="tab-panel">
          <AdminSettlement />
        </section>
        <section id="organisations" className="tab-panel">
          <h2>Organisations</h2>
          <form className="filters" action="/admin#organisations">
            <div className="field"><label htmlFor="q">Name</label><input id="q" name="q" defaultValue={p.q ?? ''} /></div>
            <div className="field"><label htmlFor="kind">Kind</label><select id="kind" name="kind" defaultValue={filter.kind ?? ''}><option value="">All</option>{ORG_KINDS.map((k) => <option key={k}>{k}</option>)}</select></div>
            <div className="field"><label htmlFor="status">Status</label><select id="status" name="status" defaultValue={filter.status ?? ''}><option value="">All</option><option>ACTIVE</option><option>SUSPENDED</option></select></div>
            <button type="submit" className="secondary">Filter</button>
          </form>
          <SortableTable rows={orgRows} columns={orgColumns} rowKey={(o) => o.id} testId="organisations" sort={{ path: '/admin', params: p, panel: 'organisations' }} />
          <p className="muted">{orgs.adminOrganizations.totalCount} organisations</p>
        </section>
        <section id="audit" className="tab-panel">
          <h2>Audit log</h2>
          <form className="filters" action="/admin#audit">
            <div className="field">
              <label htmlFor="auditOrg">Organisation</label>
              <select id="auditOrg" name="auditOrg" defaultValue={p.auditOrg ?? ''}>
                <option value="">All</option>
                {orgs.adminOrganizations.edges.map(({ node: o }) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </div>
            <div className="field"><label htmlFor="auditAction">Action starts with</label><input id="auditAction" name="auditAction" placeholder="site." defaultValue={p.auditAction ?? ''} /></div>
            <div className="field"><label htmlFor="auditEntity">Object type</label><input id="auditEntity" name="auditEntity" placeholder="Deal" defaultValue={p.auditEntity ?? ''} /></div>
            <div className="field"><label htmlFor="auditFrom">From</label><input id="auditFrom" name="auditFrom" type="date" defaultValue={p.auditFrom ?? ''} /></div>
            <div className="field"><label htmlFor="auditTo">To</label><input id="auditTo" name="auditTo" type="date" defaultValue={p.auditTo ?? ''} /></div>
            <button type="submit" className="secondary">Filter log</button>
          </form>
          {auditLog.refusal && <p className="form-error" role="alert">{auditLog.refusal}</p>}
          {auditLog.data && (auditLog.data.adminAuditLog.edges.length === 0 ? (
            <div className="empty">No audit lines match.</div>
          ) : (
            <div className="table-wrap">
              <table data-testid="audit-log">
                <thead><tr><th>When</th><th>Organisation</th><th>Action</th><th>Object</th><th>Actor</th><th>Changes</th></tr></thead>
                <tbody>
                  {auditLog.data.adminAuditLog.edges.map(({ node: a }) => (
                    <tr key={a.id}>
                      <td>{fmtInstant(a.createdAt)}</td>
                      {/* A plain link: the tab opens by the #fragment (CSS :target), which client-side navigation would not update. */}
                      <td><a href={`/admin?auditOrg=${a.organization.id}#audit`} title="This organisation's lines only">{a.organization.name}</a></td>
                      <td title={a.action}>{describeAction(a.action)}</td>
                      <td>{a.entityType} <span className="muted">{a.entityId.slice(0, 8)}</span></td>
                      <td>{a.actorName ?? describeActor(a.actor, new Map())}</td>
                      <td className="muted" style={{ maxWidth: 360, overflowWrap: 'anywhere' }}>{describeChanges(a.changes) || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {auditLog.data && <p className="muted">{auditLog.data.adminAuditLog.totalCount} lines match{auditLog.data.adminAuditLog.totalCount > 30 ? ' (newest 30 shown)' : ''}</p>}
        </section>
      </AnchorTabs>
    </>
  );
}
