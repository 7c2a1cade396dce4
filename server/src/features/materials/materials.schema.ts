import { z } from 'zod';
import { Version } from '../../http/common.schema.ts';

/** The texts of the stand and booklets a school may reword before printing. */
export const TEXT_KEYS = [
  'title',
  'motto',
  'purpose',
  'helpList',
  'howSteps',
  'docs',
  'hotline',
  'hotlineNote',
  'contacts',
  'closing',
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export const MaterialTexts = z.strictObject(
  Object.fromEntries(TEXT_KEYS.map((k) => [k, z.string().max(3000).optional()])) as Record<
    TextKey,
    z.ZodOptional<z.ZodString>
  >,
);
export type MaterialTexts = Record<TextKey, string>;

const Lang = z.enum(['kk', 'ru', 'en']);
const Year = z.coerce.number().int().min(2000).max(2100);

export const MaterialsDto = z.object({
  year: z.number(),
  lang: Lang,
  campaignStatus: z.enum(['open', 'closed']),
  /** What is printed: the school's own wording where it has one, the generated text elsewhere. */
  texts: z.record(z.string(), z.string()),
  defaults: z.record(z.string(), z.string()),
  overrides: z.record(z.string(), z.string()),
  /** The generated list of categories (from the common catalog): not edited, always current. */
  categories: z.array(z.string()),
  dates: z.string(),
  version: z.number().nullable(),
});
export type MaterialsDto = z.infer<typeof MaterialsDto>;

export const MaterialsQuery = z.object({ year: Year, lang: Lang, org: z.string().trim().max(40).optional() });

export const MaterialsSave = z.strictObject({
  year: Year,
  lang: Lang,
  /** The texts the school reworded; an empty or missing one goes back to the generated text. */
  texts: MaterialTexts,
  /** The version the edit was based on; null when the school had no wording of its own yet. */
  version: Version.nullable(),
});
export type MaterialsSave = z.infer<typeof MaterialsSave>;
