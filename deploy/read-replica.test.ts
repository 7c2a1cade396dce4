import { join } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { reportGiven } from '../server/src/features/reports/test/report-given.ts';
import { buildServices } from '../server/src/services.ts';
import { given, PASSWORD } from '../server/src/test/given.ts';
import { Browser } from './support/browser.ts';
import { createPostgresDatabase, postgresBase } from './support/postgres-database.ts';
import { createReplica, type Replica } from './support/replica.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

const root = join(import.meta.dirname, '..');
const REPORT = '/api/reports?org=SA&campaign=2026&format=json';

// A real streaming replica of the test PostgreSQL (pg_basebackup -R into a second server) and a server process
// with DATABASE_READ_URL pointing at it. With the replica's replay paused, the primary holds a child the replica
// does not: a report that counts it was answered by the primary, one that does not by the replica.
describe.skipIf(!postgresBase)('reports on a streaming replica', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let replica: Replica | undefined;
  let server: ServerProcess | undefined;
  let officerToken: string;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const g = given(buildServices(db.database, loadConfig({})));
    await g.tree();
    await g.user('coordinator', 'SA', 'coord.replica@test.kz');
    await g.user('officer', 'C1', 'officer.replica@test.kz');
    officerToken = await g.token('officer.replica@test.kz');
    const r = reportGiven(db.database);
    await r.campaign('SA', 2026);
    await r.child('SA', { surname: 'Первый' });
    await r.child('SA', { surname: 'Второй' });
    replica = await createReplica(postgresBase!);
    server = await startServerProcess(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env: {
        DATABASE_URL: db.url,
        DATABASE_READ_URL: replica.urlOf(db.url),
        LOG_LEVEL: 'warn',
        JOBS_RUN: 'false',
      },
    });
  });
  afterAll(async () => {
    await server?.kill().catch(() => undefined);
    await replica?.remove();
    await db?.drop();
  });

  const children = async (get: () => Promise<{ status: number; body: unknown }>) => {
    const res = await get();
    expect(res.status).toBe(200);
    // Children on the list or proposed for it (one entered through the web app starts as proposed).
    const { listed, proposed } = (res.body as { children: { listed: number; proposed: number } }).children;
    return listed + proposed;
  };
  const officer = () =>
    fetch(server!.url + REPORT, { headers: { authorization: `Bearer ${officerToken}` } }).then(
      async (res) => ({
        status: res.status,
        body: (await res.json()) as unknown,
      }),
    );

  it('answers reports from the replica, and a user who has just written from the primary', async () => {
    expect(server!.output()).toMatch(/reports from postgres:\/\/.*:\d+\//);
    expect(await children(officer)).toBe(2);

    await replica!.pauseReplay();
    const browser = new Browser();
    const login = await browser.send(server!.url, 'POST', '/api/auth/login', {
      email: 'coord.replica@test.kz',
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    browser.csrf = login.body.csrfToken;
    const created = await browser.send(server!.url, 'POST', '/api/children', {
      surname: 'Третий',
      name: 'Нурлан',
      birthDate: '2015-03-15',
      classLabel: '5А',
    });
    expect(created.status).toBe(201);

    // The writer sees their child at once: their reads go to the primary for a while.
    expect(await children(() => browser.send(server!.url, 'GET', REPORT))).toBe(3);
    // Everyone else reads the replica, which has not applied the write: the primary was not asked.
    expect(await children(officer)).toBe(2);
    // Once the writer's mark has expired, so does the writer.
    browser.cookies.delete('mj_wrote');
    expect(await children(() => browser.send(server!.url, 'GET', REPORT))).toBe(2);

    await replica!.resumeReplay();
    expect(await children(officer)).toBe(3);

    const metrics = await (await fetch(`${server!.url}/metrics`)).text();
    expect(metrics).toMatch(/mektep_db_pool_connections\{pool="replica",state="max"\} 10/);
    expect(await server!.stop()).toBe(0);
  });
});
