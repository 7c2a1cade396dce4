import type { Command } from 'commander';
import { openDatabase } from '../../db/engine.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { translate } from '../../i18n/translator.ts';
import { BackupService, verifyBackup } from '../../features/backup/backup.service.ts';
import { CliError } from '../cli-error.ts';
import { cliConfig, cliLang } from '../cli-context.ts';
import { printLine, type CliIo } from '../cli-io.ts';

export function registerBackup(program: Command, io: CliIo) {
  const backup = program
    .command('backup')
    .description('write a consistent copy of the whole database to FILE while the server runs')
    .argument('<file>')
    .action(async (file: string) => {
      const database = openDatabase(cliConfig(io).DATABASE_URL);
      try {
        const counts = await new BackupService(database).backup(file);
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        printLine(
          io,
          translate(cliLang(io.env), 'cli:backup.done', { file, tables: Object.keys(counts).length, rows }),
        );
      } finally {
        await database.close();
      }
    });
  // `backup verify FILE`: commander hands a first argument that names a subcommand to it, any other to backup.
  backup
    .command('verify')
    .description('check a backup FILE without restoring it (counts, checksums); exit 1 if it is damaged')
    .argument('<file>')
    .action(async (file: string) => {
      const lang = cliLang(io.env);
      const check = await verifyBackup(file);
      if (!check.ok) throw new CliError(translate(lang, check.problem!.key, check.problem!.params), 1);
      printLine(
        io,
        translate(lang, 'cli:backupVerify.ok', {
          file,
          createdAt: check.createdAt ?? '',
          tables: Object.keys(check.tables).length,
          rows: check.rows,
        }),
      );
    });
  program
    .command('restore')
    .description('restore a backup FILE into an empty database (of either engine)')
    .argument('<file>')
    .action(async (file: string) => {
      const database = openDatabase(cliConfig(io).DATABASE_URL);
      try {
        await migrateToLatest(database);
        const counts = await new BackupService(database).restore(file);
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        printLine(
          io,
          translate(cliLang(io.env), 'cli:restore.done', { file, tables: Object.keys(counts).length, rows }),
        );
      } finally {
        await database.close();
      }
    });
}
