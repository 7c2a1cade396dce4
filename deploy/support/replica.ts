import { execFile } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface Replica {
  /** The same database name as `primaryUrl`, on the replica. */
  urlOf(primaryUrl: string): string;
  /** Stops applying the primary's changes (what the primary writes meanwhile is not seen here)… */
  pauseReplay(): Promise<void>;
  /** …and goes on; resolves once the replica has caught up with the primary. */
  resumeReplay(): Promise<void>;
  /** Stops the replica's server and deletes its files. */
  remove(): Promise<void>;
}

const query = async <T>(url: string, text: string): Promise<T[]> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
};

const one = async <T>(url: string, text: string): Promise<T> => (await query<T>(url, text))[0]!;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * A real streaming replica of the PostgreSQL server at `baseUrl` (a superuser connection on 127.0.0.1), made the
 * way an operator makes one (docs/deploy.md): a copy by `pg_basebackup -R` streaming from the primary, served by a
 * second PostgreSQL server on a free port from a temporary folder. The primary must accept replication
 * connections from 127.0.0.1; a fresh server does not, so a trust line for this machine alone is added to its
 * pg_hba.conf and the configuration reloaded (it stays: other runs use it too). PostgreSQL's programs refuse to
 * run as root, so under root they run as the `postgres` user.
 */
export async function createReplica(baseUrl: string): Promise<Replica> {
  const { bindir } = await one<{ bindir: string }>(
    baseUrl,
    `select setting as bindir from pg_config where name = 'BINDIR'`,
  );
  const replicationAllowed = await query(
    baseUrl,
    `select 1 from pg_hba_file_rules where 'replication' = any(database) and auth_method = 'trust'
       and (type = 'local' or address in ('127.0.0.1', '0.0.0.0'))`,
  );
  if (replicationAllowed.length === 0) {
    const { hba_file } = await one<{ hba_file: string }>(baseUrl, 'show hba_file');
    appendFileSync(
      hba_file,
      '\n# streaming replicas of the deploy tests (this machine only)\nhost replication all 127.0.0.1/32 trust\n',
    );
    await query(baseUrl, 'select pg_reload_conf()');
  }
  // A hot standby needs at least the primary's limits.
  const limits = await query<{ name: string; setting: string }>(
    baseUrl,
    `select name, setting from pg_settings where name in ('max_connections', 'max_worker_processes',
       'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`,
  );

  const asRoot = process.getuid?.() === 0;
  const pgUser = asRoot ? (await run('id', ['-u', 'postgres'])).stdout.trim() : undefined;
  const as = (cmd: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bindir, cmd), ...args])
      : run(join(bindir, cmd), args);

  const dir = mkdtempSync(join(tmpdir(), 'mj-replica-'));
  const data = join(dir, 'data');
  if (pgUser) chownSync(dir, Number(pgUser), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
  chmodSync(dir, 0o700);
  const port = await freePort();
  const primary = new URL(baseUrl);
  let started = false;
  const remove = async () => {
    if (started) await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await as('pg_basebackup', [
      '-h',
      primary.hostname,
      '-p',
      primary.port || '5432',
      '-U',
      decodeURIComponent(primary.username) || 'postgres',
      '-D',
      data,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    // Debian keeps the configuration outside the data folder, so the copy has none of its own.
    const conf = [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'hot_standby = on',
      'shared_buffers = 16MB',
      'fsync = off',
      ...limits.map((l) => `${l.name} = ${l.setting}`),
    ];
    writeFileSync(join(data, 'postgresql.conf'), conf.join('\n') + '\n');
    writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    if (pgUser) {
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      for (const f of ['postgresql.conf', 'pg_hba.conf']) chownSync(join(data, f), Number(pgUser), gid);
    }
    await as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '120', 'start']);
    started = true;
  } catch (err) {
    await remove();
    throw err;
  }

  const admin = new URL(baseUrl);
  admin.port = String(port);
  const replicaUrl = admin.toString();
  const { recovering } = await one<{ recovering: boolean }>(
    replicaUrl,
    'select pg_is_in_recovery() as recovering',
  );
  if (!recovering) {
    await remove();
    throw new Error('the copy did not start as a replica');
  }
  return {
    urlOf(primaryUrl) {
      const u = new URL(primaryUrl);
      u.port = String(port);
      return u.toString();
    },
    async pauseReplay() {
      await query(replicaUrl, 'select pg_wal_replay_pause()');
      // Pausing takes effect between records; wait until it has.
      for (;;) {
        const { state } = await one<{ state: string }>(
          replicaUrl,
          'select pg_get_wal_replay_pause_state() as state',
        );
        if (state === 'paused') return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async resumeReplay() {
      await query(replicaUrl, 'select pg_wal_replay_resume()');
      const { lsn } = await one<{ lsn: string }>(baseUrl, 'select pg_current_wal_lsn()::text as lsn');
      for (;;) {
        const { behind } = await one<{ behind: boolean }>(
          replicaUrl,
          `select pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn as behind`,
        );
        if (!behind) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    remove,
  };
}
