import type { Lang } from '#domain/lang';

// A generated paper (act of transfer, thank-you letter, ФВ decision list) as plain blocks, rendered to DOCX and
// PDF by the same layout so that both say exactly the same.

export interface Letterhead {
  /** The school's (or unit's) full name in the paper's language. */
  name: string;
  /** The unit above, e.g. the city's education department, printed over the name. */
  parent: string | null;
  address: string | null;
  phone: string | null;
}

export interface PaperColumn {
  header: string;
  align: 'left' | 'right' | 'center';
  /** Relative width. */
  width: number;
}

export type PaperBlock =
  | { kind: 'title'; text: string; subtitle?: string }
  | { kind: 'paragraph'; text: string; align?: 'left' | 'justify' | 'center' | 'right'; bold?: boolean }
  | { kind: 'approval'; lines: string[] }
  | { kind: 'table'; columns: PaperColumn[]; rows: string[][]; total?: string[] }
  | { kind: 'signatures'; lines: { role: string; name: string }[] };

export interface Paper {
  lang: Lang;
  /** File name without extension. */
  fileName: string;
  letterhead: Letterhead;
  /** Place and date line under the letterhead, e.g. "г. Караганда · 05.09.2023". */
  dateLine: string;
  blocks: PaperBlock[];
}
