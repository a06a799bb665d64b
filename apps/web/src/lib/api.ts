// The portal's only way to data: the public GraphQL API, the same one partners use. Server-side only, so the
// session token never reaches the browser's JavaScript. Refusals are the SDK's GridshareError (its code,
// field and every error of the answer), the same type partners get.
import 'server-only';
import { type GraphQLErrorBody, GridshareError, type TypedDocumentNode, errorOfResponse, sendDocument } from '@gridshare/sdk';
import { webConfig } from '@/server-config';

export const API_URL = webConfig.GRIDSHARE_API_URL;

/**
 * An operation of src/generated/graphql.ts (from the .graphql files beside the pages), so its fields, arguments
 * and result are checked by the compiler: no hand-written query strings (docs/architecture.md, "Adding a portal
 * operation").
 */
export type Operation<TData, TVariables> = TypedDocumentNode<TData, TVariables>;

/**
 * An operation's variables, by name: a name the operation does not declare is a compile error. Their values
 * are the API's to check (every input is validated there, field by field), since forms build them from FormData.
 */
export type Variables<TVariables> = { [K in keyof TVariables]?: unknown };

/**
 * Sends one operation to the API with the caller's bearer token and organisation. `forwardedFor`: the
 * browser's address as this server received it (X-Forwarded-For), for the API's per-address sign-in and
 * sign-up limits; the API believes it only when its TRUST_PROXY names this portal (docs/deployment.md).
 */
export async function callApi<T, TVariables>(
  operation: Operation<T, TVariables>,
  variables: Variables<TVariables> = {},
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
  // By id (a trusted document, registered in the API's manifest), by text if this API does not know it.
  let sent;
  try {
    sent = await sendDocument(API_URL, operation, variables, (body) => fetch(API_URL, { method: 'POST', headers, body, cache: 'no-store' }));
  } catch {
    throw new GridshareError(`The API at ${API_URL} is not reachable`, 'NETWORK_ERROR', 0);
  }
  const { response } = sent;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const body = sent.body as { data?: T; errors?: GraphQLErrorBody[] } | null;
  if (!body) throw new GridshareError(`The API answered ${response.status} without JSON`, 'BAD_RESPONSE', response.status, [], requestId);
  if (body.errors?.length) throw errorOfResponse(body.errors, response.status, requestId);
  return body.data as T;
}
