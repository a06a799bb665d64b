// Function-level authorisation: which role (for people) or scope (for API keys) an operation needs.
import type { Role } from '@gridshare/db';
import type { ApiContext } from '../context';
import { type DomainError, forbidden, unauthenticated } from '../errors/domain-errors';
import { type ApiScope, type Authorized, type Principal, actorOf } from './principal';

const ROLE_RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

export interface Permission {
  /** Lowest membership role that may do it. */
  minRole: Role;
  /** API key scope that allows it; null when only people may do it (keys, members). */
  scope: ApiScope | null;
  description: string;
}

export const can = {
  readOrg: { minRole: 'VIEWER', scope: 'org:read', description: 'read the organisation' },
  manageMembers: { minRole: 'ADMIN', scope: null, description: 'manage members' },
  // Any member, for their own membership; an API key is no member.
  leaveOrg: { minRole: 'VIEWER', scope: null, description: 'leave an organisation' },
  manageApiKeys: { minRole: 'ADMIN', scope: null, description: 'manage API keys' },
  readSites: { minRole: 'VIEWER', scope: 'sites:read', description: 'read sites' },
  writeSites: { minRole: 'MEMBER', scope: 'sites:write', description: 'change sites' },
  readCapacity: { minRole: 'VIEWER', scope: 'capacity:read', description: 'read capacity' },
  writeCapacity: { minRole: 'MEMBER', scope: 'capacity:write', description: 'change capacity' },
  modelRevenue: { minRole: 'VIEWER', scope: 'sites:read', description: 'model revenue and read revenue scenarios' },
  saveRevenue: { minRole: 'MEMBER', scope: 'sites:write', description: 'save revenue scenarios' },
  readRequests: { minRole: 'VIEWER', scope: 'requests:read', description: 'read colocation requests' },
  writeRequests: { minRole: 'MEMBER', scope: 'requests:write', description: 'change colocation requests' },
  readDeals: { minRole: 'VIEWER', scope: 'deals:read', description: 'read deals' },
  writeDeals: { minRole: 'MEMBER', scope: 'deals:write', description: 'propose and move deals' },
  readBilling: { minRole: 'VIEWER', scope: 'billing:read', description: 'read billing' },
  manageBilling: { minRole: 'ADMIN', scope: null, description: 'manage the plan, payment methods and payouts' },
  readWebhooks: { minRole: 'VIEWER', scope: 'webhooks:read', description: 'read webhook endpoints and deliveries' },
  // ADMIN: an endpoint receives the organisation's events, like an API key reads its data.
  writeWebhooks: { minRole: 'ADMIN', scope: 'webhooks:write', description: 'manage webhook endpoints and replay deliveries' },
  // Which deal's data the caller may read or write (party or metering partner) is the metering module's to decide.
  readMeter: { minRole: 'VIEWER', scope: 'meter:read', description: 'read meter readings, curtailment events and metering grants' },
  writeMeter: { minRole: 'MEMBER', scope: 'meter:write', description: 'record meter readings, curtailment events and pool statements' },
  // ADMIN, people only: a grant lets another organisation write data the tenant's bill depends on.
  manageMeterGrants: { minRole: 'ADMIN', scope: null, description: 'grant and revoke metering partners' },
  // PLATFORM admins and flagged data partners only (modules/market-data decides which organisation).
  writeHashprice: { minRole: 'ADMIN', scope: 'hashprice:write', description: 'upload the hashprice index' },
} as const satisfies Record<string, Permission>;

type Verdict = { allowed: true; orgId: string; principal: Principal } | { allowed: false; error: DomainError };

/** Whether the caller may do it: the organisation they act in, or the typed error saying what is missing. */
function judge(principal: Principal | null, permission: Permission): Verdict {
  const refuse = (error: DomainError): Verdict => ({ allowed: false, error });
  if (!principal) return refuse(unauthenticated());
  if (principal.kind === 'apiKey') {
    if (permission.scope === null) return refuse(forbidden(`API keys cannot ${permission.description}; sign in as a person.`));
    if (!principal.scopes.has(permission.scope)) {
      return refuse(forbidden(`This API key lacks the scope ${permission.scope} needed to ${permission.description}.`));
    }
    return { allowed: true, orgId: principal.org.id, principal };
  }
  if (!principal.org || !principal.role) return refuse(forbidden('Create or join an organisation first.'));
  if (!roleAtLeast(principal.role, permission.minRole)) {
    return refuse(forbidden(`Your role ${principal.role} cannot ${permission.description}; it needs ${permission.minRole} or above.`));
  }
  return { allowed: true, orgId: principal.org.id, principal };
}

/** Whether the caller may do it (the HTTP layer asks before replaying a cached answer). */
export function permits(principal: Principal | null, permission: Permission): boolean {
  return judge(principal, permission).allowed;
}

/** The caller's organisation scope, or a typed error saying what is missing. */
export function authorize(ctx: ApiContext, permission: Permission): Authorized {
  const verdict = judge(ctx.principal, permission);
  if (!verdict.allowed) throw verdict.error;
  return { orgId: verdict.orgId, principal: verdict.principal, actor: actorOf(verdict.principal) };
}

/** Anyone with valid credentials, whatever their role or scopes (public market data). */
export function requireSignedIn(ctx: ApiContext): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

export function requireUser(ctx: ApiContext): Extract<Principal, { kind: 'user' }> {
  const principal = ctx.principal;
  if (!principal) throw unauthenticated();
  if (principal.kind !== 'user') throw forbidden('Only a signed-in person can do this, not an API key.');
  return principal;
}
