import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import type { Services } from '../../services.ts';
import { IdParams, RaidCreate, RaidDto, RaidListQuery, RaidPatch } from './raids.schema.ts';

export function raidsRoutes(app: App, { raids }: Services) {
  const tags = ['raids'];
  app.get(
    '/api/raids',
    {
      schema: { tags, querystring: RaidListQuery, response: { 200: z.object({ items: z.array(RaidDto) }) } },
    },
    (req) => raids.list(contextOf(req), req.query),
  );
  app.get('/api/raids/:id', { schema: { tags, params: IdParams, response: { 200: RaidDto } } }, (req) =>
    raids.get(contextOf(req), req.params.id),
  );
  app.post(
    '/api/raids',
    { schema: { tags, body: RaidCreate, response: { 200: RaidDto, 201: RaidDto } } },
    async (req, reply) => {
      const { created, item } = await raids.create(contextOf(req), req.body);
      return reply.status(created ? 201 : 200).send(item);
    },
  );
  app.patch(
    '/api/raids/:id',
    { schema: { tags, params: IdParams, body: RaidPatch, response: { 200: RaidDto } } },
    (req) => raids.update(contextOf(req), req.params.id, req.body),
  );
}
