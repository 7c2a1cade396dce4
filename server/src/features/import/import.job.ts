import { z } from 'zod';
import { LANGS } from '#domain/lang';
import { defineJobKind } from '../jobs/job-kind.ts';
import { toImportReportDto } from './import.report.ts';

/**
 * An import as a background job: the uploaded files are stored with the job, so the import survives the request
 * (and the process: a run cut off by a dead process is run again elsewhere; the import writes in one transaction,
 * so a cut-off run wrote nothing). The job's result is the same report as POST /api/import/apply answers.
 */
export const importJob = defineJobKind({
  kind: 'import',
  action: 'import.use',
  params: z.strictObject({
    org: z.string().max(40).optional(),
    campaign: z.number().int().min(2000).max(2100).optional(),
    skipInvalid: z.boolean().default(false),
    lang: z.enum(LANGS),
  }),
  async run(job) {
    const { org, campaign, skipInvalid, lang } = job.params;
    const files = (await job.inputs()).map((f) => ({ name: f.name, data: f.data }));
    let pending: Promise<void> = Promise.resolve();
    const report = await job.services.import.apply(job.ctx, files, {
      orgCode: org,
      campaignYear: campaign,
      skipInvalid,
      lang,
      // The import calls back synchronously; progress is written in order, without holding the import up.
      onProgress: (p) => {
        pending = pending
          .then(() => job.progress(p.done, p.total, `${p.phase}:${p.kind}`))
          .catch(() => undefined);
      },
    });
    await pending;
    return toImportReportDto(report, lang);
  },
});
