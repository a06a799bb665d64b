import type { Metadata } from 'next';
import { ActionButton } from '@/components/action-button';
import { StatusBadge } from '@/components/badges';
import { WebhookEndpointForm } from '@/components/webhook-endpoint-form';
import { fmtDate } from '@/lib/format';
import { gql, requireViewer } from '@/lib/session';
import { createWebhookEndpoint, deleteWebhookEndpoint, replayWebhookDelivery, sendWebhookTestEvent, setWebhookEndpointEnabled, updateWebhookEndpoint } from './actions';
import { WebhooksDocument } from '@/generated/graphql';
import { allOf } from '@/lib/enums';
import type { WebhookDeliveryStatus, WebhookEventType } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Webhooks' };

// The events offered here: the statement events are not (yet) on this page.
const EVENT_TYPES = ['MATCH_CREATED', 'DEAL_ACCEPTED', 'DEAL_SIGNED', 'CAPACITY_PUBLISHED', 'INVOICE_PAID'] as const satisfies readonly WebhookEventType[];
const STATUSES = allOf<WebhookDeliveryStatus>()('PENDING', 'DELIVERED', 'FAILED');
const PAGE = 20;

type Params = { endpoint?: string; status?: string; after?: string };

const minute = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireViewer();
  const p = await searchParams;
  const manages = viewer.role === 'ADMIN' || viewer.role === 'OWNER';
  const filter = Object.fromEntries(Object.entries({ endpointId: p.endpoint, status: STATUSES.find((s) => s === p.status) }).filter(([, v]) => v));
  const data = await gql(
    WebhooksDocument,
    { first: PAGE, after: p.after || undefined, filter },
  );
  const endpoints = data.webhookEndpoints.edges.map((e) => e.node);
  const deliveries = data.webhookDeliveries.edges.map((e) => e.node);
  const urlOf = new Map(endpoints.map((e) => [e.id, e.url]));
  const pageLink = (after?: string | null) => {
    const query = new URLSearchParams(Object.entries({ endpoint: p.endpoint, status: p.status, after: after ?? undefined }).filter((e): e is [string, string] => Boolean(e[1])));
    return `/webhooks?${query.toString()}#deliveries`;
  };
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        Gridshare POSTs your organisation’s events to these URLs, signed with HMAC-SHA256 in the <code>Gridshare-Signature</code> header
        (timestamp and body), and retries with exponential backoff. See <a href="/api-docs#webhooks">the API docs</a>.
      </p>
      {manages ? (
        <div className="card">
          <h2>New endpoint</h2>
          <WebhookEndpointForm eventTypes={EVENT_TYPES} action={createWebhookEndpoint} />
        </div>
      ) : (
        <div className="empty">Only an organisation’s admins and owners register or change endpoints.</div>
      )}
      <h2>Endpoints</h2>
      {endpoints.length === 0 ? (
        <div className="empty">No endpoint yet. Register one above to receive events.</div>
      ) : (
        endpoints.map((e) => (
          <div className="card" key={e.id} data-testid="webhook-endpoint">
            <div className="actions" style={{ justifyContent: 'space-between' }}>
              <div>
                <strong>{e.url}</strong> {e.enabled ? <span className="badge ok">enabled</span> : <span className="badge warn">disabled</span>}
                <div className="muted">
                  {e.description ? `${e.description} · ` : ''}secret <code>{e.secretPrefix}…</code> · since {fmtDate(e.createdAt)} · {e.eventTypes.join(', ')}
                </div>
              </div>
              {manages && (
                <div className="actions">
                  {e.enabled && <ActionButton action={sendWebhookTestEvent} fields={{ id: e.id }} label="Send test event" pendingLabel="Sending…" variant="secondary" />}
                  <ActionButton action={setWebhookEndpointEnabled} fields={{ id: e.id, enabled: String(!e.enabled) }} label={e.enabled ? 'Disable' : 'Enable'} variant="secondary" />
                  <ActionButton action={deleteWebhookEndpoint} fields={{ id: e.id }} label="Delete" variant="danger" confirm={`Delete ${e.url} and its deliveries?`} />
                </div>
              )}
            </div>
            {manages && (
              <details>
                <summary>Edit</summary>
                <WebhookEndpointForm eventTypes={EVENT_TYPES} action={updateWebhookEndpoint} endpoint={e} />
              </details>
            )}
          </div>
        ))
      )}
      <h2 id="deliveries">Deliveries</h2>
      <form className="filters" action="/webhooks#deliveries">
        <div className="field">
          <label htmlFor="endpoint">Endpoint</label>
          <select id="endpoint" name="endpoint" defaultValue={p.endpoint ?? ''}>
            <option value="">All</option>
            {endpoints.map((e) => <option key={e.id} value={e.id}>{e.url}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={p.status ?? ''}><option value="">All</option>{STATUSES.map((s) => <option key={s}>{s}</option>)}</select>
        </div>
        <button type="submit" className="secondary">Filter</button>
      </form>
      {deliveries.length === 0 ? (
        <div className="empty">No deliveries{Object.keys(filter).length ? ' match' : ' yet: they appear when an event you subscribe to happens'}.</div>
      ) : (
        <div className="table-wrap">
          <table data-testid="webhook-deliveries">
            <thead><tr><th>Event (UTC)</th><th>Type</th><th>Endpoint</th><th>Status</th><th className="num">Attempts</th><th>Last error</th><th>Next attempt</th><th /></tr></thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{minute(d.createdAt)}{d.replayOfId && <div className="muted">replay</div>}</td>
                  <td><code>{d.eventType}</code></td>
                  <td className="muted" style={{ maxWidth: 220, overflowWrap: 'anywhere' }}>{urlOf.get(d.endpointId) ?? d.endpointId.slice(0, 8)}</td>
                  <td><StatusBadge status={d.status} /></td>
                  <td className="num">{d.attempts} / {d.maxAttempts}</td>
                  <td className="muted" style={{ maxWidth: 280, overflowWrap: 'anywhere' }}>{d.lastError ? `${d.lastStatusCode ?? '—'} ${d.lastError}` : '—'}</td>
                  <td>{d.status === 'PENDING' ? minute(d.nextAttemptAt) : '—'}</td>
                  <td>{manages && d.status !== 'PENDING' && <ActionButton action={replayWebhookDelivery} fields={{ id: d.id }} label="Replay" variant="secondary" />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="actions muted">
        {data.webhookDeliveries.totalCount} deliveries{p.after && <a href={pageLink()}>First page</a>}
        {data.webhookDeliveries.pageInfo.hasNextPage && <a href={pageLink(data.webhookDeliveries.pageInfo.endCursor)}>Next page</a>}
      </p>
    </>
  );
}
