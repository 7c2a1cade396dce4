import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { startTestApp } from '../test/test-app.ts';
import { HttpClient } from '../test/http-client.ts';
import { runMektep } from '../test/run-mektep.ts';

const bin = fileURLToPath(new URL('../../../bin/mektep.js', import.meta.url));
let db: TestDatabase;

const mektep = (args: string[], stdin?: string) =>
  runMektep(args, { env: { DATABASE_URL: db.url, MEKTEP_LANG: 'en' }, stdin });

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('npx mektep', () => {
  it('migrates an up-to-date database without changes (exit 0)', async () => {
    const r = await mektep(['migrate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/up to date/);
  });

  it('adds a user with a piped password and refuses a duplicate with exit 1', async () => {
    const add = [
      'user',
      'add',
      '--email',
      'ops@cli.kz',
      '--name',
      'Ops',
      '--role',
      'admin',
      '--password-stdin',
    ];
    const ok = await mektep(add, 'a long cli password\n');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('User ops@cli.kz (admin');
    expect(ok.stdout).not.toContain('a long cli password');
    const dup = await mektep(add, 'a long cli password\n');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    const badRole = await mektep(
      ['user', 'add', '--email', 'x@cli.kz', '--name', 'X', '--role', 'wizard', '--password-stdin'],
      'a long cli password\n',
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role/);
  });

  it('answers usage errors with exit 2 and says what is wrong', async () => {
    const unknown = await mektep(['no-such-command']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'no-such-command'");
    const missing = await mektep(['user', 'add', '--email', 'x@cli.kz']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--name <name>' not specified");
  });

  it('prints help on stdout with exit 0', async () => {
    const help = await mektep(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: mektep');
  });

  it('prints an API token that signs a program in with the user rights', async () => {
    const r = await mektep(['token', 'create', '--email', 'ops@cli.kz']);
    expect(r.code).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^mj_[\w-]{20,}$/);
    expect((await mektep(['token', 'create', '--email', 'nobody@cli.kz'])).code).toBe(1);
    // The server on the same database accepts it.
    const { openDatabase } = await import('../db/engine.ts');
    const shared = { ...openDatabase(db.url), url: db.url, drop: async () => undefined };
    const app = await startTestApp({}, shared);
    try {
      const me = await HttpClient.withToken(app.url, token).get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe('ops@cli.kz');
    } finally {
      await app.close();
    }
  });

  it('loads the demo into an empty database only', async () => {
    const again = await mektep(['demo', '--password-stdin'], 'demo password 123\n');
    expect(again.code).toBe(1); // a user exists already
    expect(again.stderr).toMatch(/not empty/);
  });

  // The one test of the real binary: tsx start-up, the process's own streams and its exit code. Everything else
  // runs the same commands in process. Its limit is generous because a busy machine starts Node slowly.
  it('runs as the real `mektep` binary: reads stdin, prints on stdout, exits with the code', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'user', 'add', '--email', 'bin@cli.kz', '--name', 'Bin', '--role', 'admin', '--password-stdin'],
      { env: { ...process.env, DATABASE_URL: db.url, MEKTEP_LANG: 'en' } },
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stdin.end('a long binary password\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('User bin@cli.kz (admin');
  }, 180_000);
});
