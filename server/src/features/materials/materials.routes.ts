import { contextOf, type App } from '../../http/app-types.ts';
import type { Services } from '../../services.ts';
import { MaterialsDto, MaterialsQuery, MaterialsSave } from './materials.schema.ts';

export function materialsRoutes(app: App, { materials }: Services) {
  const tags = ['materials'];
  app.get(
    '/api/materials',
    { schema: { tags, querystring: MaterialsQuery, response: { 200: MaterialsDto } } },
    (req) => materials.get(contextOf(req), req.query),
  );
  app.put(
    '/api/materials',
    { schema: { tags, body: MaterialsSave, response: { 200: MaterialsDto } } },
    (req) => materials.save(contextOf(req), req.body),
  );
  for (const kind of ['poster', 'booklet'] as const) {
    app.get(
      `/api/materials/${kind}.pdf`,
      { schema: { tags, querystring: MaterialsQuery } },
      async (req, reply) => {
        const ctx = contextOf(req);
        const pdf =
          kind === 'poster'
            ? await materials.poster(ctx, req.query)
            : await materials.booklet(ctx, req.query);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${kind}-${req.query.year}-${req.query.lang}.pdf"`)
          .send(pdf);
      },
    );
  }
}
