import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

// Settings come from the environment (and an optional .env in the working directory).
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set to "true" when TLS terminates in front of the app so that cookies are marked Secure. */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  PUBLIC_URL: z.string().optional(),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dotenv = resolve(process.cwd(), '.env');
  if (env === process.env && existsSync(dotenv)) process.loadEnvFile(dotenv);
  return ConfigSchema.parse(env);
}
