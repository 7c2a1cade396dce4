import { contextOf, type App } from '../../http/app-types.ts';
import { Page } from '../../http/common.schema.ts';
import { requestLang } from '../../http/request-lang.ts';
import type { Services } from '../../services.ts';
import {
  IdParams,
  PledgeCancel,
  PledgeCreate,
  PledgeDeliver,
  PledgeDeliverResult,
  PledgeDto,
  PledgeListQuery,
} from './pledges.schema.ts';

export function pledgesRoutes(app: App, { pledges }: Services) {
  const tags = ['pledges'];
  app.get(
    '/api/pledges',
    { schema: { tags, querystring: PledgeListQuery, response: { 200: Page(PledgeDto) } } },
    (req) => pledges.list(contextOf(req), req.query),
  );
  app.get('/api/pledges/:id', { schema: { tags, params: IdParams, response: { 200: PledgeDto } } }, (req) =>
    pledges.get(contextOf(req), req.params.id),
  );
  app.post(
    '/api/pledges',
    { schema: { tags, body: PledgeCreate, response: { 201: PledgeDto } } },
    async (req, reply) => reply.status(201).send(await pledges.create(contextOf(req), req.body)),
  );
  app.post(
    '/api/pledges/:id/cancel',
    { schema: { tags, params: IdParams, body: PledgeCancel, response: { 200: PledgeDto } } },
    (req) => pledges.cancel(contextOf(req), req.params.id, req.body.version, req.body.reason),
  );
  app.post(
    '/api/pledges/:id/deliver',
    { schema: { tags, params: IdParams, body: PledgeDeliver, response: { 200: PledgeDeliverResult } } },
    (req) => pledges.deliver(contextOf(req), req.params.id, req.body, requestLang(req)),
  );
}
