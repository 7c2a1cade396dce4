import { contextOf, type App } from '../../http/app-types.ts';
import { ListQuery, Page } from '../../http/common.schema.ts';
import type { Services } from '../../services.ts';
import { IdParams, UserCreate, UserDto, UserPatch } from './users.schema.ts';

export function usersRoutes(app: App, { users }: Services) {
  const tags = ['users'];
  const config = { action: 'user.read' } as const;
  app.get(
    '/api/users',
    { config, schema: { tags, querystring: ListQuery, response: { 200: Page(UserDto) } } },
    (req) => users.list(contextOf(req), req.query),
  );
  app.get(
    '/api/users/:id',
    { config, schema: { tags, params: IdParams, response: { 200: UserDto } } },
    (req) => users.get(contextOf(req), req.params.id),
  );
  app.post(
    '/api/users',
    { config, schema: { tags, body: UserCreate, response: { 201: UserDto } } },
    async (req, reply) => reply.status(201).send(await users.create(contextOf(req), req.body)),
  );
  app.patch(
    '/api/users/:id',
    { config, schema: { tags, params: IdParams, body: UserPatch, response: { 200: UserDto } } },
    (req) => users.update(contextOf(req), req.params.id, req.body),
  );
}
