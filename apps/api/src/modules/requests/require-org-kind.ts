// The marketplace's sides: tenants post requests, hosts (miners) propose deals. Roles say what a person
// may do inside an organisation; this says what the organisation itself is for.
import type { OrgKind } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { forbidden } from '../../errors/domain-errors';

export function requireOrgKind(auth: Authorized, kind: OrgKind, what: string): void {
  const actual = auth.principal.org?.kind;
  if (actual !== kind) throw forbidden(`Only ${kind} organisations can ${what}; this organisation is ${actual ?? 'unknown'}.`);
}
