import { z } from 'zod';
import type { App } from '../../http/app-types.ts';
import type { Services } from '../../services.ts';
import { Email, NewPassword } from '../auth/auth.schema.ts';

export function setupRoutes(app: App, { setup }: Services) {
  const tags = ['setup'];
  app.get(
    '/api/setup/status',
    { config: { public: true }, schema: { tags, response: { 200: z.object({ needed: z.boolean() }) } } },
    async () => ({ needed: await setup.needed() }),
  );
  app.post(
    '/api/setup',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        body: z.strictObject({
          token: z.string().min(1).max(200),
          name: z.string().trim().min(1).max(200),
          email: Email,
          password: NewPassword,
        }),
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      await setup.complete(req.body, req.ip);
      return reply.status(201).send({ ok: true as const });
    },
  );
}
