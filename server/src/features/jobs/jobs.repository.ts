import { sql, type Kysely, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB, JobFilesTable, JobsTable, JobStatus } from '../../db/schema.ts';

export type JobRow = Selectable<JobsTable>;

const now = () => new Date().toISOString();

/** The only SQL of jobs. Claims and state changes are single conditional UPDATEs, safe with many processes. */
export class JobsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(row: {
    id: string;
    kind: string;
    userId: string | null;
    orgPath: string;
    viewer: string;
    params: string;
    maxAttempts: number;
  }): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({
        id: row.id,
        kind: row.kind,
        status: 'queued',
        user_id: row.userId,
        org_path: row.orgPath,
        viewer: row.viewer,
        params: row.params,
        max_attempts: row.maxAttempts,
        created_at: now(),
        progress: null,
        result: null,
        error: null,
        worker: null,
        started_at: null,
        heartbeat_at: null,
        finished_at: null,
      })
      .execute();
  }

  async addFile(jobId: string, role: JobFilesTable['role'], name: string, contentType: string, data: Buffer) {
    await this.db
      .insertInto('job_files')
      .values({ id: uuidv7(), job_id: jobId, role, name, content_type: contentType, data, created_at: now() })
      .execute();
  }

  files(jobId: string, role: JobFilesTable['role']) {
    return this.db
      .selectFrom('job_files')
      .select(['name', 'content_type', 'data'])
      .where('job_id', '=', jobId)
      .where('role', '=', role)
      .orderBy('created_at')
      .execute();
  }

  outputNames(jobId: string) {
    return this.db
      .selectFrom('job_files')
      .select(['name', 'content_type'])
      .where('job_id', '=', jobId)
      .where('role', '=', 'output')
      .orderBy('created_at')
      .execute();
  }

  find(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A user's own jobs, newest first; an admin or officer also sees jobs within their scope. */
  list(userId: string | null, scope: Scope | null, limit: number): Promise<JobRow[]> {
    let q = this.db.selectFrom('jobs').selectAll();
    q = scope
      ? q.where((eb) => eb.or([eb('user_id', '=', userId), inScope(scope, 'jobs.org_path')]))
      : q.where('user_id', '=', userId);
    return q.orderBy('created_at', 'desc').limit(limit).execute();
  }

  /** Takes a queued job for `worker`: true if this process got it (another may have been first). */
  async claim(id: string, worker: string): Promise<boolean> {
    const at = now();
    const r = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        worker,
        attempts: eb('attempts', '+', 1),
        started_at: at,
        heartbeat_at: at,
        error: null,
      }))
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The oldest queued jobs (for the in-process queue). */
  async queued(limit: number): Promise<{ id: string }[]> {
    return this.db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .limit(limit)
      .execute();
  }

  /** Progress and a sign of life; answers whether the job was asked to stop (or was taken from this worker). */
  async heartbeat(id: string, worker: string, progress: string | null): Promise<'go' | 'stop'> {
    const set: { heartbeat_at: string; progress?: string } = { heartbeat_at: now() };
    if (progress !== null) set.progress = progress;
    await this.db
      .updateTable('jobs')
      .set(set)
      .where('id', '=', id)
      .where('worker', '=', worker)
      .where('status', '=', 'running')
      .execute();
    const row = await this.db
      .selectFrom('jobs')
      .select(['status', 'worker', 'cancel_requested'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && row.status === 'running' && row.worker === worker && row.cancel_requested === 0
      ? 'go'
      : 'stop';
  }

  /** Ends a run this worker holds; false if the job was meanwhile taken away from it. */
  async finish(
    id: string,
    worker: string,
    status: Exclude<JobStatus, 'running'>,
    fields: { result?: string | null; error?: string | null },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({
        status,
        finished_at: status === 'queued' ? null : now(),
        worker: status === 'queued' ? null : worker,
        ...fields,
      })
      .where('id', '=', id)
      .where('worker', '=', worker)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * Jobs whose process stopped giving signs of life: queued again while they have attempts left, failed
   * otherwise. One UPDATE each, so that of many processes noticing at once only one acts.
   */
  async requeueStale(before: string): Promise<{ requeued: string[]; failed: string[] }> {
    const stale = await this.db
      .selectFrom('jobs')
      .select(['id', 'attempts', 'max_attempts', 'heartbeat_at'])
      .where('status', '=', 'running')
      .where('heartbeat_at', '<', before)
      .execute();
    const out = { requeued: [] as string[], failed: [] as string[] };
    for (const j of stale) {
      const again = j.attempts < j.max_attempts;
      const r = await this.db
        .updateTable('jobs')
        .set(
          again
            ? { status: 'queued', worker: null }
            : { status: 'failed', finished_at: now(), error: JSON.stringify({ key: 'jobs:error.lost' }) },
        )
        .where('id', '=', j.id)
        .where('status', '=', 'running')
        .where('heartbeat_at', '=', j.heartbeat_at)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) (again ? out.requeued : out.failed).push(j.id);
    }
    return out;
  }

  /** Cancels a queued job at once; asks a running one to stop. */
  async requestCancel(id: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'cancelled', finished_at: now() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    await this.db
      .updateTable('jobs')
      .set({ cancel_requested: 1 })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  /** A failed or cancelled job queued again from the start. */
  async requeue(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({
        status: 'queued',
        cancel_requested: 0,
        attempts: 0,
        error: null,
        result: null,
        progress: null,
        worker: null,
        finished_at: null,
      })
      .where('id', '=', id)
      .where('status', 'in', ['failed', 'cancelled'])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) {
      await this.db.deleteFrom('job_files').where('job_id', '=', id).where('role', '=', 'output').execute();
      return true;
    }
    return false;
  }

  /** Jobs by kind and status, and the age of the oldest queued one (for /metrics). */
  async stats(): Promise<{ kind: string; status: string; n: number; oldest: string | null }[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['kind', 'status'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where((eb) =>
        eb.or([eb('status', 'in', ['queued', 'running']), eb('finished_at', '>', sql<string>`${hourAgo()}`)]),
      )
      .groupBy(['kind', 'status'])
      .execute();
    return rows.map((r) => ({ ...r, n: Number(r.n), oldest: r.oldest }));
  }
}

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
