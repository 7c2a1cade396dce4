import { contextOf, type App } from '../../http/app-types.ts';
import type { Services } from '../../services.ts';
import {
  HotlineCallDto,
  HotlineCaseBody,
  HotlineChildBody,
  HotlineCreate,
  HotlineList,
  HotlineListQuery,
  HotlinePatch,
  IdParams,
} from './hotline.schema.ts';

export function hotlineRoutes(app: App, { hotline }: Services) {
  const tags = ['hotline'];
  app.get(
    '/api/hotline',
    { schema: { tags, querystring: HotlineListQuery, response: { 200: HotlineList } } },
    (req) => hotline.list(contextOf(req), req.query),
  );
  app.get(
    '/api/hotline/:id',
    { schema: { tags, params: IdParams, response: { 200: HotlineCallDto } } },
    (req) => hotline.get(contextOf(req), req.params.id),
  );
  app.post(
    '/api/hotline',
    { schema: { tags, body: HotlineCreate, response: { 200: HotlineCallDto, 201: HotlineCallDto } } },
    async (req, reply) => {
      const { created, item } = await hotline.create(contextOf(req), req.body);
      return reply.status(created ? 201 : 200).send(item);
    },
  );
  app.patch(
    '/api/hotline/:id',
    { schema: { tags, params: IdParams, body: HotlinePatch, response: { 200: HotlineCallDto } } },
    (req) => hotline.update(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/hotline/:id/case',
    { schema: { tags, params: IdParams, body: HotlineCaseBody, response: { 200: HotlineCallDto } } },
    (req) => hotline.openCase(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/hotline/:id/child',
    { schema: { tags, params: IdParams, body: HotlineChildBody, response: { 200: HotlineCallDto } } },
    (req) => hotline.addChild(contextOf(req), req.params.id, req.body),
  );
}
