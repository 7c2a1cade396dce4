import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import type { Services } from '../../services.ts';
import { AuditEntryDto, AuditQuery } from './audit.schema.ts';

export function auditRoutes(app: App, { audit }: Services) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: z.object({ items: z.array(AuditEntryDto) }) },
      },
    },
    (req) => audit.list(contextOf(req), req.query),
  );
}
