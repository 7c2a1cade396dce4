import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Helpers that let one migration file run on both engines.

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An index for prefix matches (`LIKE 'prefix%'`) on a materialised path column. */
export async function createPathIndex(db: Kysely<unknown>, name: string, table: string, column: string) {
  const opclass = isPostgres(db) ? sql` text_pattern_ops` : sql``;
  await sql`create index ${sql.id(name)} on ${sql.id(table)} (${sql.id(column)}${opclass})`.execute(db);
}
