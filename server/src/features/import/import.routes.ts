import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import { contextOf, type App } from '../../http/app-types.ts';
import { requestLang } from '../../http/request-lang.ts';
import type { Services } from '../../services.ts';
import { tooLarge } from './import.parser.ts';
import { toImportReportDto } from './import.report.ts';
import { ImportKindsDto, ImportReportDto, TemplateParams, TemplateQuery } from './import.schema.ts';
import type { ImportFileInput, ImportProgress } from './import.service.ts';
import { translate } from '../../i18n/translator.ts';

interface Upload {
  files: ImportFileInput[];
  fields: Record<string, string>;
}

/** A name safe to show back: no folders, no control characters, not endless. */
function displayName(filename: string | undefined): string {
  const base = (filename ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '');
  return base.slice(0, 200) || 'file';
}

/** Reads the multipart upload; a file over UPLOAD_MAX_MB is cut off while streaming and refused by name. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  const upload: Upload = { files: [], fields: {} };
  if (!req.isMultipart()) throw invalid({ file: { key: 'import:file.noFile' } });
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const name = displayName(part.filename);
      try {
        upload.files.push({ name, data: await part.toBuffer() });
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(name, maxBytes);
        throw error;
      }
    } else {
      upload.fields[part.fieldname] = String(part.value).trim();
    }
  }
  if (upload.files.length === 0) throw invalid({ file: { key: 'import:file.noFile' } });
  return upload;
}

/** `Accept: application/x-ndjson`: the answer streams progress lines while rows are checked, then the report. */
function wantsProgress(req: FastifyRequest): boolean {
  return (req.headers.accept ?? '').includes('application/x-ndjson');
}

/**
 * Answers in NDJSON: `{"progress": {file, sheet, kind, phase, done, total}}` lines (at most five a second) and a
 * last `{"report": …}` line, or `{"error": {code, message}}` if the import failed unexpectedly.
 */
async function streamWithProgress(
  req: FastifyRequest,
  reply: FastifyReply,
  work: (onProgress: (p: ImportProgress) => void) => Promise<ImportReportDto>,
) {
  reply.hijack();
  const headers: OutgoingHttpHeaders = { ...(reply.getHeaders() as OutgoingHttpHeaders) };
  headers['content-type'] = 'application/x-ndjson; charset=utf-8';
  headers['cache-control'] = 'no-store';
  reply.raw.writeHead(200, headers);
  const line = (value: unknown) => reply.raw.write(`${JSON.stringify(value)}\n`);
  let last = 0;
  try {
    const report = await work((p) => {
      const now = Date.now();
      if (p.done !== 0 && p.done !== p.total && now - last < 200) return;
      last = now;
      line({ progress: p });
    });
    line({ report });
  } catch (error) {
    const app = error instanceof AppError ? error : null;
    if (!app) req.log.error({ err: error }, 'import failed');
    const lang = requestLang(req);
    line({
      error: {
        code: app?.code ?? 'internal',
        message: translate(lang, app?.msg.key ?? 'errors:internal', app?.msg.params),
      },
    });
  }
  reply.raw.end();
}

const UploadFields = z.object({
  org: z.string().max(40).optional(),
  campaign: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  skipInvalid: z.enum(['true', 'false']).optional(),
});

/** An import upload (files and the org, campaign and skipInvalid fields), as /apply and /jobs both take it. */
export async function readImportUpload(req: FastifyRequest, maxBytes: number) {
  const { files, fields } = await readUpload(req, maxBytes);
  const parsed = UploadFields.safeParse(fields);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '_');
    throw invalid({ [field]: { key: 'errors:validation.invalid' } });
  }
  return { files, ...parsed.data };
}

export function importRoutes(app: App, { import: imports, orgUnits }: Services) {
  const tags = ['import'];

  for (const mode of ['preview', 'apply'] as const) {
    app.post(
      `/api/import/${mode}`,
      {
        config: { action: 'import.use' },
        schema: {
          tags,
          summary:
            mode === 'preview'
              ? 'Checks uploaded CSV/XLSX files and reports every refused row; writes nothing'
              : 'Imports uploaded CSV/XLSX files: each file all or nothing, or its valid rows with skipInvalid=true',
          description:
            'Multipart form: file (one or more), org, campaign, skipInvalid. With Accept: application/x-ndjson the ' +
            'answer streams {"progress":…} lines while rows are checked and ends with a {"report":…} line.',
          consumes: ['multipart/form-data'],
          response: { 200: ImportReportDto },
        },
      },
      async (req, reply) => {
        const ctx = contextOf(req);
        const lang = requestLang(req);
        const { files, org, campaign, skipInvalid } = await readImportUpload(req, imports.maxBytes);
        // A unit outside the caller's scope answers 404 like one that does not exist.
        if (org && !(await orgUnits.findVisible(ctx.viewer, org))) throw notFound();
        const run = {
          orgCode: org || undefined,
          campaignYear: campaign ? Number(campaign) : undefined,
          skipInvalid: skipInvalid === 'true',
          lang,
        };
        const go = (onProgress?: (p: ImportProgress) => void) =>
          mode === 'preview'
            ? imports.preview(ctx, files, { ...run, onProgress })
            : imports.apply(ctx, files, { ...run, onProgress });
        if (!wantsProgress(req)) return toImportReportDto(await go(), lang);
        return streamWithProgress(req, reply, async (onProgress) =>
          toImportReportDto(await go(onProgress), lang),
        );
      },
    );
  }

  app.get(
    '/api/import/kinds',
    {
      config: { action: 'import.use' },
      schema: {
        tags,
        summary: 'What can be imported: each template with its columns in the caller’s language',
        response: { 200: ImportKindsDto },
      },
    },
    (req) => imports.kinds(contextOf(req), requestLang(req)),
  );

  app.get(
    '/api/import/templates/:file',
    {
      config: { action: 'import.use' },
      schema: {
        tags,
        summary: 'A blank import template with its headers and an example row (.xlsx or .csv)',
        params: TemplateParams,
        querystring: TemplateQuery,
      },
    },
    async (req, reply) => {
      const template = await imports.template(contextOf(req), req.params.file, req.query.lang ?? 'ru');
      return reply
        .header('content-disposition', `attachment; filename="${req.params.file}"`)
        .type(template.contentType)
        .send(template.body);
    },
  );
}
