// The partner API's reference, generated at build time from the published SDL and example operations in
// docs/api (the same files the SDK is generated from). Static: no API call, no session, no network.
import { join } from 'node:path';
import type { Metadata } from 'next';
import Link from 'next/link';
import { API_ERROR_CODES } from '@gridshare/sdk';
import type { DocArgument, DocField, DocType } from '@gridshare/sdk/schema-docs';
import { loadSchemaDocs } from '@gridshare/sdk/schema-docs-files';
import { CodeSample } from '@/components/code-sample';
import { DocsSearch } from '@/components/docs-search';

export const metadata: Metadata = { title: 'API docs' };
export const dynamic = 'force-static';

// `next build` and `next start` run in apps/web.
const docs = loadSchemaDocs(join(process.cwd(), '..', '..', 'docs', 'api'));
const typeNames = new Set(docs.types.map((t) => t.name));

function TypeLink({ text, named }: { text: string; named: string }) {
  return typeNames.has(named) ? <a href={`#${named}`}><code>{text}</code></a> : <code>{text}</code>;
}

function Args({ args }: { args: DocArgument[] }) {
  if (args.length === 0) return null;
  return (
    <ul className="doc-args">
      {args.map((a) => (
        <li key={a.name}>
          <code>{a.name}</code>: <TypeLink {...a.type} />
          {a.defaultValue !== null && <> = <code>{a.defaultValue}</code></>} <span className="muted">{a.description}</span>
        </li>
      ))}
    </ul>
  );
}

function FieldDoc({ field }: { field: DocField }) {
  const search = [field.coordinate, field.description, field.type.text, ...field.args.map((a) => `${a.name} ${a.description}`)].join(' ');
  return (
    <div className="doc-field" id={field.coordinate} data-doc={search} data-testid="doc-field">
      <div>
        <a href={`#${field.coordinate}`}><code className="doc-name">{field.name}</code></a>: <TypeLink {...field.type} />
        {field.deprecationReason && <span className="badge warn">deprecated: {field.deprecationReason}</span>}
      </div>
      <p>{field.description}</p>
      <Args args={field.args} />
      {field.examples.length > 0 && (
        <p className="muted">Example: {field.examples.map((name) => <a key={name} href={`#example-${name}`}>{name} </a>)}</p>
      )}
    </div>
  );
}

function TypeDoc({ type }: { type: DocType }) {
  const search = [type.name, type.description, ...type.fields.map((f) => `${f.name} ${f.description}`), ...type.enumValues.map((v) => `${v.name} ${v.description}`)].join(' ');
  return (
    <section className="card" id={type.name} data-doc={search}>
      <h3>
        <a href={`#${type.name}`}>{type.name}</a> <span className="badge">{type.kind.replace('_', ' ').toLowerCase()}</span>
      </h3>
      <p>{type.description}</p>
      {type.fields.map((f) => <FieldDoc key={f.coordinate} field={f} />)}
      {type.enumValues.length > 0 && (
        <ul className="doc-args">
          {type.enumValues.map((v) => <li key={v.name}><code>{v.name}</code> <span className="muted">{v.description}</span></li>)}
        </ul>
      )}
      {type.possibleTypes.length > 0 && <p>One of: {type.possibleTypes.map((t) => <TypeLink key={t} text={t} named={t} />)}</p>}
    </section>
  );
}

/** The registry's texts mark code with backticks, as in docs/api/README.md. */
const withCode = (text: string) => text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));

export default function ApiDocsPage() {
  return (
    <main className="content docs">
      <p><Link href="/">← Portal</Link> · <Link href="/api-keys">API keys</Link> · <Link href="/webhooks">Webhooks</Link></p>
      <h1>Gridshare API</h1>
      <p>
        One GraphQL endpoint, <code>POST /graphql</code>, serves this portal and partners alike. Send <code>Authorization: Bearer gsk_…</code> (an API
        key from the API keys page; it can do exactly its scopes). Every error carries <code>extensions.code</code> (<a href="#errors">codes</a>;{' '}
        <code>BAD_USER_INPUT</code> names the field in <code>extensions.field</code>). Lists are Relay connections: <code>first</code> and <code>after</code> = <code>pageInfo.endCursor</code>.
      </p>
      <h2 id="errors">Error codes</h2>
      <dl>
        {API_ERROR_CODES.map((e) => (
          <div key={e.code}>
            <dt><code>{e.code}</code></dt>
            <dd>{withCode(`${e.meaning} ${e.when}`)}</dd>
          </div>
        ))}
      </dl>
      <p id="webhooks">
        Webhooks: register endpoints on the Webhooks page (or with <a href="#Mutation.createWebhookEndpoint"><code>createWebhookEndpoint</code></a>).
        Each delivery is a POST signed with HMAC-SHA256 of the timestamp and the body in <code>Gridshare-Signature</code>; use{' '}
        <code>Gridshare-Event-Id</code> to ignore the duplicates that retries and replays can bring.
      </p>
      <nav className="actions"><a href="#examples">Main flows</a><a href="#queries">Queries</a><a href="#mutations">Mutations</a><a href="#types">Types</a></nav>
      <DocsSearch />
      <h2 id="examples">Main flows</h2>
      {docs.examples.map((e, i) => (
        <section className="card" key={e.name} id={`example-${e.name}`} data-doc={`${e.name} ${e.description} ${e.rootFields.join(' ')}`}>
          <h3>{i + 1}. <a href={`#example-${e.name}`}>{e.name}</a> <span className="badge">{e.kind}</span></h3>
          <p>{e.description}</p>
          <CodeSample code={e.operation} label="Copy operation" />
          {e.variables && <><p className="muted">Variables</p><CodeSample code={JSON.stringify(e.variables, null, 2)} label="Copy variables" /></>}
          <p className="muted">Calls {e.rootFields.map((c) => <a key={c} href={`#${c}`}><code>{c}</code> </a>)}</p>
        </section>
      ))}
      <h2 id="queries">Queries</h2>
      <section className="card">{docs.queries.map((f) => <FieldDoc key={f.coordinate} field={f} />)}</section>
      <h2 id="mutations">Mutations</h2>
      <section className="card">{docs.mutations.map((f) => <FieldDoc key={f.coordinate} field={f} />)}</section>
      <h2 id="types">Types</h2>
      {docs.types.map((t) => <TypeDoc key={t.name} type={t} />)}
    </main>
  );
}
