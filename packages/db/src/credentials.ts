// Secrets we hand out or accept: passwords, API keys, session tokens. Only hashes are ever stored.
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// scrypt is memory-hard and ships with Node: N=2^15, r=8 uses 32 MiB per hash (~60 ms here).
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keylen } = SCRYPT;
  const hash = await scrypt(password, salt, keylen, { N, r, p, maxmem: 256 * N * r });
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const N = Number(n);
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return timingSafeEqual(actual, expected);
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

const API_KEY_PREFIX = 'gsk_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(bytes: Buffer): string {
  let n = BigInt('0x' + bytes.toString('hex'));
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(Math.ceil((bytes.length * 8) / Math.log2(62)), '0');
}

// A checksum lets secret scanners tell a real key from random text without asking us.
function checksum(body: string): string {
  return base62(createHash('sha256').update(body).digest().subarray(0, 4)).slice(-6);
}

export interface IssuedApiKey {
  /** The whole key: shown to its owner once, never stored. */
  secret: string;
  /** Shown in lists so keys can be told apart. */
  prefix: string;
  hash: string;
}

/** `gsk_<43 base62 chars of 32 random bytes>_<6-char checksum>`. */
export function issueApiKey(random: Buffer = randomBytes(32)): IssuedApiKey {
  const body = API_KEY_PREFIX + base62(random);
  const secret = `${body}_${checksum(body)}`;
  return { secret, prefix: secret.slice(0, 12), hash: sha256(secret) };
}

/** Well-formed (prefix, length, checksum) before any database lookup. */
export function isWellFormedApiKey(secret: string): boolean {
  const match = /^(gsk_[0-9A-Za-z]{43})_([0-9A-Za-z]{6})$/.exec(secret);
  return match !== null && checksum(match[1]!) === match[2];
}

export function issueSessionToken(): { token: string; hash: string } {
  const token = 'gss_' + randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}
