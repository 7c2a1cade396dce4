import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

// Settings come from the environment (and an optional .env in the working directory). Each has a `meta`
// description of what it accepts, printed when a value is refused.
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('a port number 0–65535'),
  HOST: z.string().min(1).default('0.0.0.0').describe('an address to listen on, e.g. 127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/\S+|file:.+)$/)
    .optional()
    .describe('postgres://user:pass@host/db or file:PATH'),
  /** A PostgreSQL streaming replica: reports, dashboards, the public page and exports read from it. */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/)
    .optional()
    .describe('postgres://user:pass@replica-host/db (a replica of DATABASE_URL)'),
  DATABASE_POOL_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('connections per process, 1–200'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('fatal, error, warn, info, debug, trace or silent'),
  /** A request slower than this is logged at info (every request is logged at debug). */
  SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000).describe('milliseconds, at least 1'),
  /** Set to "true" when TLS terminates in front of the app so that cookies are marked Secure. */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto').describe('true, false or auto'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12)
    .describe('hours, 1–720'),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5).describe('a whole number, at least 1'),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15).describe('minutes, at least 1'),
  /**
   * The reverse proxies whose X-Forwarded-For is believed, as addresses or CIDR ranges separated by commas
   * (e.g. 127.0.0.1 for nginx on the same machine). Empty: none, so the peer address is the client's and a client
   * cannot choose the address its sign-in attempts are counted against or the audit log records.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^[\s0-9a-fA-F.:/,]*$/)
    .default('')
    .describe('addresses or CIDR ranges, comma-separated, e.g. 127.0.0.1,10.0.0.0/8'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('the address users reach, https://…'),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20).describe('megabytes, 1–200'),
  /** Bearer token for GET /metrics; without it /metrics answers only to requests from this machine. */
  /** Whether this process runs background jobs (one that only serves requests sets false). */
  JOBS_RUN: z.enum(['true', 'false']).default('true').describe('true or false'),
  JOBS_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .default(2)
    .describe('jobs at once per process, 1–16'),
  /** A running job silent this long belongs to a dead process and is run again by another. */
  JOBS_STALE_SECONDS: z.coerce.number().int().min(3).max(3600).default(30).describe('seconds, 3–3600'),
  METRICS_TOKEN: z.string().min(16).optional().describe('a secret of at least 16 characters'),
});

export type Config = z.infer<typeof ConfigSchema>;

/** TRUST_PROXY as Fastify takes it: a list of addresses, or false for none. */
export function trustedProxies(config: Pick<Config, 'TRUST_PROXY'>): string[] | false {
  const list = config.TRUST_PROXY.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 ? list : false;
}

/** Settings that cannot be used: one line per bad setting, naming it, its value and what is accepted. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(`Invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
}

const SECRET = /PASSWORD|TOKEN|SECRET/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dotenv = resolve(process.cwd(), '.env');
  if (env === process.env && existsSync(dotenv)) process.loadEnvFile(dotenv);
  // An empty variable (FOO= in a unit file) means "not set", as it does for most programs.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(given);
  if (parsed.success) {
    const c = parsed.data;
    if (c.DATABASE_READ_URL && !/^postgres/.test(c.DATABASE_URL ?? ''))
      throw new ConfigError([
        `DATABASE_READ_URL is set but DATABASE_URL=${JSON.stringify(c.DATABASE_URL ?? 'not set')}: a replica needs a PostgreSQL primary`,
      ]);
    return c;
  }
  const lines = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (lines.has(name)) continue;
    const raw = given[name];
    const value = raw === undefined ? 'not set' : SECRET.test(name) ? '(hidden)' : JSON.stringify(raw);
    const accepts = ConfigSchema.shape[name as keyof Config]?.description ?? issue.message;
    lines.set(name, `${name}=${value}: expected ${accepts}`);
  }
  throw new ConfigError([...lines.values()]);
}
