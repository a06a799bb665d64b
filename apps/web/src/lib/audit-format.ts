// Audit lines for people: who by name, what in words, changes with money in dollars (the API keeps cents).

/** `site.created` → "Site created", `deal.mw_change_proposed` → "Deal mw change proposed". */
export function describeAction(action: string): string {
  const text = action.replace(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatValue(key: string, value: unknown): string {
  if (typeof value === 'number' && /Cents/.test(key)) return `$${(value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `{ priceCentsPerKwMonth: 15000 }` → "price per kW-month: $150.00". */
export function describeChanges(changes: unknown): string {
  if (changes === null || typeof changes !== 'object') return '';
  return Object.entries(changes as Record<string, unknown>)
    .map(([key, value]) => {
      const name = key.replace(/Cents/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/ per kw month$/, ' per kW-month');
      return `${name}: ${formatValue(key, value)}`;
    })
    .join('; ');
}

/** `user:<id>` → the member's name when known; API keys stay as they are. */
export function describeActor(actor: string, namesById: ReadonlyMap<string, string>): string {
  const [kind, id = ''] = actor.split(':');
  if (kind === 'user') return namesById.get(id) ?? 'a former member';
  if (kind === 'apikey') return 'an API key';
  return actor;
}

/** The portal page of an audit line's object (its own page, or the list it lives in); null for objects without one. */
const OBJECT_PAGES: Readonly<Record<string, (id: string) => string>> = {
  Site: (id) => `/sites/${id}`,
  Deal: (id) => `/deals/${id}`,
  ColocationRequest: (id) => `/requests/${id}`,
  CapacityBlock: () => '/capacity',
  HostingDeal: (id) => `/hosting/deals/${id}`,
  HostingRequest: (id) => `/hosting/requests/${id}`,
  WebhookEndpoint: () => '/webhooks',
  ApiKey: () => '/api-keys',
  Membership: () => '/members',
  Invitation: () => '/members',
};

export function auditObjectHref(entityType: string, entityId: string): string | null {
  // Own keys only: OBJECT_PAGES['toString'] would be a function.
  return Object.hasOwn(OBJECT_PAGES, entityType) ? (OBJECT_PAGES[entityType]?.(entityId) ?? null) : null;
}
