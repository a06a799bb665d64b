// The portal's environment, validated once when the server loads it (like apps/api/src/config.ts): a bad
// variable stops the portal with a message that names it, instead of failing at the first request. The
// server reads it through server-config.ts (server-only: the secret never reaches a browser bundle).
import { z } from 'zod';

/** Unset or empty (`FOO=` in an env file) both mean "not configured". */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const ZWebConfig = z.object({
  // Where the portal's server sends GraphQL (scripts/start.mjs sets it beside the API).
  GRIDSHARE_API_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL of the API, e.g. http://127.0.0.1:4000/graphql' }).default('http://127.0.0.1:4000/graphql'),
  // Encrypts the session cookie; next-auth reads it too (and NEXTAUTH_URL, checked here only).
  NEXTAUTH_SECRET: optional(z.string().min(32, 'use at least 32 characters (openssl rand -base64 32)')),
  NEXTAUTH_URL: optional(z.url({ protocol: /^https?$/, message: "must be the portal's own http(s) address" })),
  // The embedded demo lists the seeded accounts on the sign-in page; any other value hides them.
  GRIDSHARE_DEMO: optional(z.enum(['0', '1'], { message: 'use 1 or 0' })).transform((value) => value === '1'),
});

export type TWebConfig = z.output<typeof ZWebConfig>;

export function loadWebConfig(env: Record<string, string | undefined> = process.env): TWebConfig {
  const parsed = ZWebConfig.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid portal configuration:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  }
  return parsed.data;
}
