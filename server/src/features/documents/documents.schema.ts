import { z } from 'zod';
import { LANGS } from '#domain/lang';
import { Year } from '../fv/fv.schema.ts';

export const PaperFormat = z.enum(['pdf', 'docx']);
export type PaperFormat = z.infer<typeof PaperFormat>;

const common = { format: PaperFormat.default('pdf'), lang: z.enum(LANGS).optional() };

export const ActQuery = z.object(common);
export const ThanksQuery = z.object({ ...common, year: Year, org: z.string().trim().max(40).optional() });
export const FvDecisionQuery = z.object({ ...common, year: Year, org: z.string().trim().max(40).optional() });
export const IdParams = z.object({ id: z.string().max(64) });
