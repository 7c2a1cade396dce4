import { contextOf, type App } from '../../http/app-types.ts';
import { ListQuery, Page } from '../../http/common.schema.ts';
import type { Services } from '../../services.ts';
import { CodeParams, OrgUnitCreate, OrgUnitDto, OrgUnitPatch, OrgUnitType } from './org-units.schema.ts';

export function orgUnitsRoutes(app: App, { orgUnits }: Services) {
  const tags = ['org-units'];
  app.get(
    '/api/org-units',
    {
      schema: {
        tags,
        querystring: ListQuery.extend({ type: OrgUnitType.optional() }),
        response: { 200: Page(OrgUnitDto) },
      },
    },
    (req) => orgUnits.list(contextOf(req), req.query),
  );
  app.get(
    '/api/org-units/:code',
    { schema: { tags, params: CodeParams, response: { 200: OrgUnitDto } } },
    (req) => orgUnits.get(contextOf(req), req.params.code),
  );
  app.post(
    '/api/org-units',
    { schema: { tags, body: OrgUnitCreate, response: { 201: OrgUnitDto } } },
    async (req, reply) => reply.status(201).send(await orgUnits.create(contextOf(req), req.body)),
  );
  app.patch(
    '/api/org-units/:code',
    { schema: { tags, params: CodeParams, body: OrgUnitPatch, response: { 200: OrgUnitDto } } },
    (req) => orgUnits.update(contextOf(req), req.params.code, req.body),
  );
}
