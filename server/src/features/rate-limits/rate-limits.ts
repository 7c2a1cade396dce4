import { createRequire } from 'node:module';
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../../db/engine.ts';
import { AppError } from '../../http/app-error.ts';
import type { App } from '../../http/app-types.ts';
import { RateLimitsRepository } from './rate-limits.repository.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string };
  groupId?: string;
}

// The plugin's own in-memory store (an LRU of counters), for the general flood guard below.
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache?: number,
) => FastifyRateLimitStore & { read: FastifyRateLimitStore['incr'] };

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Counters of one route's limit in the database (the rate_limits table), so that every server process behind
 * the proxy counts against the same number: sign-in, first-start setup, password changes and the public page
 * allow their `max` per caller across all processes together, not per process.
 */
class DatabaseStore implements FastifyRateLimitStore {
  private lastPrune = 0;

  constructor(
    private readonly database: Database,
    private readonly prefix: string,
  ) {}

  incr(key: string, cb: Callback, timeWindow: number): void {
    const now = new Date();
    const repo = new RateLimitsRepository(this.database.db);
    repo.hit(this.prefix + key, now, timeWindow).then(
      ({ hits, resetAt }) =>
        cb(null, { current: hits, ttl: Math.max(0, Date.parse(resetAt) - now.getTime()) }),
      (err: Error) => cb(err),
    );
    if (now.getTime() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now.getTime();
      repo.prune(now).catch(() => undefined);
    }
  }

  read(key: string, cb: Callback): void {
    const now = new Date();
    new RateLimitsRepository(this.database.db).read(this.prefix + key, now).then(
      (r) =>
        cb(
          null,
          r ? { current: r.hits, ttl: Date.parse(r.resetAt) - now.getTime() } : { current: 0, ttl: 0 },
        ),
      (err: Error) => cb(err),
    );
  }

  child(): FastifyRateLimitStore {
    return this;
  }
}

/**
 * The one place rate limits are set up. Two kinds:
 * - a route's own limit (`config.rateLimit` on the route, or `app.createRateLimit({ groupId, … })`) is counted in
 *   the database, shared by every process — these are the limits that stop guessing and abuse;
 * - the general limit of `max` requests a minute per address on every other route is a flood guard, counted in
 *   each process's memory: sharing it would cost a database write per request, and a flood is better stopped by
 *   the proxy in front (docs/deploy.md, nginx `limit_req`).
 */
export async function registerRateLimits(app: App, database: Database, max: number): Promise<void> {
  const Store = class {
    private readonly local: InstanceType<typeof LocalStore>;
    constructor() {
      this.local = new LocalStore(false, false, 5000);
    }
    incr(key: string, cb: Callback, timeWindow: number, limit: number) {
      this.local.incr(key, cb, timeWindow, limit);
    }
    read(key: string, cb: Callback, timeWindow: number, limit: number) {
      this.local.read(key, cb, timeWindow, limit);
    }
    child(opts: ChildOptions): FastifyRateLimitStore {
      const { method, url } = opts.routeInfo ?? {};
      // A route's limit counts per route template; a limit made in code (app.createRateLimit) names itself with
      // its groupId, so that two such limits never share a counter.
      const name = url ? `${[method].flat().join(',')} ${url}` : `group ${opts.groupId ?? ''}`;
      return new DatabaseStore(database, `${name}|`);
    }
  };
  await app.register(rateLimit, {
    global: true,
    max,
    timeWindow: '1 minute',
    store: Store as unknown as FastifyRateLimitStoreCtor,
    errorResponseBuilder: () => new AppError(429, 'too_many_requests', { key: 'errors:tooManyRequests' }),
  });
}
