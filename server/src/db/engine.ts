import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mustReadPrimary } from './read-routing.ts';
import type { DB } from './schema.ts';

export type EngineName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  /**
   * For reads that may lag a moment (reports, dashboards, the public page, exports): the streaming replica named
   * by DATABASE_READ_URL, or the primary inside `readingFromPrimary` (read-routing.ts); without a replica, `db`.
   * Never write through it.
   */
  reader: Kysely<DB>;
  engine: EngineName;
  /** Where the data lives, without credentials: for logs and the start banner. */
  location: string;
  /** Connections in use and waiting, for /metrics. */
  poolStats?(): PoolStats;
  /** The replica's pool, when there is one. */
  replica?: { location: string; poolStats(): PoolStats };
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

/**
 * Opens the database named by a DATABASE_URL: `postgres://…`, `file:PATH`, or nothing for the default file. With
 * `readUrl` (PostgreSQL only), `reader` reads from that replica.
 */
export function openDatabase(
  url: string | undefined,
  opts: { poolMax?: number; readUrl?: string } = {},
): Database {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const max = opts.poolMax ?? 10;
    const pool = newPool(url, max, 'primary');
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    let reader = db;
    let replica: Database['replica'];
    if (opts.readUrl) {
      const replicaPool = newPool(opts.readUrl, max, 'replica');
      // Kysely asks its pool for a connection per query (or transaction): this one picks the replica, or the
      // primary for a request that must see its own writes, or when the replica cannot be reached at all.
      const routing = {
        async connect() {
          if (mustReadPrimary()) return pool.connect();
          try {
            return await replicaPool.connect();
          } catch (err) {
            console.warn(`replica unreachable, reading from the primary: ${(err as Error).message}`);
            return pool.connect();
          }
        },
        async end() {},
      };
      reader = new Kysely<DB>({ dialect: new PostgresDialect({ pool: routing }) });
      replica = { location: withoutPassword(opts.readUrl), poolStats: () => statsOf(replicaPool, max) };
      const closeReplica = async () => {
        await reader.destroy();
        await replicaPool.end();
      };
      return {
        db,
        reader,
        engine: 'postgres',
        location: withoutPassword(url),
        poolStats: () => statsOf(pool, max),
        replica,
        close: async () => {
          await closeReplica();
          await db.destroy();
        },
      };
    }
    return {
      db,
      reader,
      engine: 'postgres',
      location: withoutPassword(url),
      poolStats: () => statsOf(pool, max),
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
    reader: db,
    engine: 'sqlite',
    location: file,
    poolStats: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
    close: () => db.destroy(),
  };
}

function newPool(url: string, max: number, name: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: `mektep-${name}` });
  // A connection that dies while idle (server restart, admin termination) is dropped from the pool and the next
  // query opens a new one; without a listener pg would turn it into an uncaught exception and stop the process.
  pool.on('error', (err) => console.warn(`PostgreSQL (${name}) connection lost while idle: ${err.message}`));
  return pool;
}

function statsOf(pool: pg.Pool, max: number): PoolStats {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max };
}

function withoutPassword(url: string): string {
  const safe = new URL(url);
  safe.password = '';
  return safe.toString();
}
