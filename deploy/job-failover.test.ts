import { join } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { buildServices } from '../server/src/services.ts';
import { given } from '../server/src/test/given.ts';
import { createPostgresDatabase, postgresBase } from './support/postgres-database.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

const root = join(import.meta.dirname, '..');
const ROWS = 300;

// Two server processes on one PostgreSQL database: the one running an import job is killed (SIGKILL, as the
// kernel's OOM killer or a lost machine would), and the other notices the silence and runs the job to the end.
describe.skipIf(!postgresBase)('a job whose process dies', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const procs: ServerProcess[] = [];
  let token: string;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const g = given(buildServices(db.database, loadConfig({})));
    await g.tree();
    await g.user('coordinator', 'SA', 'coord.failover@test.kz');
    token = await g.token('coord.failover@test.kz');
  });
  afterAll(async () => {
    for (const p of procs) await p.kill().catch(() => undefined);
    await db?.drop();
  });

  const start = async () => {
    const p = await startServerProcess(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env: { DATABASE_URL: db.url, JOBS_STALE_SECONDS: '3', JOBS_CONCURRENCY: '1', LOG_LEVEL: 'warn' },
    });
    procs.push(p);
    return p;
  };
  const call = async (p: ServerProcess, method: string, path: string, body?: FormData) => {
    const res = await fetch(p.url + path, { method, body, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { status: string } };
  };

  it('is run again by another process and finishes there, writing its rows once', async () => {
    const a = await start();
    const csv = ['Наименование;Тип;Руководитель;Телефон']
      .concat(Array.from({ length: ROWS }, (_, i) => `Failover sponsor ${i + 1};other;;`))
      .join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'sponsors.csv');
    const queued = await call(a, 'POST', '/api/import/jobs', form);
    expect(queued.status).toBe(202);
    const id = queued.body.id as string;

    // Wait until process A has taken the job and reported progress, then kill it mid-run.
    for (;;) {
      const { body } = await call(a, 'GET', `/api/jobs/${id}`);
      if (body.status === 'running' && body.progress) break;
      expect(['queued', 'running']).toContain(body.status);
      await new Promise((r) => setTimeout(r, 50));
    }
    await a.kill();

    const b = await start();
    let job: Record<string, unknown> & { status: string };
    for (;;) {
      job = (await call(b, 'GET', `/api/jobs/${id}`)).body;
      if (job.status === 'succeeded' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(job).toMatchObject({ status: 'succeeded', attempts: 2 });
    const sheet = (job.result as { files: { sheets: { result: { created: number } }[] }[] }).files[0]!
      .sheets[0]!;
    expect(sheet.result.created).toBe(ROWS);
    const count = await db.database.db
      .selectFrom('sponsors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'like', 'Failover sponsor %')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(ROWS);
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    expect(metrics).toMatch(/mektep_job_runs_total\{kind="import",outcome="succeeded"\} 1/);
    expect(metrics).toMatch(/mektep_import_rows_total\{kind="sponsors"\} 300/);
    expect(await b.stop()).toBe(0);
  });
});
