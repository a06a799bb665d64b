// Structured logs (pino). Secrets never reach the output: known secret-bearing keys are redacted by path,
// and secret-shaped text (API keys, session tokens, Stripe keys, bearer credentials, passwords in URLs) is
// masked wherever it appears, messages and error messages included.
import pino, { type DestinationStream, type Logger } from 'pino';

const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'apiKey',
  'stripeSecretKey',
  'webhookSecret',
  'DATABASE_URL',
  'REDIS_URL',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'AUTH_SECRET',
  'secretKey',
  'stripe-signature',
  'secretCiphertext',
  'WEBHOOK_ENCRYPTION_KEY',
  'webhookEncryptionKey',
];

const path = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
const join = (prefix: string, key: string) => (path(key).startsWith('[') ? `${prefix}${path(key)}` : `${prefix}.${key}`);

/** Each secret key at the top, one level down, and under any `headers` (request and response objects). */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [path(key), join('*', key), join('headers', key), join('*.headers', key)]);

const SECRET_PATTERNS: [RegExp, string][] = [
  [/\bgsk_[0-9A-Za-z_]{8,}/g, 'gsk_[redacted]'],
  [/\bgss_[\w-]{8,}/g, 'gss_[redacted]'],
  [/\b(sk|rk|pk)_(live|test)_[0-9A-Za-z]{8,}/g, '$1_$2_[redacted]'],
  [/\bwhsec_[0-9A-Za-z+/=]{8,}/g, 'whsec_[redacted]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]{8,}/gi, '$1 [redacted]'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, '$1[redacted]@'],
];

export function scrubSecrets(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

/** Masks secret-shaped strings in plain objects and arrays (a few levels deep); other objects pass as they are. */
function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubValue(item, depth + 1)]));
}

/** pino's error serializer, with the message and stack masked (a driver error may quote a connection string). */
function scrubError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack']) {
    const value = serialized[key];
    if (typeof value === 'string') serialized[key] = scrubSecrets(value);
  }
  return serialized;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { log: (object) => scrubValue(object) as Record<string, unknown> },
      serializers: { err: scrubError },
      hooks: {
        // The message and printf-style arguments.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => scrubValue(arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
