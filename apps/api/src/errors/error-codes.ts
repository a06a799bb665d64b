// The one list of error codes a client can see in `extensions.code`: what each means and when the API
// uses it. The SDK's `ApiErrorCode` and the table in docs/api/README.md are generated from it
// (`npm run docs:sdl`; errors/publish-error-codes.test.ts fails while either is stale), and the error
// formatter passes exactly these codes through.

export interface ErrorCodeEntry {
  /** What the code tells a client, in a sentence. */
  meaning: string;
  /** When the API answers with it (HTTP status included when it is not 200). */
  when: string;
  /** `domain`: our services and resolvers raise it (a DomainError); `server`: the HTTP/GraphQL layer does. */
  raisedBy: 'domain' | 'server';
}

export const ERROR_CODES = {
  UNAUTHENTICATED: {
    meaning: 'No valid credentials.',
    when: 'No `authorization` header where one is needed, or a session or API key that is unknown, revoked, expired or malformed (HTTP 401 when the header itself is refused).',
    raisedBy: 'domain',
  },
  FORBIDDEN: {
    meaning: 'The caller is known but may not do this.',
    when: 'A role or API key scope that does not allow the operation, the wrong party of a deal, a suspended organisation (HTTP 403 when refused before execution).',
    raisedBy: 'domain',
  },
  NOT_FOUND: {
    meaning: 'No such object for this caller.',
    when: "A missing id, and also another organisation's object: the API never confirms it exists.",
    raisedBy: 'domain',
  },
  BAD_USER_INPUT: {
    meaning: 'The input is refused; nothing was written.',
    when: 'An argument or variable that breaks a rule: `extensions.field` names it (e.g. `input.totalMw`), `extensions.issues` lists every problem when there are several.',
    raisedBy: 'domain',
  },
  CONFLICT: {
    meaning: 'The request does not fit the current state; re-read and decide.',
    when: 'An illegal state move (with `extensions.currentStatus`), a duplicate, a concurrent change, capacity already taken.',
    raisedBy: 'domain',
  },
  BILLING_UNAVAILABLE: {
    meaning: 'Billing could not reach Stripe; nothing was changed.',
    when: 'A mutation that needs Stripe (plans, deal activation, invoices) while Stripe fails; try again shortly.',
    raisedBy: 'domain',
  },
  RATE_LIMITED: {
    meaning: 'Too many requests.',
    when: "Past the plan's requests per minute, or too many sign-in or sign-up attempts: HTTP 429 with `Retry-After` and `extensions.retryAfterSeconds`.",
    raisedBy: 'server',
  },
  SERVICE_UNAVAILABLE: {
    meaning: 'The database is busy; the same request may succeed in a moment.',
    when: 'Every database connection stayed in use for longer than a request waits for one (5 s): HTTP 503 with `Retry-After` and `extensions.retryAfterSeconds`. The transaction that waited never started, so a mutation answered so changed nothing: send it again after the wait.',
    raisedBy: 'server',
  },
  GRAPHQL_PARSE_FAILED: {
    meaning: 'The document is not valid GraphQL syntax.',
    when: 'A syntax error or a document past the token limit (HTTP 400).',
    raisedBy: 'server',
  },
  GRAPHQL_VALIDATION_FAILED: {
    meaning: 'The document does not fit the schema or the limits.',
    when: 'An unknown field or argument, or past the depth, alias, cost or directive limits (HTTP 400).',
    raisedBy: 'server',
  },
  BAD_REQUEST: {
    meaning: 'The HTTP request is not a GraphQL request.',
    when: 'A body without `query`, a wrong content type, a GET mutation, a missing CSRF header (HTTP 400).',
    raisedBy: 'server',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    meaning: 'No registered document has this id; nothing ran.',
    when: 'A `documentId` or `extensions.persistedQuery.sha256Hash` outside the trusted documents manifest (HTTP 400): send the document text instead (the SDK does).',
    raisedBy: 'server',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    meaning: 'This server runs no documents by id.',
    when: 'Not used by this API; an older one answers it to `extensions.persistedQuery`: send the document text instead (the SDK does).',
    raisedBy: 'server',
  },
  TRUSTED_DOCUMENT_REQUIRED: {
    meaning: 'Document text is refused from this caller; send a registered document by id.',
    when: 'With FREE_TEXT_OPERATIONS=api-keys (the production default): a `query` text from a person\'s session or an anonymous caller (HTTP 403). API keys may send any document.',
    raisedBy: 'server',
  },
  OPERATION_RESOLUTION_FAILURE: {
    meaning: 'The operation to run cannot be chosen.',
    when: '`operationName` names no operation of the document, or a document with several operations and no name.',
    raisedBy: 'server',
  },
  INTERNAL_SERVER_ERROR: {
    meaning: 'Something failed on our side.',
    when: 'Anything unexpected: a bare message, no detail; logged under the request id (`x-request-id`), which is worth quoting.',
    raisedBy: 'server',
  },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes a service may throw (as a DomainError); the others come from the transport. */
export type DomainErrorCode = { [C in ErrorCode]: (typeof ERROR_CODES)[C]['raisedBy'] extends 'domain' ? C : never }[ErrorCode];

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
