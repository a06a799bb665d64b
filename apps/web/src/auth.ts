// next-auth 4 with one Credentials provider. `authorize` signs in (or signs up) through the API's own
// mutations and keeps the API session token in the next-auth JWT (an encrypted, http-only cookie); every
// server-side GraphQL call forwards it as `Authorization: Bearer`.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { GridshareError } from '@gridshare/sdk';
import { callApi } from '@/lib/api';
import { SignInDocument, SignOutDocument, SignUpDocument } from '@/generated/graphql';

interface AuthPayload {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; name: string };
}

/** The browser's address as this server got it, passed on for the API's per-address limits. */
type From = { forwardedFor?: string };

async function signIn(email: string, password: string, from: From): Promise<AuthPayload> {
  const data = await callApi(SignInDocument, { input: { email, password } }, from);
  return data.signIn;
}

/**
 * Sign-up answers the same whether or not the address had an account (so nobody can probe addresses),
 * with no session: the portal signs in next with the same password. When that fails the address was
 * taken; the person sees sign-up's own answer, which says what to do, and nothing more.
 */
async function signUpThenIn(c: Record<string, string>, from: From): Promise<AuthPayload> {
  const data = await callApi(SignUpDocument, {
    input: {
      email: c.email ?? '',
      password: c.password ?? '',
      name: c.name ?? '',
      organizationName: c.organizationName ?? '',
      organizationKind: c.organizationKind ?? '',
    },
  }, from);
  try {
    return await signIn(c.email ?? '', c.password ?? '', from);
  } catch (error) {
    if (error instanceof GridshareError && error.code === 'UNAUTHENTICATED') throw new GridshareError(data.signUp.message, 'UNAUTHENTICATED', 200);
    throw error;
  }
}

async function authenticate(credentials: Record<string, string> | undefined, from: From): Promise<AuthPayload> {
  const c = credentials ?? {};
  return c.mode === 'signup' ? signUpThenIn(c, from) : signIn(c.email ?? '', c.password ?? '', from);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt' },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        mode: { type: 'hidden' },
        name: { type: 'text' },
        organizationName: { type: 'text' },
        organizationKind: { type: 'text' },
      },
      async authorize(credentials, req) {
        const forwarded = req.headers?.['x-forwarded-for'];
        try {
          const payload = await authenticate(credentials, { forwardedFor: typeof forwarded === 'string' ? forwarded : undefined });
          return { id: payload.user.id, email: payload.user.email, name: payload.user.name, apiToken: payload.token, apiTokenExpiresAt: payload.expiresAt };
        } catch (error) {
          // next-auth hands this message to the sign-in form (`result.error`); JSON keeps the field name.
          if (error instanceof GridshareError) {
            throw new Error(JSON.stringify({ message: error.message, code: error.code, field: error.field }));
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.apiToken = user.apiToken;
        token.apiTokenExpiresAt = user.apiTokenExpiresAt;
      }
      return token;
    },
    session({ session, token }) {
      // The API token stays in the encrypted JWT; the browser-visible session only says who is signed in.
      if (session.user) session.user.id = token.sub ?? '';
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      // End the API session too, so the bearer token stops working at once (best effort: the cookie is gone).
      if (token?.apiToken) await callApi(SignOutDocument, {}, { token: token.apiToken }).catch(() => undefined);
    },
  },
};
