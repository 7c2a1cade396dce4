import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../http/app-error.ts';

/*
 * A backup is gzip'd JSON lines: a header; per table a line naming it and its columns, its rows as arrays, and
 * (version 2) a line with the row count and the SHA-256 of the row lines; (version 2) a last line saying the file
 * is complete. The format is the same for both engines, so a SQLite backup restores into PostgreSQL and back.
 */

export const BACKUP_FORMAT = 'mektepke-jol-backup';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  /** 1: no checksums, bytes as Node's Buffer JSON; 2: bytes as base64, a checksum after each table. */
  version: 1 | 2;
  createdAt: string;
  engine: string;
  migrations: string[];
}

/** What version 2 writes after a table's rows. */
export interface TableEnd {
  end: string;
  rows: number;
  sha256: string;
}

/** The last line of a version 2 backup: without it the file was cut short. */
export interface BackupEnd {
  complete: true;
  tables: number;
  rows: number;
}

/** How a backup line carries bytes (uploads, proofs, job files): JSON has no binary type. */
interface EncodedBytes {
  $base64: string;
}

export function encodeValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $base64: Buffer.from(v).toString('base64') } satisfies EncodedBytes;
  return v ?? null;
}

export function decodeValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if ('$base64' in v && typeof (v as EncodedBytes).$base64 === 'string')
    return Buffer.from((v as EncodedBytes).$base64, 'base64');
  // Version 1 wrote Buffers as JSON.stringify does; they restore as the bytes they were.
  const legacy = v as { type?: unknown; data?: unknown };
  if (legacy.type === 'Buffer' && Array.isArray(legacy.data)) return Buffer.from(legacy.data as number[]);
  return v;
}

export type BackupItem =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; table: string; columns: string[]; values: unknown[] }
  | { kind: 'tableEnd'; table: string; rows: number };

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

const notABackup = () => new AppError(400, 'not_a_backup', { key: 'cli:restore.notABackup' });
const damaged = (params: Record<string, string | number>) =>
  new AppError(400, 'damaged_backup', { key: 'cli:backupVerify.damaged', params });

/**
 * The items of a backup file in order, checked as they are read: a version 2 file whose row count or checksum
 * of a table disagrees, or that ends early, fails with `damaged_backup` at that point; a file that is not one
 * of our backups with `not_a_backup`. Row values come decoded (bytes as Buffers).
 */
export async function* readBackup(file: string): AsyncGenerator<BackupItem> {
  if (!isGzip(file)) throw notABackup();
  let header: BackupHeader | undefined;
  let table: string | undefined;
  let columns: string[] = [];
  let rows = 0;
  let hash: Hash | undefined;
  let complete = false;
  try {
    for await (const line of gzipLines(file)) {
      if (!line) continue;
      if (complete) throw damaged({ table: '-', reason: 'after end' });
      const value = JSON.parse(line) as unknown;
      if (!header) {
        header = value as BackupHeader;
        if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) throw notABackup();
        yield { kind: 'header', header };
        continue;
      }
      if (Array.isArray(value)) {
        if (!table) throw damaged({ table: '-', reason: 'row outside a table' });
        hash?.update(line + '\n');
        rows++;
        yield { kind: 'row', table, columns, values: value.map(decodeValue) };
        continue;
      }
      const v = value as Partial<TableEnd & BackupEnd & { table: string; columns: string[] }>;
      if (typeof v.end === 'string') {
        if (v.end !== table) throw damaged({ table: v.end, reason: 'table end out of place' });
        if (v.rows !== rows) throw damaged({ table, reason: `${rows} rows, ${v.rows} expected` });
        if (hash?.digest('hex') !== v.sha256) throw damaged({ table, reason: 'checksum' });
        yield { kind: 'tableEnd', table, rows };
        table = undefined;
        continue;
      }
      if (v.complete === true) {
        if (table) throw damaged({ table, reason: 'no table end' });
        complete = true;
        continue;
      }
      if (typeof v.table !== 'string' || !Array.isArray(v.columns)) throw notABackup();
      if (table) {
        if (header.version >= 2) throw damaged({ table, reason: 'no table end' });
        // Version 1 has no end lines: the next table's line ends this one.
        yield { kind: 'tableEnd', table, rows };
      }
      ({ table, columns } = v as { table: string; columns: string[] });
      rows = 0;
      hash = createHash('sha256');
      yield { kind: 'table', table, columns };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A file that is not gzip'd JSON lines is not one of our backups; one cut short inside gzip is damaged.
    const code = (error as { code?: string }).code;
    if (error instanceof SyntaxError || code?.startsWith('Z_')) {
      if (header) throw damaged({ table: table ?? '-', reason: code ?? 'syntax' });
      throw notABackup();
    }
    throw error;
  }
  if (!header) throw notABackup();
  if (header.version >= 2 && !complete) throw damaged({ table: table ?? '-', reason: 'cut short' });
  if (table && header.version < 2) yield { kind: 'tableEnd', table, rows };
}
