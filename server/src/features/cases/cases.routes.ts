import { contextOf, type App } from '../../http/app-types.ts';
import type { Services } from '../../services.ts';
import { z } from 'zod';
import { CaseCreate, CaseDto, CaseListQuery, CaseStepCreate, IdParams } from './cases.schema.ts';

export function casesRoutes(app: App, { cases }: Services) {
  const tags = ['cases'];
  app.get(
    '/api/cases',
    {
      schema: { tags, querystring: CaseListQuery, response: { 200: z.object({ items: z.array(CaseDto) }) } },
    },
    (req) => cases.list(contextOf(req), req.query),
  );
  app.get('/api/cases/:id', { schema: { tags, params: IdParams, response: { 200: CaseDto } } }, (req) =>
    cases.get(contextOf(req), req.params.id),
  );
  app.post(
    '/api/cases',
    { schema: { tags, body: CaseCreate, response: { 200: CaseDto, 201: CaseDto } } },
    async (req, reply) => {
      const { created, item } = await cases.create(contextOf(req), req.body);
      return reply.status(created ? 201 : 200).send(item);
    },
  );
  app.post(
    '/api/cases/:id/steps',
    { schema: { tags, params: IdParams, body: CaseStepCreate, response: { 200: CaseDto, 201: CaseDto } } },
    async (req, reply) => {
      const { created, item } = await cases.addStep(contextOf(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(item);
    },
  );
}
