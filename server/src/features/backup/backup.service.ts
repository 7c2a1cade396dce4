import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../../db/engine.ts';
import { AppError } from '../../http/app-error.ts';
import { rebuildReportFacts } from '../reports/facts/report-facts.ts';
import { BackupRepository } from './backup.repository.ts';

const FORMAT = 'mektepke-jol-backup';

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  engine: string;
  migrations: string[];
}

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The lines of a gzip'd file; a read or decompression error ends the iteration with that error. */
async function* gzipLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  let rest = '';
  // setEncoding decodes across chunk boundaries, so a Cyrillic letter split between two chunks stays whole.
  for await (const chunk of input.pipe(gunzip).setEncoding('utf8')) {
    const parts = (rest + (chunk as string)).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest) yield rest;
}

/**
 * Backups are gzip'd JSON lines: a header, then per table a line naming it and its columns, then its rows as
 * arrays. The format is the same for both engines, so a SQLite backup restores into PostgreSQL and back.
 */
export class BackupService {
  constructor(private readonly database: Database) {}

  /** A consistent copy while the server runs: everything is read inside one snapshot transaction. */
  async backup(
    file: string,
    onTable?: (table: string, rows: number) => void,
  ): Promise<Record<string, number>> {
    const gzip = createGzip();
    const out = createWriteStream(file);
    gzip.pipe(out);
    const write = async (value: unknown) => {
      if (!gzip.write(JSON.stringify(value) + '\n')) await once(gzip, 'drain');
    };
    const counts: Record<string, number> = {};
    let tx = this.database.db.transaction();
    if (this.database.engine === 'postgres') tx = tx.setIsolationLevel('repeatable read');
    await tx.execute(async (trx) => {
      const repo = new BackupRepository(trx, this.database.engine);
      const header: Header = {
        format: FORMAT,
        version: 1,
        createdAt: new Date().toISOString(),
        engine: this.database.engine,
        migrations: await repo.appliedMigrations(),
      };
      await write(header);
      for (const table of await repo.tablesInDependencyOrder()) {
        const columns = await repo.columns(table);
        await write({ table, columns });
        counts[table] = 0;
        const orderBy = columns.includes('id') ? 'id' : columns[0]!;
        for await (const page of repo.rows(table, orderBy)) {
          for (const row of page) await write(columns.map((c) => row[c] ?? null));
          counts[table] += page.length;
        }
        onTable?.(table, counts[table]);
      }
    });
    gzip.end();
    await once(out, 'close');
    return counts;
  }

  /** Restores into an empty, migrated database, all in one transaction: a failure leaves it empty. */
  async restore(
    file: string,
    onTable?: (table: string, rows: number) => void,
  ): Promise<Record<string, number>> {
    const repo = new BackupRepository(this.database.db, this.database.engine);
    // Empty means no org units and no users; reference data that migrations seed is replaced by the backup's.
    for (const table of ['org_units', 'users']) {
      if ((await repo.count(table)) > 0)
        throw new AppError(409, 'not_empty', { key: 'cli:restore.notEmpty', params: { table } });
    }
    const known = new Set(await repo.appliedMigrations());
    if (!isGzip(file)) throw new AppError(400, 'not_a_backup', { key: 'cli:restore.notABackup' });
    const lines = gzipLines(file);
    const counts: Record<string, number> = {};
    await this.restoreLines(lines, known, counts, onTable).catch((error: unknown) => {
      // A file that is not gzip'd JSON lines is not one of our backups.
      if (error instanceof AppError) throw error;
      if (error instanceof SyntaxError || (error as { code?: string }).code?.startsWith('Z_')) {
        throw new AppError(400, 'not_a_backup', { key: 'cli:restore.notABackup' });
      }
      throw error;
    });
    return counts;
  }

  private async restoreLines(
    lines: AsyncIterable<string>,
    known: Set<string>,
    counts: Record<string, number>,
    onTable?: (table: string, rows: number) => void,
  ) {
    await this.database.db.transaction().execute(async (trx) => {
      const target = new BackupRepository(trx, this.database.engine);
      for (const t of (await target.tablesInDependencyOrder()).reverse()) await target.clear(t);
      let header: Header | undefined;
      let table: string | undefined;
      let columns: string[] = [];
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (table && batch.length > 0) await target.insert(table, batch);
        batch = [];
      };
      for await (const line of lines) {
        if (!line) continue;
        const value = JSON.parse(line) as unknown;
        if (!header) {
          header = value as Header;
          if (header.format !== FORMAT)
            throw new AppError(400, 'not_a_backup', { key: 'cli:restore.notABackup' });
          const missing = header.migrations.filter((m) => !known.has(m));
          if (missing.length > 0) {
            throw new AppError(400, 'newer_backup', {
              key: 'cli:restore.newerBackup',
              params: { migrations: missing.join(', ') },
            });
          }
          continue;
        }
        if (!Array.isArray(value)) {
          await flush();
          if (table) onTable?.(table, counts[table] ?? 0);
          ({ table, columns } = value as { table: string; columns: string[] });
          counts[table] = 0;
          continue;
        }
        batch.push(Object.fromEntries(columns.map((c, i) => [c, (value as unknown[])[i]])));
        counts[table!] = (counts[table!] ?? 0) + 1;
        // Stay under the engines' limit on bound parameters per statement.
        if (batch.length >= Math.floor(30_000 / Math.max(columns.length, 1))) await flush();
      }
      await flush();
      if (table) onTable?.(table, counts[table] ?? 0);
      if (!header) throw new AppError(400, 'not_a_backup', { key: 'cli:restore.notABackup' });
      await rebuildReportFacts(trx);
    });
  }
}
