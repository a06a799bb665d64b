// Trusted documents: the portal's and the SDK's operations, registered ahead in a manifest (sha256 of the
// exact text a client sends → that text; generated/trusted-documents.json, written by
// trusted-documents-manifest.ts), sent by id instead of text. A request by id skips Apollo's SHA-256 of
// the text (the id is the hash), and free text can be refused from callers who never need it.
//
// A request may name its document in either convention: GraphQL-over-HTTP's `{"documentId":
// "sha256:<hex>"}` or Apollo's `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}}`.
// Order matters, and is why this is a Fastify hook and not an Apollo plugin:
//   1. `resolve` (a preHandler) swaps a known id for its text, so the response cache reads the text
//      (a mutation by id still clears it; a public query by id is replayed like its text); an unknown id
//      is refused here, 400 PERSISTED_QUERY_NOT_FOUND, and nothing runs.
//   2. `forApollo`, just before Apollo, hands it the hash without the text: Apollo reads the text from
//      `apolloCache` (the manifest, read-only, so no text is ever registered) and finds the parsed and
//      validated document under the same hash as the text's, without hashing again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { type AuthHeaders, authHeadersOf } from '../auth/resolve-principal';

/** The committed manifest: every portal and SDK operation, by the hex SHA-256 of its text. */
export const TRUSTED_DOCUMENTS_FILE = join(__dirname, 'generated', 'trusted-documents.json');

/** Who may send an operation's text instead of a registered id (FREE_TEXT_OPERATIONS). */
export type FreeTextPolicy = 'everyone' | 'api-keys';

export interface TrustedDocumentsOptions {
  /** hex SHA-256 → document text. */
  documents: ReadonlyMap<string, string>;
  freeText: FreeTextPolicy;
  /** The caller (only asked about free text under `api-keys`); throws on bad credentials. */
  principalFor: (headers: AuthHeaders) => Promise<Principal | null>;
}

export function readTrustedDocuments(): Map<string, string> {
  return new Map(Object.entries(JSON.parse(readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8')) as Record<string, string>));
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The id a body names, as hex; undefined when it names none. `null`: it names one in a form we do not read. */
function idOf(body: Record<string, unknown>): string | null | undefined {
  const { documentId, extensions } = body;
  if (documentId !== undefined) return typeof documentId === 'string' && documentId.startsWith('sha256:') ? documentId.slice(7) : null;
  const persisted = typeof extensions === 'object' && extensions !== null ? (extensions as { persistedQuery?: unknown }).persistedQuery : undefined;
  if (persisted === undefined) return undefined;
  const { version, sha256Hash } = (persisted ?? {}) as { version?: unknown; sha256Hash?: unknown };
  return version === 1 && typeof sha256Hash === 'string' ? sha256Hash : null;
}

/** The body without its id (documentId, extensions.persistedQuery), other extensions kept. */
function withoutId(body: Record<string, unknown>): Record<string, unknown> {
  const { documentId: _documentId, extensions, ...rest } = body;
  if (typeof extensions !== 'object' || extensions === null) return rest;
  const { persistedQuery: _persistedQuery, ...others } = extensions as Record<string, unknown>;
  return Object.keys(others).length > 0 ? { ...rest, extensions: others } : rest;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send({ errors: [{ message, extensions: { code } }] });
}

const unknownId = (reply: FastifyReply) =>
  refuse(reply, 400, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound: no registered document has this id; send the document text instead.');

/** A GET parameter holding JSON (`extensions`), parsed; anything else as it came (Apollo refuses bad JSON itself). */
function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

export function createTrustedDocuments(options: TrustedDocumentsOptions) {
  const { documents } = options;
  // Requests that came by id, with the hash Apollo is to be handed.
  const byId = new WeakMap<FastifyRequest, string>();

  /** Apollo's persisted-query cache (keys arrive as `apq:<hash>`): the manifest, never written. */
  const apolloCache: KeyValueCache<string> = {
    async get(key) {
      return documents.get(key.slice(key.indexOf(':') + 1));
    },
    async set() {},
    async delete() {
      return false;
    },
  };

  /** Under `api-keys`, free text is for API keys only; bad credentials go on to be refused by the context. */
  async function mayUseFreeText(request: FastifyRequest): Promise<boolean> {
    if (options.freeText === 'everyone') return true;
    try {
      return (await options.principalFor(authHeadersOf(request.headers)))?.kind === 'apiKey';
    } catch {
      return true;
    }
  }

  const freeTextRefused = (reply: FastifyReply) =>
    refuse(reply, 403, 'TRUSTED_DOCUMENT_REQUIRED', 'Send a registered document by its id: document text is accepted from API keys only here (FREE_TEXT_OPERATIONS=api-keys).');

  return {
    apolloCache,

    /** A preHandler for /graphql: an id becomes its text, an unknown id or refused free text ends the request. */
    async resolve(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
      if (request.method === 'GET') {
        // Apollo reads GET parameters from the URL: a known hash there runs its registered query (GET never
        // mutates and is not replayed), an unknown one is refused as by POST; text obeys the policy.
        const { query, documentId, extensions } = (request.query ?? {}) as { query?: unknown; documentId?: unknown; extensions?: unknown };
        if (typeof query === 'string') return (await mayUseFreeText(request)) ? undefined : freeTextRefused(reply);
        const id = idOf({ documentId, extensions: parsedJson(extensions) });
        if (id !== undefined && !(typeof id === 'string' && documents.has(id))) return unknownId(reply);
        return undefined;
      }
      if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) return undefined;
      const body = request.body as Record<string, unknown>;
      const id = idOf(body);
      const text = typeof id === 'string' && HEX_SHA256.test(id) ? documents.get(id) : undefined;
      if (text !== undefined && (body.query === undefined || body.query === text)) {
        byId.set(request, id!);
        request.body = { ...withoutId(body), query: text };
        return undefined;
      }
      if (typeof body.query !== 'string') {
        if (id === undefined) return undefined; // Apollo answers BAD_REQUEST: neither text nor id.
        return unknownId(reply);
      }
      // Text, perhaps with an id it does not match (an APQ registration): the text is what runs, never registered.
      if (!(await mayUseFreeText(request))) return freeTextRefused(reply);
      if (id !== undefined) request.body = withoutId(body);
      return undefined;
    },

    /** Just before Apollo runs a request that came by id: the hash instead of the text, so it is not hashed again. */
    forApollo(request: FastifyRequest): void {
      const hash = byId.get(request);
      if (hash === undefined) return;
      const { query: _query, extensions, ...rest } = request.body as Record<string, unknown>;
      request.body = { ...rest, extensions: { ...(extensions as object | undefined), persistedQuery: { version: 1, sha256Hash: hash } } };
    },
  };
}
