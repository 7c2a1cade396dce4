import type { FastifyReply, FastifyRequest } from 'fastify';
import { policy } from '../access/policy.ts';
import type { AuthService } from '../features/auth/auth.service.ts';
import { AppError, forbidden, unauthorized } from './app-error.ts';
import type { App } from './app-types.ts';

export const SESSION_COOKIE = 'mj_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds out who is calling (Bearer API token or session cookie) and refuses what they may not do.
 * Deny by default: a route is public only when its config says so. Cookie-authenticated writes must carry
 * the CSRF token; API tokens are not sent by browsers on their own, so they need none.
 */
export function installAuthHook(app: App, auth: AuthService) {
  app.decorateRequest('viewer', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.viewer = await auth.viewerFromApiToken(header.slice('Bearer '.length).trim());
      if (!req.viewer) throw unauthorized();
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        const found = await auth.viewerFromSession(cookie);
        if (found) {
          req.viewer = found.viewer;
          req.sessionId = found.sessionId;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
  });

  // Before the body is validated: a caller without a session, without the action or without the CSRF token learns
  // nothing about what the route would have accepted.
  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith('/api/') || !req.routeOptions.url) return;
    const config = req.routeOptions.config;
    if (config.public) return;
    if (!req.viewer) throw unauthorized();
    if (config.action && !policy.anywhere(req.viewer, config.action)) throw forbidden();
    if (req.sessionId && UNSAFE.has(req.method)) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      }).catch(() => {
        throw new AppError(403, 'csrf', { key: 'errors:csrf' });
      });
    }
  });
}
