// Who is calling. One auth context, two ways in: the portal's session token and partners' API keys.
import type { OrgKind, OrgScope, Role } from '@gridshare/db';

export type ApiScope =
  | 'org:read'
  | 'sites:read'
  | 'sites:write'
  | 'capacity:read'
  | 'capacity:write'
  | 'requests:read'
  | 'requests:write'
  | 'deals:read'
  | 'deals:write'
  | 'billing:read'
  | 'usage:write'
  | 'webhooks:read'
  | 'webhooks:write'
  | 'meter:read'
  | 'meter:write'
  | 'hashprice:write';

export const API_SCOPES: readonly ApiScope[] = [
  'org:read',
  'sites:read',
  'sites:write',
  'capacity:read',
  'capacity:write',
  'requests:read',
  'requests:write',
  'deals:read',
  'deals:write',
  'billing:read',
  'usage:write',
  'webhooks:read',
  'webhooks:write',
  'meter:read',
  'meter:write',
  'hashprice:write',
];

const KNOWN_SCOPES: ReadonlySet<string> = new Set(API_SCOPES);
const isApiScope = (scope: string): scope is ApiScope => KNOWN_SCOPES.has(scope);

/** A key's stored scopes (written only from validated input); anything unknown grants nothing. */
export const toApiScopes = (stored: readonly string[]): ApiScope[] => stored.filter(isApiScope);

export interface ActiveOrg {
  id: string;
  kind: OrgKind;
}

/** The organisation's platform plan; it decides the caller's rate limit. */
export type Plan = 'FREE' | 'PRO' | 'API';
export const toPlan = (value: string | null | undefined): Plan => (value === 'PRO' || value === 'API' ? value : 'FREE');

export type Principal =
  | { kind: 'user'; userId: string; sessionId: string; org: ActiveOrg | null; role: Role | null; plan: Plan; sessionExpiresAt?: Date }
  | { kind: 'apiKey'; apiKeyId: string; org: ActiveOrg; scopes: ReadonlySet<ApiScope>; plan: Plan };

/** Audit-log actor: an id, never a secret. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `apikey:${principal.apiKeyId}`;
}

/** A caller allowed to do something, and the organisation it acts in (auth/authorize.ts decides). */
export interface Authorized extends OrgScope {
  principal: Principal;
  actor: string;
}
