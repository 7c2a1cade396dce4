import { z } from 'zod';
import { invalid } from './app-error.ts';

/** Query parameters every list takes: `org` narrows to a unit (and below), `q` searches, cursor pages. */
export const ListQuery = z.object({
  org: z.string().trim().max(40).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Optimistic concurrency: an edit names the version it was based on; a stale one gets 409. */
export const Version = z.number().int().min(1);

export const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A text a cursor may carry: what an engine can compare (PostgreSQL refuses NUL in text). */
export const CursorText = z
  .string()
  .max(500)
  .refine((s) => !s.includes('\u0000'));
export const CursorValue = z.union([CursorText, z.number().finite()]);

/**
 * The keyset a client sent back, checked against the shape the list wrote: a cursor that is not ours (forged,
 * cut, from another list) is a 400 naming the cursor, never a query with whatever JSON it held.
 */
export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw invalid({ cursor: { key: 'errors:badCursor' } });
  return parsed.data;
}
