import { notFound } from '../../http/app-error.ts';
import { contextOf, type App } from '../../http/app-types.ts';
import { requestLang } from '../../http/request-lang.ts';
import type { Services } from '../../services.ts';
import { JobSchema, toJobResponse } from '../jobs/jobs.routes.ts';
import { readImportUpload } from './import.routes.ts';

/**
 * POST /api/import/jobs: the same upload as /api/import/apply, run as a background job. The answer (202) is the
 * job; GET /api/jobs/:id shows its progress and, when done, the import report.
 */
export function importJobRoutes(app: App, { import: imports, orgUnits, jobs }: Services) {
  app.post(
    '/api/import/jobs',
    {
      config: { action: 'import.use' },
      schema: {
        tags: ['import', 'jobs'],
        summary: 'Imports uploaded files as a background job (progress, cancel and retry under /api/jobs)',
        consumes: ['multipart/form-data'],
        response: { 202: JobSchema },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const lang = requestLang(req);
      const { files, org, campaign, skipInvalid } = await readImportUpload(req, imports.maxBytes);
      if (org && !(await orgUnits.findVisible(ctx.viewer, org))) throw notFound();
      const job = await jobs.start(
        ctx,
        'import',
        {
          org: org || undefined,
          campaign: campaign ? Number(campaign) : undefined,
          skipInvalid: skipInvalid === 'true',
          lang,
        },
        files.map((f) => ({ name: f.name, contentType: 'application/octet-stream', data: f.data })),
      );
      return reply.status(202).send(toJobResponse(job, lang));
    },
  );
}
