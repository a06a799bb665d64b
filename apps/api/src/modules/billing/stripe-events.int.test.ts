// POST /webhooks/stripe over real HTTP: signatures, duplicates, order, unknown types, and a database
// connection killed in the middle of an event's transaction.
import Stripe from 'stripe';
import pg from 'pg';
import { type OrgFixture, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let org: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  org = await signUpOrg(api, 'PARTNER', 'webhooks');
});
afterAll(() => api.close());

/** A platform-plan subscription of `orgId` as Stripe would send it. */
function planSubscription(orgId: string, status: string, id = `sub_${Math.random().toString(16).slice(2).padEnd(24, '0').slice(0, 24)}`) {
  return {
    id,
    object: 'subscription',
    customer: 'cus_test',
    status,
    cancel_at_period_end: false,
    metadata: { kind: 'PLAN', org_id: orgId, plan: 'PRO' },
    items: { object: 'list', data: [{ id: 'si_1', object: 'subscription_item', current_period_end: 1_900_000_000 }] },
  };
}

const planOf = async (orgId: string) => (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: orgId }, select: { plan: true } })).plan;
const storedEvents = (id: string) => api.db.prisma.stripeEvent.count({ where: { id } });

async function postRaw(body: string, signature: string): Promise<Response> {
  return fetch(`${api.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
}

describe('signature', () => {
  const secret = () => api.stripe.webhook!.secret;
  const cases: [string, (payload: string) => { body: string; signature: string }][] = [
    ['a signature 301 s old', (payload) => ({ body: payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: secret(), timestamp: Math.floor(Date.now() / 1000) - 301 }) })],
    // stripe-node checks a signature's age only: one stamped ahead would stay valid until its time came.
    ['a signature 301 s in the future', (payload) => ({ body: payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: secret(), timestamp: Math.floor(Date.now() / 1000) + 301 }) })],
    ['one changed byte', (payload) => ({ body: payload.replace('"PRO"', '"APX"'), signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: secret() }) })],
    ['a wrong secret', (payload) => ({ body: payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_ours' }) })],
    ['no signature', (payload) => ({ body: payload, signature: '' })],
  ];

  it.each(cases)('refuses %s with 400 and stores nothing', async (_name, forge) => {
    const event = api.stripe.event('customer.subscription.created', planSubscription(org.orgId, 'active'));
    const { body, signature } = forge(JSON.stringify(event));
    const response = await postRaw(body, signature);
    expect(response.status).toBe(400);
    expect(await storedEvents(event.id)).toBe(0);
    expect(await api.db.prisma.billingSubscription.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(await planOf(org.orgId)).toBe('FREE');
  });

  it('accepts a signature 299 s old', async () => {
    const event = api.stripe.event('customer.created', { id: 'cus_299', object: 'customer' });
    const payload = JSON.stringify(event);
    const response = await postRaw(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: secret(), timestamp: Math.floor(Date.now() / 1000) - 299 }));
    expect(response.status).toBe(200);
  });

  it('accepts a signature 299 s in the future (clock skew)', async () => {
    const event = api.stripe.event('customer.created', { id: 'cus_299_ahead', object: 'customer' });
    const payload = JSON.stringify(event);
    const response = await postRaw(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: secret(), timestamp: Math.floor(Date.now() / 1000) + 299 }));
    expect(response.status).toBe(200);
  });
});

describe('delivery', () => {
  it('applies an event delivered 5 times once: five 200s, one stored event, one subscription, plan PRO', async () => {
    const buyer = await signUpOrg(api, 'PARTNER', 'five-times');
    const event = api.stripe.event('customer.subscription.created', planSubscription(buyer.orgId, 'active'));
    const statuses = await Promise.all(Array.from({ length: 5 }, () => api.stripe.deliver(event)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(await storedEvents(event.id)).toBe(1);
    expect(await api.db.prisma.billingSubscription.count({ where: { orgId: buyer.orgId } })).toBe(1);
    expect(await planOf(buyer.orgId)).toBe('PRO');
  });

  it('keeps the newer state when subscription.updated arrives before subscription.created', async () => {
    const buyer = await signUpOrg(api, 'PARTNER', 'out-of-order');
    const now = Math.floor(Date.now() / 1000);
    const subscription = planSubscription(buyer.orgId, 'incomplete');
    const created = api.stripe.event('customer.subscription.created', subscription, now - 10);
    const updated = api.stripe.event('customer.subscription.updated', { ...subscription, status: 'active' }, now - 5);
    expect(await api.stripe.deliver(updated)).toBe(200);
    expect(await api.stripe.deliver(created)).toBe(200);
    const row = await api.db.prisma.billingSubscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect({ status: row.status, eventCreatedUnix: row.eventCreatedUnix }).toEqual({ status: 'active', eventCreatedUnix: now - 5 });
    expect(await planOf(buyer.orgId)).toBe('PRO');

    // And the cancellation that follows, then a late copy of the older update: still canceled, plan FREE.
    const deleted = api.stripe.event('customer.subscription.deleted', { ...subscription, status: 'canceled' }, now);
    expect(await api.stripe.deliver(deleted)).toBe(200);
    expect(await api.stripe.deliver(api.stripe.event('customer.subscription.updated', { ...subscription, status: 'active' }, now - 1))).toBe(200);
    expect((await api.db.prisma.billingSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe('canceled');
    expect(await planOf(buyer.orgId)).toBe('FREE');
  });

  it('acknowledges an unknown event type and changes nothing', async () => {
    const event = api.stripe.event('radar.early_fraud_warning.created', { id: 'issfr_1', object: 'radar.early_fraud_warning' });
    expect(await api.stripe.deliver(event)).toBe(200);
    expect(await storedEvents(event.id)).toBe(1);
  });
});

describe('a database connection killed mid-webhook', () => {
  it('answers 5xx, leaves no partial rows, and a redelivery then succeeds', async () => {
    const buyer = await signUpOrg(api, 'PARTNER', 'killed');
    const event = api.stripe.event('customer.subscription.created', planSubscription(buyer.orgId, 'active'));

    if (api.db.url) {
      // PostgreSQL: hold the organisation's row so the handler's transaction (event id and subscription row
      // already written) waits on it, then terminate the handler's backend from this other connection.
      const other = new pg.Client({ connectionString: api.db.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT 1 FROM "Organization" WHERE "id" = $1 FOR UPDATE', [buyer.orgId]);
        const delivery = api.stripe.deliver(event);
        let pid: number | undefined;
        for (let attempt = 0; attempt < 200 && pid === undefined; attempt += 1) {
          const waiting = await other.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          );
          pid = waiting.rows[0]?.pid;
          if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect(pid).toBeDefined();
        await other.query('SELECT pg_terminate_backend($1)', [pid]);
        await other.query('ROLLBACK');
        expect(await delivery).toBeGreaterThanOrEqual(500);
      } finally {
        await other.end();
      }
    } else {
      // PGlite is one connection in this process: nothing to kill from outside. The same failure point is
      // made by a trigger that fails the organisation update inside the handler's transaction.
      await api.db.prisma.$executeRawUnsafe(`CREATE FUNCTION fail_plan_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'connection lost'; END $$`);
      await api.db.prisma.$executeRawUnsafe(`CREATE TRIGGER fail_plan_update BEFORE UPDATE OF "plan" ON "Organization" FOR EACH ROW EXECUTE FUNCTION fail_plan_update()`);
      expect(await api.stripe.deliver(event)).toBeGreaterThanOrEqual(500);
      await api.db.prisma.$executeRawUnsafe(`DROP TRIGGER fail_plan_update ON "Organization"`);
    }

    expect(await storedEvents(event.id)).toBe(0);
    expect(await api.db.prisma.billingSubscription.count({ where: { orgId: buyer.orgId } })).toBe(0);
    expect(await planOf(buyer.orgId)).toBe('FREE');

    expect(await api.stripe.deliver(event)).toBe(200);
    expect(await storedEvents(event.id)).toBe(1);
    expect(await api.db.prisma.billingSubscription.count({ where: { orgId: buyer.orgId } })).toBe(1);
    expect(await planOf(buyer.orgId)).toBe('PRO');
  });
});
