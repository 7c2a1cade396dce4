import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { startTestApp } from '../test/test-app.ts';
import { HttpClient } from '../test/http-client.ts';

const bin = fileURLToPath(new URL('../../../bin/mektep.js', import.meta.url));
let db: TestDatabase;

function mektep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: db.url, MEKTEP_LANG: 'en' },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('npx mektep', () => {
  it('migrates an up-to-date database without changes (exit 0)', () => {
    const r = mektep(['migrate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/up to date/);
  });

  it('adds a user with a piped password and refuses a duplicate with exit 1', () => {
    const ok = mektep(
      ['user', 'add', '--email', 'ops@cli.kz', '--name', 'Ops', '--role', 'admin', '--password-stdin'],
      'a long cli password\n',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain('a long cli password');
    const dup = mektep(
      ['user', 'add', '--email', 'ops@cli.kz', '--name', 'Ops', '--role', 'admin', '--password-stdin'],
      'a long cli password\n',
    );
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    const badRole = mektep(
      ['user', 'add', '--email', 'x@cli.kz', '--name', 'X', '--role', 'wizard', '--password-stdin'],
      'a long cli password\n',
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role/);
  });

  it('answers usage errors with exit 2', () => {
    expect(mektep(['no-such-command']).code).toBe(2);
    expect(mektep(['user', 'add', '--email', 'x@cli.kz']).code).toBe(2);
  });

  it('prints an API token that signs a program in with the user rights', async () => {
    const r = mektep(['token', 'create', '--email', 'ops@cli.kz']);
    expect(r.code).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^mj_[\w-]{20,}$/);
    expect(mektep(['token', 'create', '--email', 'nobody@cli.kz']).code).toBe(1);
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

  it('loads the demo into an empty database only', () => {
    const again = mektep(['demo', '--password-stdin'], 'demo password 123\n');
    expect(again.code).toBe(1); // a user exists already
    expect(again.stderr).toMatch(/not empty/);
  });
});
