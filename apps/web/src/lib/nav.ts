import type { NavItem } from '@/components/nav';
import type { OrgKind } from './enums';

const MARKET: Record<OrgKind, NavItem[]> = {
  MINER: [
    { href: '/sites', label: 'Sites' },
    { href: '/capacity', label: 'Capacity blocks' },
    { href: '/open-requests', label: 'Matching requests' },
    { href: '/deals', label: 'Deals' },
  ],
  TENANT: [
    { href: '/search', label: 'Find capacity' },
    { href: '/requests', label: 'My requests' },
    { href: '/deals', label: 'Deals' },
  ],
  PARTNER: [{ href: '/search', label: 'Find capacity' }],
  PLATFORM: [
    { href: '/admin', label: 'Dashboard' },
    { href: '/search', label: 'Find capacity' },
  ],
};

// Both directions of hosting: any organisation with a site may sell idle power; any may run a fleet.
const HOSTING: NavItem[] = [
  { href: '/hosting', label: 'Find hosting' },
  { href: '/hosting/requests', label: 'Fleet requests' },
  { href: '/hosting/offers', label: 'Hosting offers' },
  { href: '/hosting/deals', label: 'Hosting deals' },
];

/** What each kind of organisation sees in the sidebar; the pages check the kind again on the server. */
export function navFor(kind: OrgKind): { title: string; items: NavItem[] }[] {
  return [
    { title: kind === 'PLATFORM' ? 'Platform' : 'Marketplace', items: MARKET[kind] },
    ...(kind === 'MINER' || kind === 'TENANT' ? [{ title: 'Mining hosting', items: HOSTING }] : []),
    { title: 'Tools', items: [{ href: '/revenue', label: 'Revenue modeller' }] },
    {
      title: 'Account',
      items: [
        { href: '/members', label: 'Members' },
        { href: '/billing', label: 'Billing' },
      ],
    },
    {
      title: 'Developers',
      items: [
        { href: '/api-keys', label: 'API keys' },
        { href: '/webhooks', label: 'Webhooks' },
        { href: '/api-docs', label: 'API docs' },
      ],
    },
  ];
}

export function homeFor(kind: OrgKind | undefined): string {
  return kind ? (MARKET[kind][0]?.href ?? '/revenue') : '/revenue';
}
