import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS } from './logger';

/** What the logger writes for `fields`, with the API's redaction. */
function logged(fields: object): string {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink).info(fields, 'message');
  return out;
}

describe('logger redaction', () => {
  it('never writes Stripe secrets or signatures', () => {
    const line = logged({
      STRIPE_SECRET_KEY: 'sk_live_one',
      config: { STRIPE_WEBHOOK_SECRET: 'whsec_two', webhookSecret: 'whsec_three' },
      billing: { secretKey: 'sk_live_four', webhookSecret: 'whsec_five' },
      req: { headers: { 'stripe-signature': 't=1,v1=six' } },
    });
    for (const secret of ['sk_live_one', 'whsec_two', 'whsec_three', 'sk_live_four', 'whsec_five', 'v1=six']) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });
});
