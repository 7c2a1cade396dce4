import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import { requestLang } from '../../http/request-lang.ts';
import type { Services } from '../../services.ts';
import { FvListDto, FvParams, FvPut, FvQuery, FvRowDto, PmDto, PmPut, YearParams } from './fv.schema.ts';

export function fvRoutes(app: App, { fv }: Services) {
  app.get(
    '/api/reference/pm',
    { schema: { tags: ['reference'], response: { 200: z.object({ items: z.array(PmDto) }) } } },
    async () => ({ items: await fv.pmList() }),
  );
  app.put(
    '/api/reference/pm/:year',
    {
      config: { action: 'reference.manage' },
      schema: { tags: ['reference'], params: YearParams, body: PmPut, response: { 200: PmDto } },
    },
    (req) => fv.putPm(contextOf(req), req.params.year, req.body),
  );
  app.get(
    '/api/fv',
    { schema: { tags: ['fv'], querystring: FvQuery, response: { 200: FvListDto } } },
    (req) => fv.list(contextOf(req), req.query),
  );
  app.put(
    '/api/fv/:org/:year',
    { schema: { tags: ['fv'], params: FvParams, body: FvPut, response: { 200: FvRowDto } } },
    (req) => fv.put(contextOf(req), req.params.org, req.params.year, req.body, requestLang(req)),
  );
}
