import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';

export interface TestDatabase extends Database {
  /** The DATABASE_URL that opens this same database (for the CLI in a child process). */
  url: string;
  drop(): Promise<void>;
}

/** Which engine this run of the server suite tests: TEST_ENGINE=postgres uses TEST_DATABASE_URL. */
export const testEngine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh, migrated database of the engine under test: a new SQLite file in a temp folder, or a new throwaway
 * PostgreSQL database on the server named by TEST_DATABASE_URL. Each test file gets its own.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  return createTestDatabaseOf(testEngine);
}

/** The engine that is not under test: for tests that cross engines (a SQLite backup restored into PostgreSQL). */
export const otherEngine = testEngine === 'postgres' ? 'sqlite' : 'postgres';

/**
 * A fresh, migrated database of the given engine. PostgreSQL uses TEST_DATABASE_URL, or the local server CI uses
 * when a SQLite run needs the other engine.
 */
export async function createTestDatabaseOf(engine: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (engine === 'postgres') {
    const base =
      process.env.TEST_DATABASE_URL ??
      (testEngine === 'sqlite' ? 'postgres://postgres@127.0.0.1:5432/postgres' : undefined);
    if (!base) throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL');
    const name = `mj_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = openDatabase(url.toString());
    await migrateToLatest(database);
    return {
      ...database,
      url: url.toString(),
      async drop() {
        await database.close().catch(() => undefined);
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mj-test-'));
  const url = `file:${join(dir, 'test.sqlite')}`;
  const database = openDatabase(url);
  await migrateToLatest(database);
  return {
    ...database,
    url,
    async drop() {
      await database.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
