// Secrets we hand out or accept: passwords, API keys, session tokens. Only hashes are ever stored.
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt's cost parameters; a stored hash records the ones it was made with (`scrypt$N$r$p$salt$hash`). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

// OWASP's minimum for scrypt (Password Storage Cheat Sheet): N = 2^17, r = 8, p = 1. Memory-hard: 128 MiB
// per hash (128 × N × r bytes), about 0.3 s here; libuv's 4 threads bound how many run at once.
export const PASSWORD_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

const scryptOptions = ({ N, r, p }: ScryptCost) => ({ N, r, p, maxmem: 256 * N * r });

export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH, scryptOptions(cost));
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** The cost a stored hash was made with; null when it is not one of ours. */
function storedCost(stored: string): (ScryptCost & { salt: Buffer; hash: Buffer }) | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  // A hash whose parameters are not sane would make scrypt throw or allocate without bound.
  const sane = Number.isInteger(Math.log2(cost.N)) && cost.N >= 2 && cost.N <= 2 ** 20 && cost.r >= 1 && cost.r <= 32 && cost.p >= 1 && cost.p <= 16;
  return sane ? { ...cost, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') } : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = storedCost(stored);
  if (!parsed) return false;
  const actual = await scrypt(password, parsed.salt, parsed.hash.length, scryptOptions(parsed));
  return timingSafeEqual(actual, parsed.hash);
}

/** Whether a stored hash was made with other parameters than `cost` (re-hash it at the next sign-in). */
export function needsRehash(stored: string, cost: ScryptCost = PASSWORD_COST): boolean {
  const parsed = storedCost(stored);
  return !parsed || parsed.N !== cost.N || parsed.r !== cost.r || parsed.p !== cost.p;
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

/** A bearer secret: prefix + 32 random bytes; only its hash is stored. */
function issueToken(prefix: string): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export const issueSessionToken = () => issueToken('gss_');

/** An invitation to join an organisation, shown once to the person inviting. */
export const issueInvitationToken = () => issueToken('gsi_');
