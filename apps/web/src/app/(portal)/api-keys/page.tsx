import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/action-button';
import { ApiKeyForm } from '@/components/api-key-form';
import { CodeSample } from '@/components/code-sample';
import { type Column, SortableTable } from '@/components/sortable-table';
import { API_URL } from '@/lib/api';
import { API_KEY_SCOPES } from '@/lib/api-scopes';
import { fmtDate } from '@/lib/format';
import { gql, requireViewer } from '@/lib/session';
import { createApiKey, revokeApiKey } from './actions';
import { ApiKeysDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'API keys' };


/** A first call with a key (scope capacity:read), to paste into a terminal. */
const CURL_SAMPLE = (url: string) =>
  `curl -s ${url} \\\n  -H 'content-type: application/json' \\\n  -H 'authorization: Bearer gsk_…' \\\n  -d '{"query":"{ searchCapacity(first: 5) { totalCount edges { node { mw priceUsdPerKwMonth site { region } } } } }"}'`;

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewer();
  // The API lets only admins and owners list or manage keys; others get an explanation, not an error.
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OWNER') {
    return (
      <>
        <h1>API keys</h1>
        <div className="empty">Only an organisation’s admins and owners manage API keys. Ask one of them for a key.</div>
      </>
    );
  }
  const data = await gql(ApiKeysDocument);
  const keys = data.apiKeys.edges.map((e) => e.node);
  const columns: Column<(typeof keys)[number]>[] = [
    { key: 'name', label: 'Name', cell: (k) => k.name, sortBy: (k) => k.name.toLowerCase() },
    { key: 'prefix', label: 'Prefix', cell: (k) => <code>{k.prefix}…</code> },
    { key: 'scopes', label: 'Scopes', cell: (k) => k.scopes.join(', ') },
    { key: 'created', label: 'Created', cell: (k) => fmtDate(k.createdAt), sortBy: (k) => k.createdAt },
    { key: 'used', label: 'Last used', cell: (k) => fmtDate(k.lastUsedAt), sortBy: (k) => k.lastUsedAt ?? '' },
    { key: 'state', label: 'State', cell: (k) => (k.revokedAt ? <span className="badge bad">revoked {fmtDate(k.revokedAt)}</span> : <span className="badge ok">active</span>), sortBy: (k) => (k.revokedAt ? 1 : 0) },
    { key: 'actions', label: '', cell: (k) => !k.revokedAt && <ActionButton action={revokeApiKey} fields={{ id: k.id }} label="Revoke" variant="danger" confirm={`Revoke “${k.name}”? Calls with it stop at once.`} /> },
  ];
  return (
    <>
      <h1>API keys</h1>
      <p className="muted">
        Partners and scripts call the same GraphQL API as this portal at <code>{API_URL}</code> with <code>Authorization: Bearer gsk_…</code>.
        Every type, field and argument is described in the <Link href="/api-docs">API docs</Link>, with the main flows as examples;
        events can be pushed to you through <Link href="/webhooks">webhooks</Link>.
      </p>
      <CodeSample code={CURL_SAMPLE(API_URL)} label="Copy command" />
      <div className="card">
        <h2>New key</h2>
        <ApiKeyForm scopes={API_KEY_SCOPES} action={createApiKey} />
      </div>
      {keys.length === 0 ? (
        <div className="empty">No API keys yet.</div>
      ) : (
        <SortableTable rows={keys} columns={columns} rowKey={(k) => k.id} rowTestId={() => 'api-key-row'} sort={{ path: '/api-keys', params: await searchParams }} totalLabel={(n) => `${n} keys`} />
      )}
    </>
  );
}
