import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/engine.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const database = openDatabase(loadConfig().DATABASE_URL);
      try {
        const result = await migrateToLatest(database);
        const applied = result.results ?? [];
        for (const r of applied)
          console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`);
        console.log(
          applied.length === 0 ? 'The database is up to date.' : `${applied.length} migration(s) applied.`,
        );
      } finally {
        await database.close();
      }
    });
}
