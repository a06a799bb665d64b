// A Stripe-shaped HTTP server for offline tests and the offline demo. It answers the endpoints
// packages/billing uses, the way Stripe does: form-encoded requests, Bearer secret key, JSON objects with
// `id`/`object`/`created`, `{ error: { type, code, message, param } }` errors, idempotency-key replay (and the
// "same key, different parameters" error), and signed webhook deliveries. State lives in memory.
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { type FormObject, type FormValue, parseForm } from './form';

export type StripeObject = Record<string, unknown> & { id: string; object: string; created: number };

interface StripeErrorBody {
  type: 'invalid_request_error' | 'idempotency_error' | 'api_error' | 'card_error';
  message: string;
  code?: string;
  param?: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

const missing = (kind: string, id: string, param = 'id') =>
  new HttpError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${id}'`, param });
const invalid = (param: string, message: string) => new HttpError(400, { type: 'invalid_request_error', code: 'parameter_invalid', message, param });

const str = (value: FormValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const obj = (value: FormValue | undefined): FormObject => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
const list = (value: FormValue | undefined): FormValue[] => (Array.isArray(value) ? value : []);
const int = (value: FormValue | undefined, param: string): number => {
  const text = str(value);
  if (text === undefined || !/^-?\d+$/.test(text)) throw invalid(param, `Invalid integer: ${text ?? '(missing)'}`);
  return Number(text);
};

const MONTH_SECONDS = 30 * 24 * 3600;

export interface LocalStripeOptions {
  /** The secret key clients must send (Bearer). */
  secretKey: string;
  /** Where to deliver events (our API's /webhooks/stripe) and the secret to sign them with. */
  webhook?: { url: string; secret: string };
  /** Seconds since the epoch; tests may move it. */
  now?: () => number;
}

interface IdempotentEntry {
  request: string;
  status: number;
  body: unknown;
}

/** A failure to answer instead of the next matching request (tests: declined transfers, outages). */
interface Injected {
  method: string;
  /** The exact path, or a pattern (an id the test does not know yet: `/\/v1\/invoices\/in_\w+\/pay$/`). */
  path: string | RegExp;
  status: number;
  error: StripeErrorBody;
}

export class LocalStripe {
  readonly objects = new Map<string, StripeObject>();
  /** Every request that reached a handler (replays excluded), for tests to count. */
  readonly requests: { method: string; path: string; idempotencyKey?: string }[] = [];
  readonly delivered: { type: string; status: number }[] = [];
  /** Every event an operation raised (invoice.paid when an invoice is paid), for tests to deliver again. */
  readonly events: Stripe.Event[] = [];
  private readonly idempotency = new Map<string, IdempotentEntry>();
  /** Events an operation raised (invoice.paid), delivered before its answer is sent. */
  private readonly raised: Stripe.Event[] = [];
  private readonly injected: Injected[] = [];
  /** Connect onboarding links' return URLs, by account. */
  private readonly onboardingReturn = new Map<string, string>();
  private server?: Server;
  private baseUrl = '';
  webhook?: { url: string; secret: string };

  constructor(private readonly options: LocalStripeOptions) {
    this.webhook = options.webhook;
  }

  get url(): string {
    return this.baseUrl;
  }

  now(): number {
    return this.options.now?.() ?? Math.floor(Date.now() / 1000);
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    // stripe-node keeps connections alive; drop them so the process can exit.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Objects of one kind (`subscription`, `invoice`, `invoiceitem`, `transfer`, …). */
  all(object: string): StripeObject[] {
    return [...this.objects.values()].filter((item) => item.object === object);
  }

  failNext(method: string, path: string | RegExp, status: number, error: StripeErrorBody): void {
    this.injected.push({ method, path, status, error });
  }

  /** An event as Stripe sends it; `created` defaults to now. */
  event(type: string, object: object, created = this.now()): Stripe.Event {
    return { id: this.id('evt'), object: 'event', api_version: Stripe.API_VERSION, created, type, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object } } as unknown as Stripe.Event;
  }

  /** Signs and POSTs an event to the webhook URL, as Stripe would; answers the HTTP status. */
  async deliver(event: Stripe.Event, timestamp = this.now()): Promise<number> {
    if (!this.webhook) throw new Error('LocalStripe has no webhook URL to deliver to');
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.webhook.secret, timestamp });
    const response = await fetch(this.webhook.url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    this.delivered.push({ type: event.type, status: response.status });
    return response.status;
  }

  /** What Stripe does when a customer pays in Checkout: a subscription, then the events. */
  async completeCheckout(sessionId: string): Promise<StripeObject> {
    const session = this.get(sessionId, 'checkout.session');
    const lineItems = list(session.line_items as FormValue);
    const subscription = this.createSubscription({
      customer: session.customer as string,
      metadata: obj((session.subscription_data as FormObject | undefined)?.metadata),
      items: lineItems.map((item) => {
        const priceData = obj(obj(item).price_data);
        return { price_data: { ...priceData, product: this.store('product', { name: str(obj(priceData.product_data).name) ?? 'plan', metadata: {} }).id }, quantity: str(obj(item).quantity) ?? '1' };
      }),
    });
    Object.assign(session, { status: 'complete', subscription: subscription.id });
    await this.deliver(this.event('checkout.session.completed', session));
    await this.deliver(this.event('customer.subscription.created', subscription));
    return subscription;
  }

  /** What Stripe does when a host finishes Connect onboarding: the account can take payouts, then the event. */
  async completeOnboarding(accountId: string): Promise<StripeObject> {
    const account = Object.assign(this.get(accountId, 'account'), { charges_enabled: true, payouts_enabled: true, details_submitted: true });
    await this.deliver(this.event('account.updated', account));
    return account;
  }

  private id(prefix: string): string {
    return `${prefix}_${randomBytes(12).toString('hex')}`;
  }

  private store(object: string, fields: Record<string, unknown>, prefix = object.slice(0, 3)): StripeObject {
    const item: StripeObject = { id: this.id(prefix), object, created: this.now(), livemode: false, metadata: {}, ...fields };
    this.objects.set(item.id, item);
    return item;
  }

  private get(id: string, object: string): StripeObject {
    const item = this.objects.get(id);
    if (!item || item.object !== object) throw missing(object, id);
    return item;
  }

  private createSubscription(params: FormObject): StripeObject {
    const customer = str(params.customer);
    if (!customer) throw invalid('customer', 'Missing required param: customer.');
    this.get(customer, 'customer');
    const items = list(params.items);
    if (items.length === 0) throw invalid('items', 'Missing required param: items.');
    const trialEnd = params.trial_end === undefined ? null : int(params.trial_end, 'trial_end');
    const start = this.now();
    const periodEnd = (trialEnd ?? start) + MONTH_SECONDS;
    return this.store(
      'subscription',
      {
        customer,
        status: trialEnd && trialEnd > start ? 'trialing' : 'active',
        cancel_at_period_end: false,
        trial_end: trialEnd,
        metadata: obj(params.metadata),
        items: {
          object: 'list',
          data: items.map((raw, index) => {
            const item = obj(raw);
            const priceData = obj(item.price_data);
            const product = str(priceData.product);
            if (!product) throw invalid(`items[${index}][price_data][product]`, 'Missing required param: product.');
            return {
              id: this.id('si'),
              object: 'subscription_item',
              quantity: int(item.quantity ?? '1', `items[${index}][quantity]`),
              current_period_start: start,
              current_period_end: periodEnd,
              price: { id: this.id('price'), object: 'price', product, currency: str(priceData.currency) ?? 'usd', unit_amount: int(priceData.unit_amount, `items[${index}][price_data][unit_amount]`), recurring: obj(priceData.recurring) },
            };
          }),
        },
      },
      'sub',
    );
  }

  private previewInvoice(params: FormObject): StripeObject {
    const customer = str(params.customer);
    if (!customer) throw invalid('customer', 'Missing required param: customer.');
    this.get(customer, 'customer');
    const live = this.all('subscription').filter((sub) => sub.customer === customer && ['active', 'trialing', 'past_due'].includes(String(sub.status)) && !sub.cancel_at_period_end);
    const lines = live.flatMap((sub) => (sub.items as { data: { quantity: number; current_period_end: number; price: { unit_amount: number } }[] }).data.map((item) => ({ amount: item.quantity * item.price.unit_amount, period_end: item.current_period_end })));
    if (lines.length === 0) throw new HttpError(404, { type: 'invalid_request_error', code: 'invoice_upcoming_none', message: `No upcoming invoices for customer: ${customer}` });
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    const periodEnd = Math.min(...lines.map((line) => line.period_end));
    return { id: 'upcoming_in', object: 'invoice', created: this.now(), customer, currency: 'usd', amount_due: total, total, period_end: periodEnd, next_payment_attempt: periodEnd, status: 'draft' };
  }

  private listOf(object: string, url: string, keep: (item: StripeObject) => boolean) {
    return { object: 'list', data: this.all(object).filter(keep), has_more: false, url };
  }

  /** A draft invoice: items are added to it, then it is finalized (open) and paid. */
  private createInvoice(params: FormObject): StripeObject {
    const customer = str(params.customer);
    if (!customer) throw invalid('customer', 'Missing required param: customer.');
    this.get(customer, 'customer');
    const now = this.now();
    return this.store(
      'invoice',
      {
        customer,
        status: 'draft',
        currency: str(params.currency) ?? 'usd',
        collection_method: str(params.collection_method) ?? 'charge_automatically',
        auto_advance: false,
        description: str(params.description) ?? null,
        metadata: obj(params.metadata),
        lines: { object: 'list', data: [], has_more: false },
        subtotal: 0,
        total: 0,
        amount_due: 0,
        amount_paid: 0,
        amount_remaining: 0,
        period_start: now,
        period_end: now,
        hosted_invoice_url: null,
        parent: null,
        status_transitions: { finalized_at: null, paid_at: null },
      },
      'in',
    );
  }

  private createInvoiceItem(params: FormObject): StripeObject {
    const customer = str(params.customer);
    if (!customer) throw invalid('customer', 'Missing required param: customer.');
    this.get(customer, 'customer');
    const invoiceId = str(params.invoice);
    const invoice = invoiceId ? this.get(invoiceId, 'invoice') : null;
    if (invoice && invoice.status !== 'draft') throw invalid('invoice', `You can only add invoice items to draft invoices; invoice ${invoiceId} is ${String(invoice.status)}.`);
    if (invoice && invoice.customer !== customer) throw invalid('invoice', `Invoice ${invoiceId} belongs to another customer.`);
    const item = this.store(
      'invoiceitem',
      { customer, invoice: invoiceId ?? null, amount: int(params.amount, 'amount'), currency: str(params.currency) ?? 'usd', description: str(params.description) ?? null, metadata: obj(params.metadata) },
      'ii',
    );
    if (invoice) this.totalInvoice(invoice);
    return item;
  }

  private totalInvoice(invoice: StripeObject): void {
    const items = this.all('invoiceitem').filter((item) => item.invoice === invoice.id);
    const total = items.reduce((sum, item) => sum + (item.amount as number), 0);
    const lines = items.map((item) => ({ id: this.id('il'), object: 'line_item', amount: item.amount, currency: item.currency, description: item.description, metadata: item.metadata }));
    // A negative total is the customer's credit at Stripe: nothing is due.
    Object.assign(invoice, { lines: { object: 'list', data: lines, has_more: false }, subtotal: total, total, amount_due: Math.max(0, total), amount_remaining: Math.max(0, total) });
  }

  private finalizeInvoice(id: string): StripeObject {
    const invoice = this.get(id, 'invoice');
    if (invoice.status !== 'draft') throw invalid('invoice', `This invoice is already finalized (status ${String(invoice.status)}).`);
    return Object.assign(invoice, { status: 'open', auto_advance: true, status_transitions: { finalized_at: this.now(), paid_at: null } });
  }

  /** Charges the customer (always succeeds here, unless a failure was injected) and raises invoice.paid. */
  private payInvoice(id: string): StripeObject {
    const invoice = this.get(id, 'invoice');
    if (invoice.status !== 'open') throw invalid('invoice', `Invoice ${id} is ${String(invoice.status)}; only open invoices can be paid.`);
    Object.assign(invoice, { status: 'paid', amount_paid: invoice.amount_due, amount_remaining: 0, status_transitions: { finalized_at: (invoice.status_transitions as { finalized_at: number }).finalized_at, paid_at: this.now() } });
    const event = this.event('invoice.paid', structuredClone(invoice));
    this.events.push(event);
    this.raised.push(event);
    return invoice;
  }

  private route(method: string, path: string, params: FormObject, query: URLSearchParams): unknown {
    const parts = path.split('/').filter(Boolean);
    const [version, resource, id, sub] = parts;
    if (version !== 'v1') throw new HttpError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` });
    // Our ids are `<prefix>_<24 hex>`; anything else in that place is a literal segment (`create_preview`).
    const key = `${method} ${[resource, id && /^[a-z]+_[0-9a-f]{24}$/.test(id) ? ':id' : id, sub].filter(Boolean).join('/')}`;
    switch (key) {
      case 'POST customers':
        return this.store('customer', { name: str(params.name) ?? null, email: str(params.email) ?? null, metadata: obj(params.metadata) });
      case 'GET customers/:id':
        return this.get(id as string, 'customer');
      case 'POST invoices/create_preview':
        return this.previewInvoice(params);
      case 'POST invoices':
        return this.createInvoice(params);
      case 'GET invoices': {
        const customer = query.get('customer');
        return this.listOf('invoice', '/v1/invoices', (invoice) => !customer || invoice.customer === customer);
      }
      case 'GET invoices/:id':
        return this.get(id as string, 'invoice');
      case 'POST invoices/:id/finalize':
        return this.finalizeInvoice(id as string);
      case 'POST invoices/:id/pay':
        return this.payInvoice(id as string);
      case 'POST invoiceitems':
        return this.createInvoiceItem(params);
      case 'GET invoiceitems': {
        const invoice = query.get('invoice');
        return this.listOf('invoiceitem', '/v1/invoiceitems', (item) => !invoice || item.invoice === invoice);
      }
      case 'GET transfers': {
        const group = query.get('transfer_group');
        return { object: 'list', data: this.all('transfer').filter((transfer) => !group || transfer.transfer_group === group), has_more: false, url: '/v1/transfers' };
      }
      case 'POST transfers': {
        const destination = str(params.destination) ?? '';
        if (!this.objects.has(destination)) throw invalid('destination', `No such destination: '${destination}'`);
        const amount = int(params.amount, 'amount');
        if (amount <= 0) throw invalid('amount', 'This value must be greater than or equal to 1.');
        return this.store('transfer', { amount, currency: str(params.currency) ?? 'usd', destination, transfer_group: str(params.transfer_group) ?? null, metadata: obj(params.metadata), reversed: false }, 'tr');
      }
      case 'POST checkout/sessions': {
        const session = this.store('checkout.session', { mode: str(params.mode), customer: str(params.customer) ?? null, status: 'open', metadata: obj(params.metadata), line_items: params.line_items, subscription_data: params.subscription_data, success_url: str(params.success_url) }, 'cs');
        return Object.assign(session, { url: `${this.baseUrl}/checkout/${session.id}` });
      }
      case 'POST billing_portal/sessions': {
        this.get(str(params.customer) ?? '', 'customer');
        const session = this.store('billing_portal.session', { customer: str(params.customer), return_url: str(params.return_url) }, 'bps');
        return Object.assign(session, { url: `${this.baseUrl}/portal/${session.id}` });
      }
      case 'POST accounts':
        return this.store('account', { type: str(params.type) ?? 'express', country: str(params.country) ?? 'US', metadata: obj(params.metadata), charges_enabled: false, payouts_enabled: false, details_submitted: false }, 'acct');
      case 'POST account_links': {
        const account = str(params.account) ?? '';
        this.get(account, 'account');
        const returnUrl = str(params.return_url);
        if (returnUrl) this.onboardingReturn.set(account, returnUrl);
        return { object: 'account_link', created: this.now(), expires_at: this.now() + 300, url: `${this.baseUrl}/onboarding/${account}` };
      }
      default:
        throw new HttpError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` });
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://local');
    const method = request.method ?? 'GET';
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': this.id('req'), ...headers });
      response.end(JSON.stringify(payload));
    };

    // The demo's "hosted" pages: visiting the Checkout URL pays and finishing onboarding enables payouts, as a
    // customer would in Stripe's pages. A browser (Accept: text/html) is then sent back to the return URL, as
    // Stripe does; scripts get JSON.
    const backTo = (returnUrl: unknown, payload: unknown) =>
      typeof returnUrl === 'string' && request.headers.accept?.includes('text/html') ? send(303, payload, { location: returnUrl }) : send(200, payload);
    const hosted = method === 'GET' ? /^\/(checkout|portal|onboarding)\/([a-z]+_[0-9a-f]+)$/.exec(url.pathname) : null;
    if (hosted?.[1] === 'checkout') {
      const id = hosted[2] as string;
      const subscription = await this.completeCheckout(id).catch(() => null);
      return subscription ? backTo(this.objects.get(id)?.success_url, { paid: true, subscription: subscription.id }) : send(404, { paid: false });
    }
    if (hosted?.[1] === 'portal') {
      const session = this.objects.get(hosted[2] as string);
      return session?.object === 'billing_portal.session' ? backTo(session.return_url, { customer: session.customer }) : send(404, { error: { type: 'invalid_request_error', message: 'No such session.' } });
    }
    if (hosted?.[1] === 'onboarding') {
      const id = hosted[2] as string;
      const account = await this.completeOnboarding(id).catch(() => null);
      return account ? backTo(this.onboardingReturn.get(id), { payouts_enabled: true }) : send(404, { error: { type: 'invalid_request_error', message: 'No such account.' } });
    }

    if (request.headers.authorization !== `Bearer ${this.options.secretKey}`) {
      // Like Stripe: say the key is wrong, never echo it.
      return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } });
    }
    const idempotencyKey = typeof request.headers['idempotency-key'] === 'string' ? request.headers['idempotency-key'] : undefined;
    const fingerprint = `${method} ${url.pathname} ${body}`;
    if (idempotencyKey && method === 'POST') {
      const seen = this.idempotency.get(idempotencyKey);
      if (seen && seen.request !== fingerprint) {
        return send(400, {
          error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.` },
        });
      }
      if (seen) return send(seen.status, seen.body, { 'idempotent-replayed': 'true' });
    }
    this.requests.push({ method, path: url.pathname, idempotencyKey });
    let status = 200;
    let payload: unknown;
    const injectedAt = this.injected.findIndex(
      (failure) => failure.method === method && (failure.path instanceof RegExp ? failure.path.test(url.pathname) : failure.path === url.pathname),
    );
    if (injectedAt >= 0) {
      const [failure] = this.injected.splice(injectedAt, 1);
      status = failure?.status ?? 500;
      payload = { error: failure?.error };
    } else {
      try {
        payload = this.route(method, url.pathname, method === 'GET' ? {} : parseForm(body), url.searchParams);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        status = error.status;
        payload = { error: error.body };
      }
    }
    // Stripe stores the outcome under the key once the request started executing: not for requests that
    // failed validation (invalid_request_error) nor for its own 5xx.
    const failedValidation = (payload as { error?: StripeErrorBody }).error?.type === 'invalid_request_error';
    if (idempotencyKey && method === 'POST' && status < 500 && !failedValidation) this.idempotency.set(idempotencyKey, { request: fingerprint, status, body: payload });
    // Stripe sends its events moments after the call; sending them before the answer makes tests
    // deterministic and exercises the order in which the webhook arrives first.
    for (const event of this.raised.splice(0)) {
      if (this.webhook) await this.deliver(event).catch(() => this.delivered.push({ type: event.type, status: 0 }));
    }
    send(status, payload);
  }
}

export async function startLocalStripe(options: LocalStripeOptions, port = 0): Promise<LocalStripe> {
  const local = new LocalStripe(options);
  await local.listen(port);
  return local;
}
