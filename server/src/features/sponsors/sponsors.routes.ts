import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import { Page } from '../../http/common.schema.ts';
import type { Services } from '../../services.ts';
import {
  IdParams,
  SponsorCreate,
  SponsorDto,
  SponsorHistoryDto,
  SponsorListQuery,
  SponsorMerge,
  SponsorPatch,
  SponsorTypeDto,
} from './sponsors.schema.ts';

export function sponsorsRoutes(app: App, { sponsors }: Services) {
  const tags = ['sponsors'];
  app.get(
    '/api/reference/sponsor-types',
    { schema: { tags: ['reference'], response: { 200: z.object({ items: z.array(SponsorTypeDto) }) } } },
    async () => ({ items: sponsors.types() }),
  );
  app.get(
    '/api/sponsors',
    { schema: { tags, querystring: SponsorListQuery, response: { 200: Page(SponsorDto) } } },
    (req) => sponsors.list(contextOf(req), req.query),
  );
  app.get('/api/sponsors/:id', { schema: { tags, params: IdParams, response: { 200: SponsorDto } } }, (req) =>
    sponsors.get(contextOf(req), req.params.id),
  );
  app.get(
    '/api/sponsors/:id/history',
    { schema: { tags, params: IdParams, response: { 200: SponsorHistoryDto } } },
    (req) => sponsors.history(contextOf(req), req.params.id),
  );
  app.post(
    '/api/sponsors',
    { schema: { tags, body: SponsorCreate, response: { 201: SponsorDto } } },
    async (req, reply) => reply.status(201).send(await sponsors.create(contextOf(req), req.body)),
  );
  app.patch(
    '/api/sponsors/:id',
    { schema: { tags, params: IdParams, body: SponsorPatch, response: { 200: SponsorDto } } },
    (req) => sponsors.update(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/sponsors/:id/merge',
    { schema: { tags, params: IdParams, body: SponsorMerge, response: { 200: SponsorDto } } },
    (req) => sponsors.merge(contextOf(req), req.params.id, req.body.duplicateId),
  );
}
