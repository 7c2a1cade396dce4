import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/engine.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { Services } from '../../services.ts';
import { jobDuration, jobRuns, jobsByStatus, jobsOldestQueued } from '../system/metrics.ts';
import type { AnyJobKind, JobFile } from './job-kind.ts';
import { JobsRepository } from './jobs.repository.ts';

export interface JobRunnerOptions {
  /** PostgreSQL connection string: jobs are handed out through pg-boss. Absent: the in-process loop (SQLite). */
  postgresUrl?: string;
  concurrency: number;
  /** A running job writes a sign of life this often… */
  heartbeatMs: number;
  /** …and one silent for this long belongs to a dead process: it is run again elsewhere. */
  staleMs: number;
}

const QUEUE = 'mektep-jobs';

class Stop extends Error {}

/**
 * Creates the queue if no process did yet. Processes started together (systemd starting every instance at boot)
 * race to create it on a fresh database, and PostgreSQL may answer one of them with a deadlock: that one waits a
 * moment and looks again.
 */
async function createQueueOnce(boss: PgBoss) {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await boss.getQueue(QUEUE))) await boss.createQueue(QUEUE);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      // 40P01 deadlock, 23505 the other process created it first.
      if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 200));
    }
  }
}

/**
 * Runs the jobs of the `jobs` table in this process. On PostgreSQL pg-boss hands each queued job to one process
 * (SKIP LOCKED, polling, retention), so any number of processes share the work; on SQLite one process polls the
 * table itself. Either way the jobs table holds what users see, and each run holds its job by a conditional
 * UPDATE (queued → running by this worker), so a job never runs twice at once. Every process also looks for jobs
 * whose process went silent (killed, crashed, machine lost) and queues them again.
 */
export class JobRunner {
  readonly worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly running = new Map<string, AbortController>();
  private boss: PgBoss | null = null;
  private timers: NodeJS.Timeout[] = [];
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly database: Database,
    private readonly services: Services,
    private readonly kinds: readonly AnyJobKind[],
    private readonly opts: JobRunnerOptions,
  ) {}

  private get repo() {
    return new JobsRepository(this.database.db);
  }

  /** Starts taking jobs; queued jobs found later (another process, the CLI) are picked up too. */
  async start(): Promise<void> {
    if (this.opts.postgresUrl) {
      const boss = new PgBoss({
        connectionString: this.opts.postgresUrl,
        max: 2,
        application_name: 'mektep-jobs',
      });
      boss.on('error', (err) => console.warn(`job queue: ${err.message}`));
      await boss.start();
      await createQueueOnce(boss);
      for (let i = 0; i < this.opts.concurrency; i++) {
        await boss.work<{ jobId: string }>(
          QUEUE,
          { batchSize: 1, pollingIntervalSeconds: 1 },
          async ([job]) => {
            if (job) await this.runOne(job.data.jobId);
          },
        );
      }
      this.boss = boss;
      this.services.jobs.onQueued((id) => this.send(id));
    } else {
      this.services.jobs.onQueued(async () => this.wake?.());
      void this.loop();
    }
    const every = (ms: number, fn: () => Promise<void>) => {
      const t = setInterval(() => void fn().catch((err: unknown) => console.warn('job runner:', err)), ms);
      t.unref();
      this.timers.push(t);
    };
    every(Math.max(1000, Math.floor(this.opts.staleMs / 3)), () => this.requeueStale());
    if (this.boss) every(15_000, () => this.resendForgotten());
    await this.requeueStale();
  }

  /** Stops taking jobs; jobs running here are queued again at once for another process. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    this.wake?.();
    for (const ac of this.running.values()) ac.abort();
    const deadline = Date.now() + 10_000;
    while (this.running.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await this.boss?.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
  }

  private async send(jobId: string) {
    await this.boss?.send(QUEUE, { jobId }, { retryLimit: 0, expireInHours: 12 });
  }

  /** The in-process queue: take the oldest queued jobs while there is room, then wait to be woken or 1 s. */
  private async loop() {
    while (!this.stopping) {
      try {
        const free = this.opts.concurrency - this.running.size;
        if (free > 0) {
          for (const { id } of await this.repo.queued(free)) void this.runOne(id);
        }
      } catch (err) {
        console.warn('job runner:', err);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 1000);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  private async requeueStale() {
    const { requeued } = await this.repo.requeueStale(new Date(Date.now() - this.opts.staleMs).toISOString());
    for (const id of requeued) {
      jobRuns.inc({ kind: 'any', outcome: 'lost' });
      if (this.boss) await this.send(id);
      else this.wake?.();
    }
  }

  /** A job queued while no queue message was sent for it (pg-boss was down, a CLI without a runner). */
  private async resendForgotten() {
    for (const { id } of await this.repo.queued(20)) await this.send(id);
  }

  private async runOne(jobId: string): Promise<void> {
    if (this.stopping || this.running.has(jobId)) return;
    const repo = this.repo;
    if (!(await repo.claim(jobId, this.worker))) return;
    const row = (await repo.find(jobId))!;
    const kind = this.kinds.find((k) => k.kind === row.kind);
    const ac = new AbortController();
    this.running.set(jobId, ac);
    const endTimer = jobDuration.startTimer({ kind: row.kind });
    let progress: string | null = null;
    let lastWrite = 0;
    const beat = async () => {
      const p = progress;
      progress = null;
      lastWrite = Date.now();
      if ((await repo.heartbeat(jobId, this.worker, p)) === 'stop') ac.abort();
    };
    const beating = setInterval(() => void beat().catch(() => undefined), this.opts.heartbeatMs);
    const { viewer, ip } = JSON.parse(row.viewer) as RequestContext;
    let outcome: 'succeeded' | 'failed' | 'cancelled' | 'queued';
    let fields: { result?: string | null; error?: string | null; progress?: string | null } = {};
    try {
      if (!kind)
        throw new AppError(422, 'unknown_job', { key: 'jobs:error.unknownKind', params: { kind: row.kind } });
      const result = await kind.run({
        jobId,
        attempt: row.attempts,
        params: kind.params.parse(JSON.parse(row.params)),
        ctx: { viewer, ip },
        services: this.services,
        signal: ac.signal,
        inputs: async () =>
          (await repo.files(jobId, 'input')).map((f): JobFile => ({
            name: f.name,
            contentType: f.content_type,
            data: Buffer.from(f.data),
          })),
        output: async (f) => repo.addFile(jobId, 'output', f.name, f.contentType, f.data),
        progress: async (done, total, phase) => {
          progress = JSON.stringify({ done, total, ...(phase ? { phase } : {}) });
          if (Date.now() - lastWrite > 500) await beat();
          if (ac.signal.aborted) throw new Stop();
        },
      });
      outcome = 'succeeded';
      fields = { result: JSON.stringify(result ?? null) };
      if (progress) fields.progress = progress;
    } catch (error) {
      const row2 = await repo.find(jobId);
      if (this.stopping) outcome = 'queued';
      else if (row2?.cancel_requested) outcome = 'cancelled';
      else if (!(error instanceof AppError) && row.attempts < row.max_attempts) outcome = 'queued';
      else outcome = 'failed';
      if (outcome === 'failed') {
        if (!(error instanceof AppError)) console.error(`job ${jobId} (${row.kind}) failed:`, error);
        const msg = error instanceof AppError ? error.msg : { key: 'jobs:error.internal' };
        fields = { error: JSON.stringify(msg) };
      }
    } finally {
      clearInterval(beating);
      this.running.delete(jobId);
      endTimer();
    }
    jobRuns.inc({ kind: row.kind, outcome });
    const held = await repo.finish(jobId, this.worker, outcome, fields);
    if (held && outcome === 'queued') {
      if (this.boss) await this.send(jobId).catch(() => undefined);
      else this.wake?.();
    }
  }

  /** Jobs by kind and status and the oldest waiting, for /metrics (the same figures from every process). */
  async collectMetrics(): Promise<void> {
    jobsByStatus.reset();
    jobsOldestQueued.reset();
    for (const s of await this.repo.stats()) {
      jobsByStatus.set({ kind: s.kind, status: s.status }, s.n);
      if (s.status === 'queued' && s.oldest) {
        jobsOldestQueued.set({ kind: s.kind }, (Date.now() - new Date(s.oldest).getTime()) / 1000);
      }
    }
  }
}
