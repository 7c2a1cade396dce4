import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import { requestLang } from '../../http/request-lang.ts';
import { translate } from '../../i18n/translator.ts';
import type { Services } from '../../services.ts';
import type { JobDto } from './jobs.service.ts';

export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  progress: z.object({ done: z.number(), total: z.number(), phase: z.string().optional() }).nullable(),
  /** What the job answered (an import's report, …); null until it succeeded. */
  result: z.unknown(),
  /** Why it failed, in the caller's language. */
  error: z.string().nullable(),
  attempts: z.number(),
  maxAttempts: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  files: z.array(z.object({ name: z.string(), contentType: z.string() })),
});

const Id = z.object({ id: z.string().max(64) });

/** A job as its starter reads it: the error message in their language. */
export function toJobResponse(job: JobDto, lang: ReturnType<typeof requestLang>) {
  return { ...job, error: job.error ? translate(lang, job.error.key, job.error.params) : null };
}

export function jobsRoutes(app: App, { jobs }: Services) {
  const tags = ['jobs'];
  app.get(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: 'The caller’s background jobs, newest first',
        response: { 200: z.object({ items: z.array(JobSchema) }) },
      },
    },
    async (req) => {
      const { items } = await jobs.list(contextOf(req));
      return { items: items.map((j) => toJobResponse(j, requestLang(req))) };
    },
  );
  app.get(
    '/api/jobs/:id',
    {
      schema: { tags, summary: 'A job: status, progress, result', params: Id, response: { 200: JobSchema } },
    },
    async (req) => toJobResponse(await jobs.get(contextOf(req), req.params.id), requestLang(req)),
  );
  app.post(
    '/api/jobs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancels a queued job, or asks a running one to stop at its next step',
        params: Id,
        response: { 200: JobSchema },
      },
    },
    async (req) => toJobResponse(await jobs.cancel(contextOf(req), req.params.id), requestLang(req)),
  );
  app.post(
    '/api/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Runs a failed or cancelled job again',
        params: Id,
        response: { 200: JobSchema },
      },
    },
    async (req) => toJobResponse(await jobs.retry(contextOf(req), req.params.id), requestLang(req)),
  );
  app.get(
    '/api/jobs/:id/files/:name',
    {
      schema: {
        tags,
        summary: 'A file the job wrote',
        params: z.object({ id: z.string().max(64), name: z.string().max(200) }),
      },
    },
    async (req, reply) => {
      const f = await jobs.file(contextOf(req), req.params.id, req.params.name);
      return reply
        .header('content-disposition', `attachment; filename="${encodeURIComponent(f.name)}"`)
        .type(f.contentType)
        .send(f.data);
    },
  );
}
