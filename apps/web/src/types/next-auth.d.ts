import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    apiToken: string;
    apiTokenExpiresAt: string;
  }
  interface Session {
    user?: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    apiToken?: string;
    apiTokenExpiresAt?: string;
  }
}
