import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import type { App } from '../../http/app-types.ts';
import { dbPoolConnections, metricsRegistry } from './metrics.ts';

const Ready = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
  /** Migrations the database has not run yet (a process must not serve a schema it does not match). */
  pendingMigrations: z.array(z.string()),
});

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const loopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/**
 * What a load balancer and an operator watch: /api/health (the process answers), /api/ready (its database answers
 * and has every migration this code expects; 503 otherwise, so a balancer sends no traffic to it) and /metrics
 * (Prometheus). `collect` adds figures read at scrape time (the job queue).
 */
export function systemRoutes(
  app: App,
  deps: { database: Database; config: Config; collect?: () => Promise<void> },
) {
  const tags = ['system'];
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The process is alive (does not touch the database)',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Ready to serve: the database answers and its schema is current; 503 otherwise',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_req, reply) => {
      let database: 'ok' | 'unreachable' = 'ok';
      let pending: string[] = [];
      try {
        await sql`select 1`.execute(deps.database.db);
        pending = await pendingMigrations(deps.database);
      } catch {
        database = 'unreachable';
      }
      const ok = database === 'ok' && pending.length === 0;
      return reply
        .status(ok ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status: ok ? 'ok' : 'unavailable', database, pendingMigrations: pending });
    },
  );

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const token = deps.config.METRICS_TOKEN;
    const auth = req.headers.authorization ?? '';
    const allowed = token
      ? auth.startsWith('Bearer ') && sameSecret(auth.slice('Bearer '.length), token)
      : loopback(req.socket.remoteAddress);
    if (!allowed) return reply.status(404).send();
    const pools: [string, Pick<Database, 'poolStats'> | undefined][] = [
      ['primary', deps.database],
      ['replica', deps.database.replica],
    ];
    for (const [pool, database] of pools) {
      if (!database) continue;
      const s = database.poolStats?.();
      if (!s) continue;
      for (const state of ['total', 'idle', 'waiting', 'max'] as const) {
        dbPoolConnections.set({ pool, state }, s[state]);
      }
    }
    await deps.collect?.().catch((err: unknown) => req.log.warn({ err }, 'metrics: collecting failed'));
    return reply
      .header('content-type', metricsRegistry.contentType)
      .header('cache-control', 'no-store')
      .send(await metricsRegistry.metrics());
  });
}
