import { given } from '../../test/given.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { testEngine } from '../../test/test-database.ts';
import { JobRunner } from './job-runner.ts';
import { jobKinds } from './job-kinds.ts';

let t: TestApp;
let runner: JobRunner | undefined;
let coordToken: string;
let otherToken: string;

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.jobs@test.kz');
  await g.user('coordinator', 'SB', 'other.jobs@test.kz');
  coordToken = await g.token('coord.jobs@test.kz');
  otherToken = await g.token('other.jobs@test.kz');
});
afterAll(async () => {
  await runner?.stop();
  await t.close();
});

function startRunner() {
  runner = new JobRunner(t.database, t.services, jobKinds, {
    postgresUrl: testEngine === 'postgres' ? t.database.url : undefined,
    concurrency: 1,
    heartbeatMs: 500,
    staleMs: 5000,
  });
  return runner.start();
}

async function call(method: string, path: string, token = coordToken, body?: FormData) {
  const res = await fetch(t.url + path, {
    method,
    body,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const sponsors = (n: number, prefix: string) =>
  ['Наименование;Тип;Руководитель;Телефон']
    .concat(Array.from({ length: n }, (_, i) => `${prefix} ${i + 1};other;;`))
    .join('\n');

function importForm(csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv]), 'sponsors.csv');
  return form;
}

async function until(id: string, done: (job: { status: string }) => boolean) {
  for (;;) {
    const { body } = await call('GET', `/api/jobs/${id}`);
    if (done(body)) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('background jobs', () => {
  it('queues an import as a job, which a cancel stops before it runs and a retry runs to the end', async () => {
    const queued = await call('POST', '/api/import/jobs', coordToken, importForm(sponsors(3, 'Job sponsor')));
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ kind: 'import', status: 'queued', attempts: 0 });
    const id = queued.body.id as string;

    // Nobody else sees it: another school's coordinator gets 404 as for a job that does not exist.
    expect((await call('GET', `/api/jobs/${id}`, otherToken)).status).toBe(404);
    expect((await call('POST', `/api/jobs/${id}/cancel`, otherToken)).status).toBe(404);

    const cancelled = await call('POST', `/api/jobs/${id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    await startRunner();
    expect((await call('GET', `/api/jobs/${id}`)).body.status).toBe('cancelled');

    const again = await call('POST', `/api/jobs/${id}/retry`);
    expect(again.body.status).toBe('queued');
    const done = await until(id, (j) => j.status === 'succeeded' || j.status === 'failed');
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, error: null });
    expect(done.result).toMatchObject({ dryRun: false, ok: true });
    expect(done.result.files[0].sheets[0]).toMatchObject({ kind: 'sponsors', rows: 3, applied: true });
    expect(done.progress).toMatchObject({ done: 3, total: 3 });

    const mine = await call('GET', '/api/jobs');
    expect(mine.body.items.map((j: { id: string }) => j.id)).toContain(id);
    expect((await call('GET', '/api/jobs', otherToken)).body.items).toEqual([]);
    // A job that succeeded is not run again.
    expect((await call('POST', `/api/jobs/${id}/retry`)).status).toBe(409);

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/mektep_job_runs_total\{kind="import",outcome="succeeded"\} 1/);
  });

  it('reports a refused file in the job’s result, as the import itself would', async () => {
    const form = new FormData();
    form.append('file', new Blob(['not;a;template\n1;2;3']), 'x.csv');
    const queued = await call('POST', '/api/import/jobs', coordToken, form);
    const done = await until(queued.body.id, (j) => j.status !== 'queued' && j.status !== 'running');
    // The import answers with a report that refuses the file: the job succeeded at telling that.
    expect(done.status).toBe('succeeded');
    expect(done.result.ok).toBe(false);
  });
});
