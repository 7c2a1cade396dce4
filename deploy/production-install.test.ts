import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };

// A production install as docs/deploy.md describes it: build where dev dependencies are installed, take what
// package.json's "files" names plus package.json and its lock to a fresh folder, `npm ci --omit=dev`, start.
let dir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mj-prod-'));
  await run(process.execPath, ['scripts/build.js', '--out', dir], { cwd: root });
  for (const entry of pkg.files) {
    const from = existsSync(join(dir, entry)) ? null : join(root, entry);
    if (from) cpSync(from, join(dir, entry), { recursive: true });
  }
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
  // From npm's cache, as CI has filled it. better-sqlite3's install script compiles SQLite from source (about a
  // minute here, since no prebuilt binary can be downloaded); the binary it would build is the one this checkout
  // built for the same Node, so the test takes that one instead of compiling it again.
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: dir,
  });
  const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  mkdirSync(join(dir, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
  copyFileSync(join(root, addon), join(dir, addon));
}, 600_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a production install in a fresh folder', () => {
  it('has no build tools or TypeScript runner installed', () => {
    for (const tool of ['tsx', 'vite', 'esbuild', 'vitest', '@vitejs', 'eslint', 'web/src', 'server/src']) {
      const where = tool.includes('/') ? join(dir, tool) : join(dir, 'node_modules', tool);
      expect(existsSync(where), tool).toBe(false);
    }
  });

  it('migrates with the CLI and starts with npm start (scripts/start.js), serving the API and the web app', async () => {
    const env = { DATABASE_URL: `file:${join(dir, 'data/prod.sqlite')}` };
    const migrate = await run(process.execPath, ['bin/mektep.js', 'migrate'], {
      cwd: dir,
      env: { ...process.env, ...env },
    });
    expect(migrate.stderr).toBe('');

    // `npm start` runs scripts/start.js; started directly, the signal below reaches the server itself.
    expect(
      (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts
        .start,
    ).toBe('node scripts/start.js');
    server = await startServerProcess(process.execPath, ['scripts/start.js'], { cwd: dir, env });
    expect(server.output()).not.toContain('Building');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toContain('mektep_http_requests_total');
    const page = await fetch(`${server.url}/children`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module"[^>]+src="\/assets\//);

    // SIGTERM: the server finishes its requests, closes the database and exits 0.
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('shutting down');
    server = undefined;
  });
});
