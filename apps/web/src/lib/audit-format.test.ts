import { auditObjectHref, describeAction, describeActor, describeChanges } from './audit-format';

describe('audit lines for people', () => {
  it('words actions, names actors and shows cents as dollars', () => {
    expect(describeAction('site.created')).toBe('Site created');
    expect(describeChanges({ priceCentsPerKwMonth: 15_000, mw: 40, name: null })).toBe('price per kW-month: $150.00; mw: 40; name: —');
    expect(describeChanges({ totalCents: 123_456_789 })).toBe('total: $1,234,567.89');
    expect(describeActor('user:u1', new Map([['u1', 'Ada']]))).toBe('Ada');
    expect(describeActor('user:gone', new Map())).toBe('a former member');
    expect(describeActor('apikey:k1', new Map())).toBe('an API key');
  });
});

describe('audit objects', () => {
  it('link to their page where the portal has one', () => {
    expect(auditObjectHref('Site', 's1')).toBe('/sites/s1');
    expect(auditObjectHref('Deal', 'd1')).toBe('/deals/d1');
    expect(auditObjectHref('WebhookEndpoint', 'w1')).toBe('/webhooks');
    expect(auditObjectHref('HashpriceIndex', 'h1')).toBeNull();
    expect(auditObjectHref('toString', 'x')).toBeNull();
  });
});
