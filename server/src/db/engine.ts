import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './schema.ts';

export type EngineName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: EngineName;
  /** Where the data lives, without credentials: for logs and the start banner. */
  location: string;
  /** Connections in use and waiting, for /metrics. */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
  max: number;
}

export const DEFAULT_SQLITE_FILE = './data/mektepke-jol.sqlite';

// pg hands back BIGINT (int8) and NUMERIC as strings; our integers (tenge, counts) fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens the database named by a DATABASE_URL: `postgres://…`, `file:PATH`, or nothing for the default file. */
export function openDatabase(url: string | undefined, opts: { poolMax?: number } = {}): Database {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const max = opts.poolMax ?? 10;
    const pool = new pg.Pool({ connectionString: url, max });
    // A connection that dies while idle (server restart, admin termination) is dropped from the pool and the next
    // query opens a new one; without a listener pg would turn it into an uncaught exception and stop the process.
    pool.on('error', (err) => console.warn(`PostgreSQL connection lost while idle: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const safe = new URL(url);
    safe.password = '';
    return {
      db,
      engine: 'postgres',
      location: safe.toString(),
      poolStats: () => ({
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
        max,
      }),
      close: () => db.destroy(),
    };
  }
  const file = resolve(url?.startsWith('file:') ? url.slice('file:'.length) : DEFAULT_SQLITE_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers go on while one writer writes; NORMAL sync is durable across application crashes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Org-unit scoping is a prefix LIKE on materialised paths; a case-sensitive LIKE can use the path indexes.
  sqlite.pragma('case_sensitive_like = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  // One connection, used by one query at a time; Kysely queues the rest in process.
  return {
    db,
    engine: 'sqlite',
    location: file,
    poolStats: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
    close: () => db.destroy(),
  };
}
