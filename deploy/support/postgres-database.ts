import pg from 'pg';
import { openDatabase, type Database } from '../../server/src/db/engine.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';

export const postgresBase = process.env.TEST_DATABASE_URL;

/** A fresh, migrated PostgreSQL database on the test server, shared by the processes a deploy test starts. */
export async function createPostgresDatabase(): Promise<{
  url: string;
  database: Database;
  drop(): Promise<void>;
}> {
  const base = postgresBase!;
  const name = `mj_deploy_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  await migrateToLatest(database);
  return {
    url: url.toString(),
    database,
    async drop() {
      await database.close().catch(() => undefined);
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
