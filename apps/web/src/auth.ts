// next-auth 4 with one Credentials provider. `authorize` signs in (or signs up) through the API's own
// mutations and keeps the API session token in the next-auth JWT (an encrypted, http-only cookie); every
// server-side GraphQL call forwards it as `Authorization: Bearer`.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { ApiError, callApi } from '@/lib/api';

interface AuthPayload {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; name: string };
}

const FIELDS = 'token expiresAt user { id email name }';

async function authenticate(credentials: Record<string, string> | undefined): Promise<AuthPayload> {
  const c = credentials ?? {};
  if (c.mode === 'signup') {
    const data = await callApi<{ signUp: AuthPayload }>(
      `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { ${FIELDS} } }`,
      {
        input: {
          email: c.email ?? '',
          password: c.password ?? '',
          name: c.name ?? '',
          organizationName: c.organizationName ?? '',
          organizationKind: c.organizationKind ?? '',
        },
      },
    );
    return data.signUp;
  }
  const data = await callApi<{ signIn: AuthPayload }>(
    `mutation SignIn($input: SignInInput!) { signIn(input: $input) { ${FIELDS} } }`,
    { input: { email: c.email ?? '', password: c.password ?? '' } },
  );
  return data.signIn;
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
      async authorize(credentials) {
        try {
          const payload = await authenticate(credentials);
          return { id: payload.user.id, email: payload.user.email, name: payload.user.name, apiToken: payload.token, apiTokenExpiresAt: payload.expiresAt };
        } catch (error) {
          // next-auth hands this message to the sign-in form (`result.error`); JSON keeps the field name.
          if (error instanceof ApiError) {
            const first = error.details[0];
            throw new Error(JSON.stringify({ message: first?.message ?? error.message, code: error.code, field: first?.field }));
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
      if (token?.apiToken) await callApi('mutation { signOut }', {}, { token: token.apiToken }).catch(() => undefined);
    },
  },
};
