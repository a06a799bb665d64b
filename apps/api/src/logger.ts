// Structured logs (pino). Anything that could carry a secret is redacted by path before it is written.
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'STRIPE_SECRET_KEY',
  '*.STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  '*.STRIPE_WEBHOOK_SECRET',
  'webhookSecret',
  '*.webhookSecret',
  'secretKey',
  '*.secretKey',
  'req.headers["stripe-signature"]',
  '*.headers["stripe-signature"]',
  'secretCiphertext',
  '*.secretCiphertext',
  'WEBHOOK_ENCRYPTION_KEY',
  '*.WEBHOOK_ENCRYPTION_KEY',
  'webhookEncryptionKey',
  '*.webhookEncryptionKey',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
