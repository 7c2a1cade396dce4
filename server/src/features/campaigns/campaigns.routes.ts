import { contextOf, type App } from '../../http/app-types.ts';
import type { Services } from '../../services.ts';
import {
  CampaignClose,
  CampaignCreate,
  CampaignDto,
  CampaignEffectiveQuery,
  CampaignListQuery,
  CampaignPatch,
  CampaignReopen,
  IdParams,
} from './campaigns.schema.ts';
import { z } from 'zod';

export function campaignsRoutes(app: App, { campaigns }: Services) {
  const tags = ['campaigns'];
  app.get(
    '/api/campaigns',
    {
      schema: {
        tags,
        querystring: CampaignListQuery,
        response: { 200: z.object({ items: z.array(CampaignDto) }) },
      },
    },
    (req) => campaigns.list(contextOf(req), req.query),
  );
  app.get(
    '/api/campaigns/effective',
    { schema: { tags, querystring: CampaignEffectiveQuery, response: { 200: CampaignDto } } },
    (req) => campaigns.effective(contextOf(req), req.query),
  );
  app.get(
    '/api/campaigns/:id',
    { schema: { tags, params: IdParams, response: { 200: CampaignDto } } },
    (req) => campaigns.get(contextOf(req), req.params.id),
  );
  app.post(
    '/api/campaigns',
    { schema: { tags, body: CampaignCreate, response: { 201: CampaignDto } } },
    async (req, reply) => reply.status(201).send(await campaigns.create(contextOf(req), req.body)),
  );
  app.patch(
    '/api/campaigns/:id',
    { schema: { tags, params: IdParams, body: CampaignPatch, response: { 200: CampaignDto } } },
    (req) => campaigns.update(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/campaigns/:id/close',
    { schema: { tags, params: IdParams, body: CampaignClose, response: { 200: CampaignDto } } },
    (req) => campaigns.close(contextOf(req), req.params.id, req.body.version),
  );
  app.post(
    '/api/campaigns/:id/reopen',
    { schema: { tags, params: IdParams, body: CampaignReopen, response: { 200: CampaignDto } } },
    (req) => campaigns.reopen(contextOf(req), req.params.id, req.body.version, req.body.reason),
  );
}
