import { sql } from 'kysely';
import { HttpClient } from '../../test/http-client.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('signals for an operator', () => {
  it('answers ready while the database answers and has every migration, 503 with the missing ones otherwise', async () => {
    const c = new HttpClient(t.url);
    expect((await c.get('/api/health')).body).toEqual({ status: 'ok' });
    const ready = await c.get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', database: 'ok', pendingMigrations: [] });

    const last = await sql<{
      name: string;
    }>`select name from schema_migrations order by name desc limit 1`.execute(t.database.db);
    const name = last.rows[0]!.name;
    await sql`delete from schema_migrations where name = ${name}`.execute(t.database.db);
    try {
      const behind = await c.get('/api/ready');
      expect(behind.status).toBe(503);
      expect(behind.body).toEqual({ status: 'unavailable', database: 'ok', pendingMigrations: [name] });
      // Alive all the same: a process whose database lags is not restarted, only kept out of rotation.
      expect((await c.get('/api/health')).status).toBe(200);
    } finally {
      await sql`insert into schema_migrations (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
        t.database.db,
      );
    }
  });

  it('says 503 when the database cannot be reached', async () => {
    const other = await startTestApp();
    await other.database.db.destroy();
    const res = await new HttpClient(other.url).get('/api/ready');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    await other.app.close().catch(() => undefined);
    await other.database.drop();
  });

  it('shows Prometheus metrics by route template, with errors and the database pool', async () => {
    const c = new HttpClient(t.url);
    await c.get('/api/health');
    await c.get('/api/org-units/does-not-exist');
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /mektep_http_requests_total\{method="GET",route="\/api\/health",status="200"\} [1-9]/,
    );
    // A template, not the raw URL: ids never become label values.
    expect(text).toMatch(
      /mektep_http_requests_total\{method="GET",route="\/api\/org-units\/:code",status="401"\}/,
    );
    expect(text).not.toContain('does-not-exist');
    expect(text).toMatch(
      /mektep_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/health"\}/,
    );
    expect(text).toMatch(/mektep_db_pool_connections\{pool="primary",state="max"\} \d+/);
    expect(text).toContain('mektep_process_resident_memory_bytes');
  });

  it('hides /metrics behind METRICS_TOKEN when one is set', async () => {
    const other = await startTestApp({ METRICS_TOKEN: 'a-long-enough-metrics-secret' });
    try {
      expect((await fetch(`${other.url}/metrics`)).status).toBe(404);
      const wrong = await fetch(`${other.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(404);
      const ok = await fetch(`${other.url}/metrics`, {
        headers: { authorization: 'Bearer a-long-enough-metrics-secret' },
      });
      expect(ok.status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
