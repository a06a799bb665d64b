// Who is calling and for which organisation. The API token is read from the next-auth JWT on the server;
// the chosen organisation from a cookie (a claim the API checks against the person's memberships).
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getToken } from 'next-auth/jwt';
import { GridshareError } from '@gridshare/sdk';
import { webConfig } from '@/server-config';
import { type Operation, type Variables, callApi } from './api';
import { PATH_HEADER } from './path-header';
import { MeDocument, type MeQuery, type OrgKind } from '@/generated/graphql';

export const ORG_COOKIE = 'gs-org';

type Me = NonNullable<MeQuery['me']>;
/** The signed-in person (`me` of lib/session.graphql), with the user a signed-in person always has. */
export type Viewer = Me & { user: NonNullable<Me['user']> };

async function apiToken(): Promise<string | undefined> {
  const cookieStore = await cookies();
  const headerList = await headers();
  // getToken wants a request-like object; the cookie header is all it reads.
  const req = { headers: Object.fromEntries(headerList.entries()), cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])) };
  const jwt = await getToken({ req: req as never, secret: webConfig.NEXTAUTH_SECRET });
  return jwt?.apiToken;
}

async function auth(): Promise<{ token?: string; orgId?: string }> {
  const token = await apiToken();
  const orgId = (await cookies()).get(ORG_COOKIE)?.value;
  return { token, orgId };
}

/**
 * Runs one GraphQL operation as the signed-in person. UNAUTHENTICATED sends them to sign in; NOT_FOUND (which
 * is also what the API answers for another organisation's object) renders the not-found page.
 */
export async function gql<T, TVariables>(operation: Operation<T, TVariables>, variables: Variables<TVariables> = {}): Promise<T> {
  try {
    return await callApi(operation, variables, await auth());
  } catch (error) {
    if (error instanceof GridshareError && error.code === 'UNAUTHENTICATED') redirect(await signInHref());
    if (error instanceof GridshareError && error.code === 'NOT_FOUND') notFound();
    // A malformed id in the address is a page that does not exist, not a failure.
    if (error instanceof GridshareError && error.code === 'BAD_USER_INPUT' && error.errors.some((e) => ID_FIELD.test(String(e.extensions?.field ?? '')))) notFound();
    throw error;
  }
}

/** `id`, `siteId`, `input.requestId`: the API names the id argument it refused. */
const ID_FIELD = /(^|\.)(id|[a-z]+Id)$/;

/** Like gql, for mutations from forms: errors come back to the caller to show at the field. */
export async function gqlMutation<T, TVariables>(operation: Operation<T, TVariables>, variables: Variables<TVariables> = {}): Promise<T> {
  return callApi(operation, variables, await auth());
}

/** The sign-in page, told to come back to the page that was asked for (src/proxy.ts passes its path). */
async function signInHref(): Promise<string> {
  const path = (await headers()).get(PATH_HEADER);
  return path && path !== '/' && !path.startsWith('/signin') ? `/signin?next=${encodeURIComponent(path)}` : '/signin';
}

/**
 * The signed-in person, or a redirect to the sign-in page. Asked once per request (React's cache): the portal's
 * layout and its page both need the viewer, and the `me` request is among the API's slowest reads.
 */
export const requireViewer = cache(async (): Promise<Viewer> => {
  if (!(await apiToken())) redirect(await signInHref());
  const { me } = await gql(MeDocument);
  if (!me?.user) redirect(await signInHref());
  return { ...me, user: me.user };
});

/** Pages that belong to one kind of organisation answer not-found to the others (no hint they exist). */
export async function requireKind(...kinds: OrgKind[]): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!viewer.organization || !kinds.includes(viewer.organization.kind)) notFound();
  return viewer;
}

export function canWrite(viewer: Viewer): boolean {
  return viewer.role !== null && viewer.role !== 'VIEWER';
}
