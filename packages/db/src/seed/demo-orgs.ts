// Demo organisations, their people and who may do what where. Every org has an OWNER; five people are
// the documented demo logins (printed by the start banner).
import type { OrgKind, Role, VerificationStatus } from '../generated/prisma/enums';
import { addDays, utcDay } from './dates';
import { stableUuid } from './stable-uuid';

export const DEMO_PASSWORD = 'gridshare-demo';

interface OrgSpec {
  name: string;
  kind: OrgKind;
  verification: VerificationStatus;
  plan: 'FREE' | 'PRO' | 'API';
  /** Day the organisation signed up (its rows' createdAt follow from it). */
  joined: string;
}

const ORG_SPECS = {
  platform: { name: 'Gridshare Platform', kind: 'PLATFORM', verification: 'VERIFIED', plan: 'API', joined: '2025-01-06' },
  permian: { name: 'Permian Hashworks', kind: 'MINER', verification: 'VERIFIED', plan: 'PRO', joined: '2025-02-10' },
  appalachian: { name: 'Appalachian Digital Energy', kind: 'MINER', verification: 'VERIFIED', plan: 'PRO', joined: '2025-03-03' },
  laurentian: { name: 'Laurentian Hydro Mining', kind: 'MINER', verification: 'VERIFIED', plan: 'PRO', joined: '2025-04-22' },
  nordic: { name: 'Nordic Fjord Compute', kind: 'MINER', verification: 'VERIFIED', plan: 'PRO', joined: '2025-05-14' },
  itaipu: { name: 'Itaipu Hash Co', kind: 'MINER', verification: 'VERIFIED', plan: 'FREE', joined: '2025-08-05' },
  rift: { name: 'Rift Valley Power & Hash', kind: 'MINER', verification: 'PENDING', plan: 'FREE', joined: '2026-05-18' },
  helix: { name: 'Helix AI Labs', kind: 'TENANT', verification: 'VERIFIED', plan: 'PRO', joined: '2025-06-02' },
  meridian: { name: 'Meridian Hyperscale', kind: 'TENANT', verification: 'VERIFIED', plan: 'PRO', joined: '2025-09-15' },
  quanta: { name: 'Quanta Inference Cloud', kind: 'TENANT', verification: 'UNVERIFIED', plan: 'FREE', joined: '2026-07-01' },
  gridbridge: { name: 'GridBridge Brokers', kind: 'PARTNER', verification: 'VERIFIED', plan: 'API', joined: '2025-07-21' },
} as const satisfies Record<string, OrgSpec>;

export type DemoOrgKey = keyof typeof ORG_SPECS;
type KeysOfKind<K extends OrgKind> = { [O in DemoOrgKey]: (typeof ORG_SPECS)[O]['kind'] extends K ? O : never }[DemoOrgKey];
export type MinerKey = KeysOfKind<'MINER'>;
export type TenantKey = KeysOfKind<'TENANT'>;

export function orgId(key: DemoOrgKey): string {
  return stableUuid(`org:${key}`);
}

export function orgJoined(key: DemoOrgKey): Date {
  return utcDay(ORG_SPECS[key].joined);
}

/** Deterministic id of the PLATFORM org: its presence means the demo has been seeded. */
export const PLATFORM_ORG_ID = orgId('platform');

export type OrgRow = {
  id: string;
  name: string;
  kind: OrgKind;
  verification: VerificationStatus;
  verifiedAt: Date | null;
  plan: string;
  createdAt: Date;
};

// Review by the platform team takes about two weeks after sign-up.
const VERIFICATION_DAYS = 12;

const orgKeys = Object.keys(ORG_SPECS) as DemoOrgKey[];

export const DEMO_ORGS: readonly OrgRow[] = orgKeys.map((key) => {
  const { name, kind, verification, plan } = ORG_SPECS[key];
  const createdAt = orgJoined(key);
  const verifiedAt = verification === 'VERIFIED' ? addDays(createdAt, VERIFICATION_DAYS) : null;
  return { id: orgId(key), name, kind, verification, verifiedAt, plan, createdAt };
});

// email, full name, organisation, role
type UserSpec = readonly [email: string, name: string, org: DemoOrgKey, role: Role];

const USER_SPECS: readonly UserSpec[] = [
  ['admin@demo.gridshare.dev', 'Alex Moreau', 'platform', 'OWNER'],
  ['ops@demo.gridshare.dev', 'Hana Kobayashi', 'platform', 'ADMIN'],
  ['miner@demo.gridshare.dev', 'Dana Whitfield', 'permian', 'OWNER'],
  ['luis.carrasco@demo.gridshare.dev', 'Luis Carrasco', 'permian', 'ADMIN'],
  ['viewer@demo.gridshare.dev', 'Sam Okafor', 'permian', 'VIEWER'],
  ['ruth.calloway@demo.gridshare.dev', 'Ruth Calloway', 'appalachian', 'OWNER'],
  ['genevieve.tremblay@demo.gridshare.dev', 'Geneviève Tremblay', 'laurentian', 'OWNER'],
  ['ingrid.solberg@demo.gridshare.dev', 'Ingrid Solberg', 'nordic', 'OWNER'],
  ['mikko.lehtonen@demo.gridshare.dev', 'Mikko Lehtonen', 'nordic', 'MEMBER'],
  ['rodrigo.benitez@demo.gridshare.dev', 'Rodrigo Benítez', 'itaipu', 'OWNER'],
  ['selam.tesfaye@demo.gridshare.dev', 'Selam Tesfaye', 'rift', 'OWNER'],
  ['tenant@demo.gridshare.dev', 'Priya Raman', 'helix', 'OWNER'],
  ['jonas.berg@demo.gridshare.dev', 'Jonas Berg', 'helix', 'MEMBER'],
  ['colin.hargreave@demo.gridshare.dev', 'Colin Hargreave', 'meridian', 'OWNER'],
  ['meilin.ng@demo.gridshare.dev', 'Mei Lin Ng', 'quanta', 'OWNER'],
  ['partner@demo.gridshare.dev', 'Marcus Bell', 'gridbridge', 'OWNER'],
];

export type UserRow = { id: string; email: string; name: string; createdAt: Date };
export type MembershipRow = { id: string; orgId: string; userId: string; role: Role; createdAt: Date };

export function userId(email: string): string {
  return stableUuid(`user:${email}`);
}

// The owner signs up with the organisation; colleagues follow a day apart, in the order listed.
const PEOPLE = USER_SPECS.map(([email, name, org, role], index) => {
  const colleaguesBefore = USER_SPECS.slice(0, index).filter(([, , other]) => other === org).length;
  const createdAt = addDays(orgJoined(org), colleaguesBefore);
  const user: UserRow = { id: userId(email), email, name, createdAt };
  const membership: MembershipRow = {
    id: stableUuid(`membership:${org}:${email}`),
    orgId: orgId(org),
    userId: user.id,
    role,
    createdAt,
  };
  return { user, membership };
});

export const DEMO_USERS: readonly UserRow[] = PEOPLE.map(({ user }) => user);
export const DEMO_MEMBERSHIPS: readonly MembershipRow[] = PEOPLE.map(({ membership }) => membership);

export interface DemoLogin {
  email: string;
  role: Role;
  orgName: string;
  orgKind: OrgKind;
}

const LOGIN_EMAILS = [
  'admin@demo.gridshare.dev',
  'miner@demo.gridshare.dev',
  'viewer@demo.gridshare.dev',
  'tenant@demo.gridshare.dev',
  'partner@demo.gridshare.dev',
];

/** The accounts the start banner offers, all with DEMO_PASSWORD. */
export const DEMO_LOGINS: readonly DemoLogin[] = LOGIN_EMAILS.map((email) => {
  const spec = USER_SPECS.find(([address]) => address === email);
  if (!spec) throw new Error(`Demo data: no user ${email}`);
  const [, , org, role] = spec;
  return { email, role, orgName: ORG_SPECS[org].name, orgKind: ORG_SPECS[org].kind };
});

/** The partner person who issued the demo API key. */
export const PARTNER_USER_ID = userId('partner@demo.gridshare.dev');
