// Who is calling. One auth context, two ways in: the portal's session token and partners' API keys.
import type { OrgKind, Role } from '@gridshare/db';

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

export interface ActiveOrg {
  id: string;
  kind: OrgKind;
}

/** The organisation's platform plan; it decides the caller's rate limit. */
export type Plan = 'FREE' | 'PRO' | 'API';
export const toPlan = (value: string | null | undefined): Plan => (value === 'PRO' || value === 'API' ? value : 'FREE');

export type Principal =
  | { kind: 'user'; userId: string; sessionId: string; org: ActiveOrg | null; role: Role | null; plan: Plan; sessionExpiresAt?: Date }
  | { kind: 'apiKey'; apiKeyId: string; org: ActiveOrg; scopes: ReadonlySet<string>; plan: Plan };

/** Audit-log actor: an id, never a secret. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `apikey:${principal.apiKeyId}`;
}
