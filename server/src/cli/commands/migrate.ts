import type { Command } from 'commander';
import { openDatabase } from '../../db/engine.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { cliConfig } from '../cli-context.ts';
import { printLine, type CliIo } from '../cli-io.ts';

export function registerMigrate(program: Command, io: CliIo) {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const database = openDatabase(cliConfig(io).DATABASE_URL);
      try {
        const result = await migrateToLatest(database);
        const applied = result.results ?? [];
        for (const r of applied)
          printLine(io, `${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`);
        printLine(
          io,
          applied.length === 0 ? 'The database is up to date.' : `${applied.length} migration(s) applied.`,
        );
      } finally {
        await database.close();
      }
    });
}
