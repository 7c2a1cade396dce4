import type { Lang } from '#domain/lang';
import { contextOf, type App } from '../../http/app-types.ts';
import { requestLang } from '../../http/request-lang.ts';
import type { Services } from '../../services.ts';
import {
  EvidenceLink,
  IdParams,
  PlanDto,
  PlanItemCreate,
  PlanItemDto,
  PlanItemPatch,
  PlanPrintQuery,
  PlanQuery,
  PlanYearBody,
} from './plan.schema.ts';

export function planRoutes(app: App, { plan }: Services) {
  const tags = ['plan'];
  app.get('/api/plan', { schema: { tags, querystring: PlanQuery, response: { 200: PlanDto } } }, (req) =>
    plan.get(contextOf(req), req.query),
  );
  app.post(
    '/api/plan',
    { schema: { tags, body: PlanItemCreate, response: { 200: PlanItemDto, 201: PlanItemDto } } },
    async (req, reply) => {
      const { created, item } = await plan.create(contextOf(req), req.body);
      return reply.status(created ? 201 : 200).send(item);
    },
  );
  app.patch(
    '/api/plan/:id',
    { schema: { tags, params: IdParams, body: PlanItemPatch, response: { 200: PlanItemDto } } },
    (req) => plan.update(contextOf(req), req.params.id, req.body),
  );
  app.post('/api/plan/copy', { schema: { tags, body: PlanYearBody, response: { 200: PlanDto } } }, (req) =>
    plan.copyFromLastYear(contextOf(req), req.body.year),
  );
  app.post('/api/plan/approve', { schema: { tags, body: PlanYearBody, response: { 200: PlanDto } } }, (req) =>
    plan.approve(contextOf(req), req.body.year),
  );
  app.post(
    '/api/plan/:id/links',
    { schema: { tags, params: IdParams, body: EvidenceLink, response: { 200: PlanItemDto } } },
    (req) => plan.addLink(contextOf(req), req.params.id, req.body.url),
  );
  // multipart/form-data with one field "file": a photo or document (PDF, JPEG, PNG), checked by its bytes.
  app.post(
    '/api/plan/:id/evidence',
    { schema: { tags, params: IdParams, response: { 200: PlanItemDto } } },
    async (req) => {
      const ctx = contextOf(req);
      const part = req.isMultipart() ? await req.file() : undefined;
      let file: { fileName: string; bytes: Buffer; truncated: boolean } | undefined;
      if (part) {
        const bytes = await part.toBuffer().catch(() => Buffer.alloc(0));
        file = { fileName: part.filename, bytes, truncated: part.file.truncated };
      }
      return plan.addFile(ctx, req.params.id, file);
    },
  );
  app.get('/api/plan/evidence/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const file = await plan.evidenceFile(contextOf(req), req.params.id);
    return reply
      .type(file.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get('/api/plan/print', { schema: { tags, querystring: PlanPrintQuery } }, async (req, reply) => {
    const lang: Lang = req.query.lang ?? requestLang(req);
    const pdf = await plan.print(contextOf(req), req.query, lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="plan-${req.query.year}-${lang}.pdf"`)
      .send(pdf);
  });
}
