import { createHmac } from 'node:crypto';
import { decryptSecret, encryptSecret } from './secret-box';
import { generateSigningSecret, signatureHeader, verifySignature } from './signing';

const key = Buffer.alloc(32, 3);

describe('webhook secrets at rest', () => {
  it('round-trips, never stores the plain secret, and refuses another key or a changed byte', () => {
    const secret = generateSigningSecret();
    const sealed = encryptSecret(key, secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(decryptSecret(key, sealed)).toBe(secret);
    expect(() => decryptSecret(Buffer.alloc(32, 4), sealed)).toThrow();
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), `${parts[3]!.slice(0, -2)}AA`].join('.');
    expect(() => decryptSecret(key, tampered)).toThrow();
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"e1","type":"deal.accepted"}';
  const t = 1_800_000_000;

  it('is HMAC-SHA256 of "t.body", as docs/webhooks.md tells partners to compute it', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signatureHeader(secret, body, t)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies fresh signatures only, with the right secret and the exact body', () => {
    const header = signatureHeader(secret, body, t);
    expect(verifySignature(secret, header, body, 300, t * 1000 + 299_000)).toBe(true);
    expect(verifySignature(secret, header, body, 300, t * 1000 + 301_000)).toBe(false);
    expect(verifySignature('whsec_other', header, body, 300, t * 1000)).toBe(false);
    expect(verifySignature(secret, header, `${body} `, 300, t * 1000)).toBe(false);
    expect(verifySignature(secret, 'garbage', body, 300, t * 1000)).toBe(false);
  });
});
