import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import { SESSION_COOKIE } from '../../http/auth-hook.ts';
import type { Services } from '../../services.ts';
import {
  LoginBody,
  MePatchBody,
  MeResponse,
  PasswordChangeBody,
  TokenCreateBody,
  TokenDto,
} from './auth.schema.ts';

export function authRoutes(app: App, { auth, config }: Services) {
  const tags = ['auth'];
  const secure = config.COOKIE_SECURE === 'auto' ? undefined : config.COOKIE_SECURE === 'true';

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, body: LoginBody, response: { 200: MeResponse } },
    },
    async (req, reply) => {
      const { token, sessionId, user } = await auth.login(
        req.body.email,
        req.body.password,
        req.ip,
        req.headers['user-agent'] ?? null,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        // Behind TLS (or when told so) the cookie never travels over plain HTTP.
        secure: secure ?? req.protocol === 'https',
        maxAge: config.SESSION_TTL_HOURS * 3600,
      });
      return { user, csrfToken: reply.generateCsrf({ userInfo: sessionId }) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags } }, async (req, reply) => {
    await auth.logout(contextOf(req), req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, response: { 200: MeResponse } } }, async (req, reply) => {
    const user = await auth.me(contextOf(req).viewer);
    return { user, csrfToken: req.sessionId ? reply.generateCsrf({ userInfo: req.sessionId }) : undefined };
  });

  app.patch(
    '/api/auth/me',
    { schema: { tags, body: MePatchBody, response: { 200: MeResponse } } },
    async (req) => ({
      user: await auth.setLang(contextOf(req), req.body.lang),
    }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, body: PasswordChangeBody },
    },
    async (req, reply) => {
      await auth.changePassword(
        contextOf(req),
        req.sessionId,
        req.body.currentPassword,
        req.body.newPassword,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/tokens',
    { schema: { tags, response: { 200: z.object({ items: z.array(TokenDto) }) } } },
    async (req) => ({
      items: await auth.listTokens(contextOf(req)),
    }),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        body: TokenCreateBody,
        response: { 201: z.object({ id: z.string(), token: z.string() }) },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      return reply
        .status(201)
        .send(await auth.createToken(ctx.viewer, ctx.viewer.userId ?? '', req.body.name, ctx.ip));
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    { schema: { tags, params: z.object({ id: z.string().max(64) }) } },
    async (req, reply) => {
      await auth.revokeToken(contextOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
