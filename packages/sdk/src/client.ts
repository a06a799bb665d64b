// A small fetch-based client for the Gridshare API: typed operations in, typed data or a typed error out.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { sendDocument } from './documents';
import type { ApiErrorCode } from './generated/error-codes';

/** `extensions.code` of an API error (generated from the API's registry), plus the client's own codes for failures outside GraphQL. */
export type GridshareErrorCode =
  | ApiErrorCode
  /** No answer: connection refused, DNS, timeout. */
  | 'NETWORK_ERROR'
  /** An answer that is not a GraphQL response (a proxy's HTML page, for example). */
  | 'BAD_RESPONSE';

export interface GraphQLErrorBody {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number; [key: string]: unknown };
}

/** One of several problems an input was refused for (`extensions.issues`: a batch's rows, CSV lines). */
export interface ErrorIssue {
  field: string;
  message: string;
  /** CSV text: the line (1-based) and column at fault. */
  line?: number;
  column?: string;
}

/** The first error of a response, with every error of it in `errors`. */
export class GridshareError extends Error {
  override readonly name = 'GridshareError';
  readonly code: GridshareErrorCode;
  /** For BAD_USER_INPUT: the input field at fault, e.g. `input.totalMw`. */
  readonly field: string | undefined;
  /** For BAD_USER_INPUT with several problems: every one of them, the first being `field`'s. */
  readonly issues: readonly ErrorIssue[];
  /** For RATE_LIMITED: seconds until the limit resets (also the Retry-After header). */
  readonly retryAfterSeconds: number | undefined;
  /** The API's x-request-id for this request: quote it when asking for support. */
  readonly requestId: string | undefined;

  constructor(
    message: string,
    code: GridshareErrorCode,
    readonly status: number,
    readonly errors: readonly GraphQLErrorBody[] = [],
    requestId?: string,
  ) {
    super(message);
    this.code = code;
    const extensions = errors[0]?.extensions;
    this.field = typeof extensions?.field === 'string' ? extensions.field : undefined;
    this.issues = Array.isArray(extensions?.issues) ? (extensions.issues as ErrorIssue[]) : [];
    this.retryAfterSeconds = typeof extensions?.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : undefined;
    this.requestId = requestId;
  }
}

/** The error a GraphQL response with `errors` stands for: the first error's message and code, all of them kept. */
export function errorOfResponse(errors: readonly GraphQLErrorBody[], status: number, requestId?: string): GridshareError {
  const first = errors[0];
  const code = (first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR') as GridshareErrorCode;
  return new GridshareError(first?.message ?? `Gridshare API answered ${status} with an error`, code, status, errors, requestId);
}

export interface GridshareClientOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** A partner API key (`gsk_…`) or a person's session token; sent as `authorization: Bearer …`. */
  apiKey?: string;
  /** For a person in several organisations: which one to act for (x-org-id). */
  orgId?: string;
  /** Defaults to the global fetch (Node 18+, browsers). */
  fetch?: typeof fetch;
}

/** A Relay connection as the API returns it. */
export interface Connection<TNode> {
  edges: readonly { node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type { TypedDocumentNode };

export class GridshareClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: GridshareClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The same endpoint with other credentials (e.g. the API key a signed-in person just created). */
  withCredentials(apiKey: string, orgId?: string): GridshareClient {
    return new GridshareClient({ ...this.options, apiKey, orgId });
  }

  /** Runs one operation; resolves to its data or rejects with a GridshareError (any GraphQL error rejects). */
  async request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
  ): Promise<TData> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    if (this.options.orgId) headers['x-org-id'] = this.options.orgId;

    let response: Response;
    let answer: unknown;
    try {
      ({ response, body: answer } = await sendDocument(this.options.url, document, variables, (body) => this.fetchImpl(this.options.url, { method: 'POST', headers, body })));
    } catch (error) {
      throw new GridshareError(`Gridshare API unreachable: ${error instanceof Error ? error.message : String(error)}`, 'NETWORK_ERROR', 0);
    }
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (answer === null || typeof answer !== 'object') {
      throw new GridshareError(`Gridshare API answered ${response.status} without a GraphQL response`, 'BAD_RESPONSE', response.status, [], requestId);
    }
    const body = answer as { data?: TData | null; errors?: GraphQLErrorBody[] };
    if (body.errors?.length) throw errorOfResponse(body.errors, response.status, requestId);
    if (body.data === undefined || body.data === null) {
      throw new GridshareError(`Gridshare API answered ${response.status} with no data`, 'BAD_RESPONSE', response.status, [], requestId);
    }
    return body.data;
  }

  /**
   * Every node of a cursor-paginated list, page after page: `pick` finds the connection in a page's data,
   * and `after` is set from each page's endCursor. Stops after `maxPages` (a guard against a runaway loop).
   */
  async *paginate<TData, TVariables extends { after?: string | null } & Record<string, unknown>, TNode>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    pick: (data: TData) => Connection<TNode>,
    maxPages = 1_000,
  ): AsyncGenerator<TNode> {
    let after = variables.after ?? null;
    for (let page = 0; page < maxPages; page++) {
      const connection = pick(await this.request(document, ...([{ ...variables, after }] as never)));
      for (const edge of connection.edges) yield edge.node;
      if (!connection.pageInfo.hasNextPage || connection.pageInfo.endCursor === null) return;
      after = connection.pageInfo.endCursor;
    }
  }
}
