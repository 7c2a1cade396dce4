import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import type { Services } from '../../services.ts';
import { factsChanged } from './facts/report-facts.ts';
import {
  OverviewQuery,
  PublicCampaign,
  PublicParams,
  PublicQuery,
  ReportQuery,
  TraceQuery,
  TraceResult,
} from './reports.schema.ts';

export function reportsRoutes(app: App, { reports }: Services) {
  const tags = ['reports'];
  // Any write answered by this process may change a report: cached reports (the public page) are dropped.
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') factsChanged();
  });
  app.get('/api/reports', { schema: { tags, querystring: ReportQuery } }, async (req, reply) => {
    const out = await reports.report(contextOf(req), req.query);
    if (out.kind === 'json') return reply.send(out.body);
    return reply
      .header('content-type', out.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(out.fileName)}`)
      .send(out.body);
  });
  app.get(
    '/api/reports/view',
    {
      schema: {
        tags,
        querystring: ReportQuery,
        response: {
          200: z.object({
            // The domain's Report, its narrative blocks and its tables (domain/src/report, render/report-tables.ts).
            report: z.unknown(),
            narrative: z.unknown(),
            tables: z.unknown(),
            years: z.array(z.number()),
          }),
        },
      },
    },
    (req) => reports.view(contextOf(req), req.query),
  );
  app.get(
    '/api/reports/years',
    {
      schema: {
        tags,
        querystring: z.object({ org: z.string().trim().max(40).optional() }),
        response: { 200: z.object({ years: z.array(z.number()) }) },
      },
    },
    (req) => reports.years(contextOf(req), req.query.org),
  );
  app.get(
    '/api/reports/trace',
    { schema: { tags, querystring: TraceQuery, response: { 200: TraceResult } } },
    (req) => reports.trace(contextOf(req), req.query),
  );
  app.get(
    '/api/reports/dashboard',
    { schema: { tags, querystring: OverviewQuery, response: { 200: z.looseObject({ year: z.number() }) } } },
    (req) => reports.dashboard(contextOf(req), req.query),
  );
  app.get(
    '/api/public/campaigns/:code/:year',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        params: PublicParams,
        querystring: PublicQuery,
        response: { 200: PublicCampaign },
      },
    },
    (req) => reports.publicCampaign(req.params.code, req.params.year, req.query.lang),
  );
}
