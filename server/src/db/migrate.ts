import { Migrator, type MigrationResultSet } from 'kysely';
import { ensureReportFacts } from '../features/reports/facts/report-facts.ts';
import type { Database } from './engine.ts';
import { migrations } from './migrations/index.ts';

/**
 * Brings the schema up to date, and then the derived report facts when their layout changed (a rebuild). Migrations are timestamped, append-only files listed in ./migrations/index.ts;
 * each runs on SQLite and PostgreSQL alike (see ./migrations/README.md).
 */
export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
  await ensureReportFacts(database);
  return result;
}

/** Migrations this code knows that the database has not run (empty when the schema is current). */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
