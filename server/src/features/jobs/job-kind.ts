import type { z } from 'zod';
import type { Action } from '../../access/rules.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { Services } from '../../services.ts';

/** A file a job reads (an upload) or writes (a report). */
export interface JobFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/** What a running job gets: its parameters, the starter's context, its input files, and ways to report back. */
export interface JobContext<P> {
  jobId: string;
  /** 1 on the first run; more when a failed run or one whose process died is run again. */
  attempt: number;
  params: P;
  /** The starter's rights as they were when they started it; audit entries name them. */
  ctx: RequestContext;
  services: Services;
  inputs(): Promise<JobFile[]>;
  /** Saves progress for the starter to see (at most a few writes a second); throws once the job is cancelled. */
  progress(done: number, total: number, phase?: string): Promise<void>;
  /** Stores a file the starter can download from the job (GET /api/jobs/:id/files/:name). */
  output(file: JobFile): Promise<void>;
  /** Aborted when the job is cancelled or its process stops: long loops check it between chunks. */
  signal: AbortSignal;
}

/**
 * One kind of background job. Register it in job-kinds.ts. `run` must be safe to run again from the start: a run
 * interrupted by a dead process is run again elsewhere (do the work in one transaction, or skip what is done).
 */
export interface JobKind<P = unknown, R = unknown> {
  kind: string;
  /** Validates the parameters when the job is started (and types them for `run`). */
  params: z.ZodType<P>;
  /** The action starting it needs (see access/rules.ts; every signed-in role when absent); scope checks belong in `run`'s services. */
  action?: Action;
  /** Runs in total, counting the first (default 3). */
  maxAttempts?: number;
  /** The answer shown with the job when it succeeded: small JSON (store big results as an output file). */
  run(job: JobContext<P>): Promise<R>;
}

/** A registered kind with its parameter type erased, as the runner holds it. */
export type AnyJobKind = JobKind<unknown, unknown>;

/** Registers a kind: checks its types where it is written, then keeps it beside kinds of other types. */
export function defineJobKind<P, R>(kind: JobKind<P, R>): AnyJobKind {
  return kind;
}
