// Replays answers to public queries. A query whose root fields are all public (the answer is the same for
// every caller allowed to ask: searchCapacity reads only MarketplaceListing, which holds nothing
// tenant-specific) is run by Apollo once; the same request (query, variables, operation name, Accept) is
// then answered from memory to any caller who may ask it, after authentication and the rate limit, without
// Apollo's pipeline or the database. Entries go when a mutation commits in any API process or the worker
// reassesses sites (cache-invalidation.ts), else after the TTL (writes nobody announces: a SQL fix by hand).
// Why at all: at 100 concurrent searches Apollo's per-request pipeline alone tops out near 2,600 req/s on
// this machine, too few for a 25 ms p95 (docs/performance.md).
import { sha256 } from '@gridshare/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../auth/principal';
import { type AuthHeaders, authHeadersOf } from '../auth/resolve-principal';
import { type Permission, permits } from '../auth/authorize';

export const CACHE_STATUS_HEADER = 'x-gridshare-cache';

/** How long who-a-token-is is remembered here: the most an expired session may still read public answers. */
const CALLER_TTL_MS = 2_000;

type PublicOperation = { kind: 'public'; permissions: Permission[] };
type Operation = PublicOperation | { kind: 'mutation' } | { kind: 'other' };

/** A request the cache has looked at: replayable when public, an invalidation when a mutation. */
interface Ticket {
  operation: Operation;
  key: string;
  generation: number;
}

interface Answer {
  body: string;
  contentType: string;
}

export interface ResponseCacheOptions {
  ttlMs: number;
  maxBytes: number;
  /** Root fields whose answer does not depend on who asks, with what the caller needs to ask. */
  publicFields: Record<string, Permission>;
  /** The parser's token limit (the same as Apollo's). */
  maxTokens: number;
  principalFor: (headers: AuthHeaders) => Promise<Principal | null>;
  consumeRequest: (principal: Principal | null, ip: string) => Promise<void>;
}

/** The operation a document runs, as Apollo picks it: the named one, else the only one. */
function selectedOperation(query: string, operationName: string | undefined, maxTokens: number): OperationDefinitionNode | undefined {
  let definitions;
  try {
    definitions = parse(query, { maxTokens, noLocation: true }).definitions;
  } catch {
    return undefined;
  }
  const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === operationName);
}

function classify(query: string, operationName: string | undefined, options: ResponseCacheOptions): Operation {
  const operation = selectedOperation(query, operationName, options.maxTokens);
  if (!operation) return { kind: 'other' };
  if (operation.operation === 'mutation') return { kind: 'mutation' };
  if (operation.operation !== 'query' || operation.directives?.length) return { kind: 'other' };
  const permissions: Permission[] = [];
  for (const selection of operation.selectionSet.selections) {
    // Fragments and directives at the root could reach other fields or depend on variables: not replayed.
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return { kind: 'other' };
    if (selection.name.value === '__typename') continue;
    const permission = Object.hasOwn(options.publicFields, selection.name.value) ? options.publicFields[selection.name.value] : undefined;
    if (!permission) return { kind: 'other' };
    permissions.push(permission);
  }
  return permissions.length > 0 ? { kind: 'public', permissions } : { kind: 'other' };
}

/**
 * The JSON body of a GraphQL POST. `standard`: it holds only query, operationName and variables, the
 * only bodies whose answers are replayed; any other member (extensions, …) still runs, and a mutation
 * among them must still clear the cache, so the operation is classified whatever else the body holds.
 */
function graphqlBody(request: FastifyRequest): { query: string; operationName?: string; variables?: unknown; standard: boolean } | undefined {
  if (request.method !== 'POST' || typeof request.body !== 'object' || request.body === null) return undefined;
  const { query, operationName, variables, ...rest } = request.body as Record<string, unknown>;
  if (typeof query !== 'string') return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  return { query, operationName: operationName ?? undefined, variables, standard: Object.keys(rest).length === 0 };
}

/** The cache key's variables part; undefined when they cannot be serialised (too deep for the stack). */
function variablesKey(variables: unknown): string | undefined {
  try {
    return JSON.stringify(variables ?? null);
  } catch {
    return undefined;
  }
}

const errorFree = (body: string) => {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown; data?: unknown };
    return parsed.errors === undefined && parsed.data !== undefined && parsed.data !== null;
  } catch {
    return false;
  }
};

export function createResponseCache(options: ResponseCacheOptions) {
  let generation = 0;
  // Bounded by the text it holds, so hostile unique queries (up to the 100 KB document limit each) cannot grow it.
  const operations = new LRUCache<string, Operation>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (_operation, key) => key.length });
  const answers = new LRUCache<string, Answer>({
    maxSize: options.maxBytes,
    sizeCalculation: (answer, key) => answer.body.length + key.length,
    ttl: options.ttlMs,
  });
  // Keyed by a hash of the credentials, so no token sits in the heap longer than its request.
  const callers = new LRUCache<string, { principal: Principal | null }>({ max: 10_000, ttl: CALLER_TTL_MS });
  // Keys of public queries Apollo is answering now, with a promise settled when it has.
  const inFlight = new Map<string, Promise<void>>();

  async function caller(request: FastifyRequest): Promise<Principal | null> {
    const headers = authHeadersOf(request.headers);
    const key = sha256(`${headers.authorization ?? ''}\n${headers.orgId ?? ''}`);
    const known = callers.get(key);
    if (known) return known.principal;
    const principal = await options.principalFor(headers);
    callers.set(key, { principal });
    return principal;
  }

  /** What a request runs and its cache key; undefined for anything but a POST with a query (or with the cache off). */
  function ticketFor(request: FastifyRequest): Ticket | undefined {
    if (options.ttlMs <= 0) return undefined;
    const body = graphqlBody(request);
    if (!body) return undefined;
    const operationKey = `${body.operationName ?? ''}\n${body.query}`;
    let operation = operations.get(operationKey);
    if (!operation) operations.set(operationKey, (operation = classify(body.query, body.operationName, options)));
    if (operation.kind !== 'public') return { operation, key: '', generation };
    const variables = body.standard ? variablesKey(body.variables) : undefined;
    if (variables === undefined) return { operation: { kind: 'other' }, key: '', generation };
    return { operation, key: `${request.headers.accept ?? ''}\n${variables}\n${operationKey}`, generation };
  }

  /** Forgets every answer and every caller (something was written). */
  function invalidate() {
    generation += 1;
    answers.clear();
    callers.clear();
  }

  /** The remembered answer, when there is one and this caller may have it (else Apollo answers, or refuses). */
  async function replay(ticket: Ticket, operation: PublicOperation, request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
    const answer = answers.get(ticket.key);
    if (!answer) return undefined;
    try {
      const principal = await caller(request);
      if (!operation.permissions.every((permission) => permits(principal, permission))) return undefined;
      await options.consumeRequest(principal, request.ip);
    } catch {
      // A bad token or the rate limit: Apollo resolves the caller again and sends the typed error.
      return undefined;
    }
    void reply.header('content-type', answer.contentType).header(CACHE_STATUS_HEADER, 'hit');
    return answer.body;
  }

  /** After Apollo answered a public query: remembers a complete answer computed in an unchanged generation. */
  function remember(ticket: Ticket, reply: FastifyReply, body: unknown) {
    const contentType = reply.getHeader('content-type');
    // An answer computed while a mutation committed may predate it, so only one from an unchanged generation is kept.
    if (ticket.generation !== generation || reply.statusCode !== 200 || typeof body !== 'string' || typeof contentType !== 'string' || !errorFree(body)) return;
    answers.set(ticket.key, { body, contentType });
    void reply.header(CACHE_STATUS_HEADER, 'miss');
  }

  return {
    invalidate,

    /**
     * Answers one POST /graphql: replays a remembered public answer, else runs `run` (Apollo). Identical
     * public queries arriving while one runs wait for its answer instead of all running (when an entry
     * expires under load, one request goes to the database, not a hundred). `mutated`: clear the other
     * processes' caches before this answer leaves.
     */
    async answer(request: FastifyRequest, reply: FastifyReply, run: () => Promise<unknown>): Promise<{ body: unknown; mutated: boolean }> {
      const ticket = ticketFor(request);
      const operation = ticket?.operation;
      if (!ticket || operation?.kind !== 'public') {
        const body = await run();
        if (operation?.kind === 'mutation') invalidate();
        return { body, mutated: operation?.kind === 'mutation' };
      }
      const replayed = await replay(ticket, operation, request, reply);
      if (replayed !== undefined) return { body: replayed, mutated: false };
      const running = inFlight.get(ticket.key);
      if (running) {
        await running;
        const afterWait = await replay(ticket, operation, request, reply);
        if (afterWait !== undefined) return { body: afterWait, mutated: false };
      }
      let done = () => {};
      const leader = !running;
      if (leader) inFlight.set(ticket.key, new Promise<void>((resolve) => (done = resolve)));
      try {
        const body = await run();
        remember(ticket, reply, body);
        return { body, mutated: false };
      } finally {
        if (leader) {
          inFlight.delete(ticket.key);
          done();
        }
      }
    },
  };
}
