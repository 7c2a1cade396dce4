import { z } from 'zod';

export const ImportKindSchema = z.enum(['org-units', 'sponsors', 'children', 'campaigns', 'fv', 'aid']);

const RowIssueDto = z.object({
  /** The row number as Excel shows it (the header is row 1). */
  row: z.number(),
  field: z.string(),
  /** The column header in the caller's language; null for the whole row. */
  column: z.string().nullable(),
  /** The cell as written, shortened when long; null for a problem of the whole row. */
  value: z.string().nullable(),
  /** The child the row is about when known: «Surname Name, ИИН …». */
  child: z.string().nullable(),
  message: z.string(),
});

export const ImportReportDto = z.object({
  /** A preview: nothing was written; results say what applying would do. */
  dryRun: z.boolean(),
  /** Nothing refused: no file, sheet or row error. */
  ok: z.boolean(),
  files: z.array(
    z.object({
      file: z.string(),
      error: z.string().nullable(),
      warnings: z.array(z.string()),
      sheets: z.array(
        z.object({
          sheet: z.string().nullable(),
          kind: ImportKindSchema.nullable(),
          kindName: z.string().nullable(),
          rows: z.number(),
          valid: z.number(),
          refused: z.number(),
          error: z.string().nullable(),
          errors: z.array(RowIssueDto),
          warnings: z.array(RowIssueDto),
          applied: z.boolean(),
          result: z
            .object({ created: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number() })
            .nullable(),
        }),
      ),
    }),
  ),
});
export type ImportReportDto = z.infer<typeof ImportReportDto>;

export const TemplateParams = z.object({
  file: z.string().regex(/^(org-units|sponsors|children|campaigns|fv|aid)\.(xlsx|csv)$/),
});
export const TemplateQuery = z.object({ lang: z.enum(['kk', 'ru', 'en']).optional() });

export const ImportKindsDto = z.object({
  /** UPLOAD_MAX_MB: the largest file accepted. */
  maxMb: z.number(),
  kinds: z.array(
    z.object({
      kind: ImportKindSchema,
      name: z.string(),
      /** Whether the caller's role may import this kind. */
      allowed: z.boolean(),
      columns: z.array(z.object({ header: z.string(), required: z.boolean() })),
    }),
  ),
});
