import { policy } from '../../access/policy.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/engine.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { JobFile } from './job-kind.ts';
import { jobKinds as registeredKinds } from './job-kinds.ts';
import { JobsRepository, type JobRow } from './jobs.repository.ts';

export interface JobDto {
  id: string;
  kind: string;
  status: JobRow['status'];
  progress: { done: number; total: number; phase?: string } | null;
  result: unknown;
  error: { key: string; params?: Record<string, unknown> } | null;
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  files: { name: string; contentType: string }[];
}

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** Wakes whatever runs jobs (the PostgreSQL queue or the in-process loop) when a job is queued. */
export type JobNotifier = (jobId: string) => Promise<void>;

/**
 * Starting, watching, cancelling and retrying background jobs. A job belongs to the user who started it: only
 * they (and admins above its unit) see it; anyone else gets 404 as for a missing one.
 */
export class JobsService {
  private notify: JobNotifier = async () => undefined;

  constructor(
    private readonly database: Database,
    readonly kinds = registeredKinds,
  ) {}

  /** The runner of this process says how to wake it (set once at start). */
  onQueued(notify: JobNotifier) {
    this.notify = notify;
  }

  kindOf(kind: string) {
    return this.kinds.find((k) => k.kind === kind);
  }

  /** Queues a job of `kind` for the caller; files are stored with it, so any process can run it. */
  async start(ctx: RequestContext, kind: string, params: unknown, files: JobFile[] = []): Promise<JobDto> {
    const k = this.kindOf(kind);
    if (!k) throw notFound();
    if (k.action) policy.require(ctx.viewer, k.action);
    const parsed = k.params.safeParse(params);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '_');
      throw invalid({ [field]: { key: 'errors:validation.invalid' } });
    }
    const id = uuidv7();
    const repo = new JobsRepository(this.database.db);
    await this.database.db.transaction().execute(async (trx) => {
      const r = new JobsRepository(trx);
      await r.insert({
        id,
        kind,
        userId: ctx.viewer.userId,
        orgPath: ctx.viewer.orgPath,
        viewer: JSON.stringify({ viewer: ctx.viewer, ip: ctx.ip }),
        params: JSON.stringify(parsed.data ?? null),
        maxAttempts: k.maxAttempts ?? 3,
      });
      for (const f of files) await r.addFile(id, 'input', f.name, f.contentType, f.data);
    });
    await this.notify(id);
    return this.toDto((await repo.find(id))!);
  }

  async get(ctx: RequestContext, id: string): Promise<JobDto> {
    return this.toDto(await this.visible(ctx, id));
  }

  async list(ctx: RequestContext): Promise<{ items: JobDto[] }> {
    const scope = policy.anywhere(ctx.viewer, 'job.oversee') ? policy.scope(ctx.viewer, 'job.oversee') : null;
    const rows = await new JobsRepository(this.database.db).list(ctx.viewer.userId, scope, 50);
    return { items: await Promise.all(rows.map((r) => this.toDto(r))) };
  }

  async cancel(ctx: RequestContext, id: string): Promise<JobDto> {
    await this.visible(ctx, id);
    await new JobsRepository(this.database.db).requestCancel(id);
    return this.get(ctx, id);
  }

  /** Runs a failed or cancelled job again from the start (409 while it is queued, running or done). */
  async retry(ctx: RequestContext, id: string): Promise<JobDto> {
    await this.visible(ctx, id);
    if (!(await new JobsRepository(this.database.db).requeue(id))) {
      throw new AppError(409, 'conflict', { key: 'errors:conflict' });
    }
    await this.notify(id);
    return this.get(ctx, id);
  }

  async file(ctx: RequestContext, id: string, name: string): Promise<JobFile> {
    await this.visible(ctx, id);
    const f = (await new JobsRepository(this.database.db).files(id, 'output')).find((x) => x.name === name);
    if (!f) throw notFound();
    return { name: f.name, contentType: f.content_type, data: Buffer.from(f.data) };
  }

  private async visible(ctx: RequestContext, id: string): Promise<JobRow> {
    const row = await new JobsRepository(this.database.db).find(id);
    const v = ctx.viewer;
    const mine = row && row.user_id !== null && row.user_id === v.userId;
    const above = row && policy.may(v, 'job.oversee', { path: row.org_path });
    const cli = row && v.via === 'cli';
    if (!row || !(mine || above || cli)) throw notFound();
    return row;
  }

  private async toDto(row: JobRow): Promise<JobDto> {
    const files = await new JobsRepository(this.database.db).outputNames(row.id);
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      progress: parse(row.progress),
      result: parse(row.result),
      error: parse(row.error),
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      files: files.map((f) => ({ name: f.name, contentType: f.content_type })),
    };
  }
}
