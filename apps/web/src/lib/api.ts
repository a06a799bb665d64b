// The portal's only way to data: the public GraphQL API, the same one partners use. Server-side only, so the
// session token never reaches the browser's JavaScript.
import 'server-only';

export const API_URL = process.env.GRIDSHARE_API_URL ?? 'http://127.0.0.1:4000/graphql';

/** One of several problems a batch was refused for (`extensions.issues`: readings, CSV lines). */
export interface ApiIssue {
  field: string;
  message: string;
  /** CSV uploads: the line (1-based) and column at fault. */
  line?: number;
  column?: string;
}

export interface ApiErrorDetail {
  message: string;
  code: string;
  field?: string;
  issues?: ApiIssue[];
}

/** A GraphQL error the API answered with (`extensions.code`, and `extensions.field` for bad input). */
export class ApiError extends Error {
  constructor(
    readonly details: ApiErrorDetail[],
    readonly status: number,
  ) {
    super(details.map((d) => d.message).join('; ') || `API answered ${status}`);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.details[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }
}

interface RawError {
  message: string;
  extensions?: { code?: string; field?: string; issues?: ApiIssue[] };
}

/**
 * Sends one operation to the API with the caller's bearer token and organisation. `forwardedFor`: the
 * browser's address as this server received it (X-Forwarded-For), for the API's per-address sign-in and
 * sign-up limits; the API believes it only when its TRUST_PROXY names this portal (docs/deployment.md).
 */
export async function callApi<T>(
  query: string,
  variables: Record<string, unknown> = {},
  auth: { token?: string; orgId?: string; forwardedFor?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    // Apollo's CSRF prevention wants a non-simple request; this header makes it one.
    'apollo-require-preflight': 'true',
  };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.orgId) headers['x-org-id'] = auth.orgId;
  if (auth.forwardedFor) headers['x-forwarded-for'] = auth.forwardedFor;
  let response: Response;
  try {
    response = await fetch(API_URL, { method: 'POST', headers, body: JSON.stringify({ query, variables }), cache: 'no-store' });
  } catch {
    throw new ApiError([{ message: `The API at ${API_URL} is not reachable`, code: 'API_UNREACHABLE' }], 0);
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: RawError[] } | null;
  if (!body) throw new ApiError([{ message: `The API answered ${response.status} without JSON`, code: 'BAD_RESPONSE' }], response.status);
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => ({
        message: e.message,
        code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
        ...(e.extensions?.field ? { field: e.extensions.field } : {}),
        ...(Array.isArray(e.extensions?.issues) ? { issues: e.extensions.issues } : {}),
      })),
      response.status,
    );
  }
  return body.data as T;
}
