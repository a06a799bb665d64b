// Who a session token is, remembered between requests: the lookup was one SQL statement on every signed-in
// request. Any write in any API process forgets every entry (the same signal that clears the response
// cache: cache-invalidation.ts), so signing out, a revoked membership or a suspended organisation take
// effect at the next request; without Redis, other processes' writes are bounded by the TTL. An entry never
// outlives its session. API keys are not remembered here (their lookup also records when they were used).
// The caller's own organisation row is remembered the same way: nearly every list shows it beside each
// item, and it was a statement of its own per request.
import { type Organization, sha256 } from '@gridshare/db';
import { LRUCache } from 'lru-cache';
import type { Principal } from './principal';
import type { AuthHeaders } from './resolve-principal';

const SESSION_PREFIX = /^Bearer\s+gss_/i;

export interface SessionCache {
  principalFor(headers: AuthHeaders): Promise<Principal | null>;
  /** Forgets every session and organisation (something was written). */
  clear(): void;
  /** Organisation rows as a caller of that organisation read them, until the next write. */
  organizations: {
    get(orgId: string): Organization | undefined;
    /** `generation` from generation(), taken before the row was read: a row read across a write is not kept. */
    set(row: Organization, generation: number): void;
    generation(): number;
  };
}

export function createSessionCache(resolve: (headers: AuthHeaders) => Promise<Principal | null>, ttlMs: number): SessionCache {
  // Keyed by a hash of the credentials, so no token sits in the heap longer than its request.
  const sessions = new LRUCache<string, Principal>({ max: 50_000, ttl: Math.max(ttlMs, 1) });
  let generation = 0;
  const organizations = new LRUCache<string, Organization>({ max: 10_000, ttl: Math.max(ttlMs, 1) });
  return {
    organizations: {
      get: (orgId) => (ttlMs > 0 ? organizations.get(orgId) : undefined),
      set: (row, started) => {
        if (ttlMs > 0 && started === generation) organizations.set(row.id, row);
      },
      generation: () => generation,
    },
    async principalFor(headers) {
      if (ttlMs <= 0 || !headers.authorization || !SESSION_PREFIX.test(headers.authorization.trim())) return resolve(headers);
      const key = sha256(`${headers.authorization.trim()}\n${headers.orgId ?? ''}`);
      const known = sessions.get(key);
      if (known && (known.kind !== 'user' || !known.sessionExpiresAt || known.sessionExpiresAt.getTime() > Date.now())) return known;
      const started = generation;
      // Failures (unknown, expired, signed out) are not remembered: they throw before this line.
      const principal = await resolve(headers);
      // A lookup that raced a write may have read what the write replaced: used once, not remembered.
      if (principal && started === generation) {
        const left = principal.kind === 'user' && principal.sessionExpiresAt ? principal.sessionExpiresAt.getTime() - Date.now() : ttlMs;
        if (left > 0) sessions.set(key, principal, { ttl: Math.min(ttlMs, left) });
      }
      return principal;
    },
    clear() {
      generation += 1;
      sessions.clear();
      organizations.clear();
    },
  };
}
