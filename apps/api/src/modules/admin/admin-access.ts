// Admin work is the explicit system path of docs/architecture.md: it runs on the owner connection
// (`ctx.db.prisma`, let through by the owner policy), not in `withOrg`, because it spans organisations.
// This check is the only thing standing in front of that path, so every admin resolver calls it first.
import { roleAtLeast } from '../../auth/authorize';
import { actorOf } from '../../auth/principal';
import type { ApiContext } from '../../context';
import { forbidden, unauthenticated } from '../../errors/domain-errors';

export interface PlatformAdmin {
  /** Audit-log actor, `user:<id>`. */
  actor: string;
  /** The PLATFORM organisation the admin acts for. */
  adminOrgId: string;
}

/**
 * The caller as a platform admin: a person (never an API key) acting, as ADMIN or OWNER, for the
 * organisation of kind PLATFORM. Anyone else is FORBIDDEN; an anonymous caller is UNAUTHENTICATED.
 */
export function requirePlatformAdmin(ctx: ApiContext, what = 'administer the marketplace'): PlatformAdmin {
  const principal = ctx.principal;
  if (!principal) throw unauthenticated();
  const refusal = `Only platform admins can ${what}`;
  if (principal.kind !== 'user') throw forbidden(`${refusal}; API keys cannot, sign in as a person.`);
  if (principal.org?.kind !== 'PLATFORM' || !principal.role || !roleAtLeast(principal.role, 'ADMIN')) {
    throw forbidden(`${refusal}.`);
  }
  return { actor: actorOf(principal), adminOrgId: principal.org.id };
}
