import { createWriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Database } from '../../db/engine.ts';
import { AppError, type Message } from '../../http/app-error.ts';
import {
  BACKUP_FORMAT,
  encodeValue,
  readBackup,
  type BackupEnd,
  type BackupHeader,
  type TableEnd,
} from './backup-file.ts';
import { rebuildReportFacts } from '../reports/facts/report-facts.ts';
import { BackupRepository } from './backup.repository.ts';

/** What `backup verify` found: per-table counts, and the first damage if any. */
export interface BackupCheck {
  ok: boolean;
  version: number;
  createdAt?: string;
  tables: Record<string, number>;
  rows: number;
  problem?: Message;
}

/** Backups and restores of the whole database, in the engine-neutral format of backup-file.ts. */
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
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: 2,
        createdAt: new Date().toISOString(),
        engine: this.database.engine,
        migrations: await repo.appliedMigrations(),
      };
      await write(header);
      for (const table of await repo.tablesInDependencyOrder()) {
        const columns = await repo.columns(table);
        await write({ table, columns });
        counts[table] = 0;
        const hash = createHash('sha256');
        const orderBy = columns.includes('id') ? 'id' : columns[0]!;
        for await (const page of repo.rows(table, orderBy)) {
          for (const row of page) {
            const line = JSON.stringify(columns.map((c) => encodeValue(row[c])));
            hash.update(line + '\n');
            if (!gzip.write(line + '\n')) await once(gzip, 'drain');
          }
          counts[table] += page.length;
        }
        await write({ end: table, rows: counts[table], sha256: hash.digest('hex') } satisfies TableEnd);
        onTable?.(table, counts[table]);
      }
      const tables = Object.keys(counts).length;
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      await write({ complete: true, tables, rows } satisfies BackupEnd);
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
    const counts: Record<string, number> = {};
    await this.database.db.transaction().execute(async (trx) => {
      const target = new BackupRepository(trx, this.database.engine);
      for (const t of (await target.tablesInDependencyOrder()).reverse()) await target.clear(t);
      let table: string | undefined;
      let columns: string[] = [];
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (table && batch.length > 0) await target.insert(table, batch);
        batch = [];
      };
      for await (const item of readBackup(file)) {
        switch (item.kind) {
          case 'header': {
            const missing = item.header.migrations.filter((m) => !known.has(m));
            if (missing.length > 0) {
              throw new AppError(400, 'newer_backup', {
                key: 'cli:restore.newerBackup',
                params: { migrations: missing.join(', ') },
              });
            }
            break;
          }
          case 'table':
            ({ table, columns } = item);
            counts[table] = 0;
            break;
          case 'row':
            batch.push(Object.fromEntries(columns.map((c, i) => [c, item.values[i]])));
            counts[table!] = (counts[table!] ?? 0) + 1;
            // Stay under the engines' limit on bound parameters per statement.
            if (batch.length >= Math.floor(30_000 / Math.max(columns.length, 1))) await flush();
            break;
          case 'tableEnd':
            await flush();
            onTable?.(item.table, item.rows);
            break;
        }
      }
      await rebuildReportFacts(trx);
    });
    return counts;
  }
}

/** Reads a whole backup without restoring it: the format, every table's row count and checksum, the end. */
export async function verifyBackup(file: string): Promise<BackupCheck> {
  const check: BackupCheck = { ok: true, version: 0, tables: {}, rows: 0 };
  try {
    for await (const item of readBackup(file)) {
      if (item.kind === 'header') {
        check.version = item.header.version;
        check.createdAt = item.header.createdAt;
      } else if (item.kind === 'tableEnd') {
        check.tables[item.table] = item.rows;
        check.rows += item.rows;
      }
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    check.ok = false;
    check.problem = error.msg;
  }
  return check;
}
