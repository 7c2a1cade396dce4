import type { Kysely } from 'kysely';

/**
 * Rate-limit counters that every server process shares (sign-in, first-start setup, password changes, the public
 * page): one row per route and caller, counting hits until `reset_at`. In memory, N processes behind nginx would
 * each allow the limit, so a guesser spreading requests over them would get N times as many tries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'bigint', (c) => c.notNull())
    .addColumn('reset_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_reset_at').on('rate_limits').column('reset_at').execute();
}
