// The environment, validated once at boot: a bad variable stops the start with a message that names it.
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'use true or false' })
  .transform((value) => value === 'true' || value === '1');

export const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SEED_DEMO: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // SQL statements slower than this are logged (warn, with the request id, without parameters); 0 turns it off.
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 30),
  // Rate limits live in Redis when REDIS_URL is set (shared by every API process), in memory otherwise.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Requests per minute per caller (API key, person, or IP when anonymous), by the organisation's plan.
  RATE_LIMIT_FREE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_PRO_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(12000),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  // Failed sign-ins per email and IP per 15 minutes.
  SIGN_IN_ATTEMPTS: z.coerce.number().int().min(1).default(5),
});

export type TConfig = z.infer<typeof ZConfig> & { seedDemo: boolean };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  // Demo data by default everywhere but production, where it must be asked for.
  return { ...parsed.data, seedDemo: parsed.data.SEED_DEMO ?? parsed.data.NODE_ENV !== 'production' };
}
