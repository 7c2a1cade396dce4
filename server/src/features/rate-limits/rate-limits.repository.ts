import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The only SQL of the shared rate-limit counters. */
export class RateLimitsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Counts one hit of `key` and answers the hits in its window and when the window ends. One statement (an upsert
   * that starts a new window when the old one is over), so processes counting the same key at once never lose a hit.
   */
  async hit(key: string, now: Date, windowMs: number): Promise<{ hits: number; resetAt: string }> {
    const at = now.toISOString();
    const next = new Date(now.getTime() + windowMs).toISOString();
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, hits: 1, reset_at: next })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when rate_limits.reset_at <= ${at} then 1 else rate_limits.hits + 1 end`,
          reset_at: sql<string>`case when rate_limits.reset_at <= ${at} then ${next} else rate_limits.reset_at end`,
        }),
      )
      .returning(['hits', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), resetAt: row.reset_at };
  }

  /** The hits of `key` in its current window, without counting one. */
  async read(key: string, now: Date): Promise<{ hits: number; resetAt: string } | null> {
    const row = await this.db
      .selectFrom('rate_limits')
      .select(['hits', 'reset_at'])
      .where('key', '=', key)
      .where('reset_at', '>', now.toISOString())
      .executeTakeFirst();
    return row ? { hits: Number(row.hits), resetAt: row.reset_at } : null;
  }

  /** Forgets one counter (a sign-in that succeeded clears its failures). */
  async forget(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', key).execute();
  }

  /** Forgets counters whose window is over (a caller seen once an hour ago needs no row). */
  async prune(now: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('rate_limits')
      .where('reset_at', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
