import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import { requestLang } from '../../http/request-lang.ts';
import { translate } from '../../i18n/translator.ts';
import type { Services } from '../../services.ts';
import {
  ChildCreate,
  ChildDto,
  ChildListQuery,
  ChildPatch,
  ChildSaved,
  DuplicateDto,
  DuplicateResolve,
  ExportQuery,
  IdParams,
  NeedCreate,
  NeedDto,
  NeedItemCreate,
  NeedItemDto,
  NeedItemPatch,
  NeedParams,
  NeedPatch,
  NeedsSummaryDto,
  NeedsSummaryQuery,
  StatusChange,
  StatusHistoryDto,
  TransferCreate,
  TransferDecision,
  TransferDto,
} from './children.schema.ts';
import { buildChildrenXlsx } from './children.export.ts';
import type { Saved } from './children.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function childrenRoutes(app: App, { children, needs, childTransfers }: Services) {
  const tags = ['children'];
  // Warnings (an IIN that does not match the birth date) go back in the caller's language with the record.
  const saved = (lang: ReturnType<typeof requestLang>, s: Saved) => ({
    ...s.child,
    warnings: s.warnings.map((w) => ({
      field: w.field,
      code: w.code,
      message: translate(lang, w.message.key, w.message.params),
    })),
  });

  app.get(
    '/api/children',
    {
      schema: {
        tags,
        querystring: ChildListQuery,
        response: {
          200: z.object({
            items: z.array(ChildDto),
            nextCursor: z.string().nullable(),
            total: z.number().nullable(),
          }),
        },
      },
    },
    (req) => children.list(contextOf(req), req.query),
  );
  app.get(
    '/api/children/export.xlsx',
    { schema: { tags, querystring: ExportQuery, produces: [XLSX] } },
    async (req, reply) => {
      const lang = req.query.lang ?? requestLang(req);
      const rows = await children.exportRows(contextOf(req), req.query);
      const body = await buildChildrenXlsx(rows, lang);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', 'attachment; filename="children.xlsx"')
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
  app.get(
    '/api/children/needs-summary',
    { schema: { tags, querystring: NeedsSummaryQuery, response: { 200: NeedsSummaryDto } } },
    (req) => needs.summary(contextOf(req), req.query.org, req.query.status),
  );
  app.get(
    '/api/children/duplicates',
    {
      schema: {
        tags,
        querystring: z.object({ org: z.string().max(40).optional() }),
        response: { 200: z.array(DuplicateDto) },
      },
    },
    (req) => children.duplicates(contextOf(req), req.query.org),
  );
  app.post(
    '/api/children/duplicates/:id/resolve',
    { schema: { tags, params: IdParams, body: DuplicateResolve } },
    (req) => children.resolveDuplicate(contextOf(req), req.params.id, req.body.decision),
  );
  app.get(
    '/api/children/transfers',
    {
      schema: {
        tags,
        querystring: z.object({
          org: z.string().max(40).optional(),
          status: z.enum(['pending', 'accepted', 'declined']).optional(),
        }),
        response: { 200: z.array(TransferDto) },
      },
    },
    (req) => childTransfers.list(contextOf(req), req.query.org, req.query.status),
  );
  app.post(
    '/api/children/transfers',
    {
      schema: {
        tags,
        body: TransferCreate.extend({ schoolCode: z.string().max(40).optional() }),
        response: { 201: TransferDto },
      },
    },
    async (req, reply) => reply.status(201).send(await childTransfers.request(contextOf(req), req.body)),
  );
  app.post(
    '/api/children/transfers/:id/decision',
    { schema: { tags, params: IdParams, body: TransferDecision, response: { 200: TransferDto } } },
    (req) => childTransfers.decide(contextOf(req), req.params.id, req.body.decision),
  );
  app.get('/api/children/:id', { schema: { tags, params: IdParams, response: { 200: ChildDto } } }, (req) =>
    children.get(contextOf(req), req.params.id),
  );
  app.get(
    '/api/children/:id/history',
    { schema: { tags, params: IdParams, response: { 200: z.array(StatusHistoryDto) } } },
    (req) => children.history(contextOf(req), req.params.id),
  );
  app.post(
    '/api/children',
    { schema: { tags, body: ChildCreate, response: { 201: ChildSaved } } },
    async (req, reply) =>
      reply.status(201).send(saved(requestLang(req), await children.create(contextOf(req), req.body))),
  );
  app.patch(
    '/api/children/:id',
    { schema: { tags, params: IdParams, body: ChildPatch, response: { 200: ChildSaved } } },
    async (req) => saved(requestLang(req), await children.update(contextOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/children/:id/status',
    { schema: { tags, params: IdParams, body: StatusChange, response: { 200: ChildDto } } },
    (req) => children.changeStatus(contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/children/:id/needs',
    { schema: { tags, params: IdParams, response: { 200: z.array(NeedDto) } } },
    (req) => needs.forChild(contextOf(req), req.params.id),
  );
  app.post(
    '/api/children/:id/needs',
    { schema: { tags, params: IdParams, body: NeedCreate, response: { 201: NeedDto } } },
    async (req, reply) => reply.status(201).send(await needs.create(contextOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/children/:id/needs/:needId',
    { schema: { tags, params: NeedParams, body: NeedPatch, response: { 200: NeedDto } } },
    (req) => needs.update(contextOf(req), req.params.id, req.params.needId, req.body),
  );
  app.delete(
    '/api/children/:id/needs/:needId',
    { schema: { tags, params: NeedParams } },
    async (req, reply) => {
      await needs.remove(contextOf(req), req.params.id, req.params.needId);
      return reply.status(204).send();
    },
  );

  const itemTags = ['need-items'];
  app.get('/api/need-items', { schema: { tags: itemTags, response: { 200: z.array(NeedItemDto) } } }, () =>
    needs.items(),
  );
  app.post(
    '/api/need-items',
    {
      config: { action: 'reference.manage' },
      schema: { tags: itemTags, body: NeedItemCreate, response: { 201: NeedItemDto } },
    },
    async (req, reply) => reply.status(201).send(await needs.createItem(contextOf(req), req.body)),
  );
  app.patch(
    '/api/need-items/:id',
    {
      config: { action: 'reference.manage' },
      schema: { tags: itemTags, params: IdParams, body: NeedItemPatch, response: { 200: NeedItemDto } },
    },
    (req) => needs.updateItem(contextOf(req), req.params.id, req.body),
  );
}
