import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { unauthorized } from './app-error.ts';
import type { RequestContext } from './request-context.ts';

/** The Fastify instance with zod schemas as its type provider: routes get typed bodies, queries and replies. */
export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The signed-in caller of a route that is not public (the auth hook has already refused anonymous calls). */
export function contextOf(req: FastifyRequest): RequestContext {
  if (!req.viewer) throw unauthorized();
  return { viewer: req.viewer, ip: req.ip };
}
