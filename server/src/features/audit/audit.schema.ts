import { z } from 'zod';

export const AuditQuery = z.object({
  org: z.string().trim().max(40).optional(),
  entity: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEntryDto = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgPath: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
