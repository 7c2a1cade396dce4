import { join } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { buildServices } from '../server/src/services.ts';
import { given, PASSWORD } from '../server/src/test/given.ts';
import { createPostgresDatabase, postgresBase } from './support/postgres-database.ts';
import { Browser } from './support/browser.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

const root = join(import.meta.dirname, '..');
const ROWS = 400;

// Two server processes on one PostgreSQL database, as behind nginx: one user's requests go to them in turn, and
// everything a user does holds across them — the session, the CSRF token, a job's progress and result.
describe.skipIf(!postgresBase)('two server processes on one database', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const procs: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const g = given(buildServices(db.database, loadConfig({})));
    await g.tree();
    await g.user('coordinator', 'SA', 'coord.many@test.kz');
    const env = { DATABASE_URL: db.url, JOBS_CONCURRENCY: '1', LOG_LEVEL: 'warn' };
    const start = () =>
      startServerProcess(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env });
    procs.push(...(await Promise.all([start(), start()])));
  });
  afterAll(async () => {
    for (const p of procs) await p.kill().catch(() => undefined);
    await db?.drop();
  });

  it('serve one user alternately: sign-in, a CSRF-protected write, an import job and its result', async () => {
    const [a, b] = procs.map((p) => p.url) as [string, string];
    const browser = new Browser();

    // Signed in at A, known at B.
    const login = await browser.send(a, 'POST', '/api/auth/login', {
      email: 'coord.many@test.kz',
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    browser.csrf = login.body.csrfToken;
    expect((await browser.send(b, 'GET', '/api/auth/me')).body.user.email).toBe('coord.many@test.kz');

    // A write at B with the token A issued; without it B refuses.
    expect((await browser.send(b, 'PATCH', '/api/auth/me', { lang: 'kk' }, { csrf: false })).status).toBe(
      403,
    );
    expect((await browser.send(b, 'PATCH', '/api/auth/me', { lang: 'kk' })).status).toBe(200);
    expect((await browser.send(a, 'GET', '/api/auth/me')).body.user.lang).toBe('kk');

    // An import uploaded to B, followed at A and B in turn until it is done.
    const csv = ['Наименование;Тип;Руководитель;Телефон']
      .concat(Array.from({ length: ROWS }, (_, i) => `Many sponsor ${i + 1};other;;`))
      .join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'sponsors.csv');
    const queued = await browser.send(b, 'POST', '/api/import/jobs', form);
    expect(queued.status).toBe(202);
    const id = queued.body.id as string;
    const seen = new Set<string>();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a job as the API answers it
    let job: Record<string, any>;
    for (let i = 0; ; i++) {
      const at = i % 2 === 0 ? a : b;
      const res = await browser.send(at, 'GET', `/api/jobs/${id}`);
      expect(res.status).toBe(200);
      job = res.body;
      seen.add(`${at === a ? 'A' : 'B'}:${job.status}`);
      if (job.status !== 'queued' && job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ status: 'succeeded', attempts: 1, progress: { done: ROWS, total: ROWS } });
    expect(job.result.files[0].sheets[0].result.created).toBe(ROWS);
    // Each process answered about the job, and both list it among the user's jobs with the same result.
    expect([...seen].some((s) => s.startsWith('A:')) && [...seen].some((s) => s.startsWith('B:'))).toBe(true);
    for (const at of [a, b]) {
      const list = await browser.send(at, 'GET', '/api/jobs');
      expect(list.body.items.find((j: { id: string }) => j.id === id)).toMatchObject({ status: 'succeeded' });
    }

    // Signed out at A, and B no longer takes the session cookie, even from someone who kept a copy.
    const kept = new Map(browser.cookies);
    expect((await browser.send(a, 'POST', '/api/auth/logout', {})).status).toBe(204);
    browser.cookies = kept;
    expect((await browser.send(b, 'GET', '/api/auth/me')).status).toBe(401);
    for (const p of procs) expect(await p.stop()).toBe(0);
  });
});
