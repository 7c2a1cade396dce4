import type { Kysely } from 'kysely';
import type { Lang } from '#domain/lang';
import type { ScopedAction } from '../../access/rules.ts';
import type { DB } from '../../db/schema.ts';
import type { Message } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';

// The contract between the import engine (parsing CSV/XLSX, matching headers, preview, all-or-nothing,
// progress, the CLI and the upload page) and each feature that can be imported. A feature provides an Importer
// in its own folder (e.g. children/children.importer.ts) and registers it in ./importers.ts.

export type ImportKind = 'org-units' | 'sponsors' | 'children' | 'campaigns' | 'fv' | 'aid';

export interface ImportColumn {
  /** Stable key the importer reads cells by, e.g. 'iin'. */
  key: string;
  /** Header names, matched case-insensitively after trimming: the canonical Russian one first, then kk, en, aliases. */
  headers: string[];
  required: boolean;
  /** An IIN column: read as spreadsheets store IINs (a lost leading zero given back, exponent form refused). */
  iin?: boolean;
}

/** A problem with one cell (or the whole row when field is '_'), as a catalog message. */
export interface RowIssue {
  field: string;
  message: Message;
}

export interface ImportOptions {
  /** `--org CODE` / the unit chosen on the upload page: where rows without their own unit go. */
  orgCode?: string;
  /** `--campaign YEAR`. */
  campaignYear?: number;
}

export interface ImportContext {
  ctx: RequestContext;
  /**
   * The run's transaction: validate (read only!) and apply of one file run inside it, so rows may refer to
   * records written by an earlier sheet or file of the same run; a preview is rolled back at the end.
   */
  db: Kysely<DB>;
  options: ImportOptions;
  /** The user's language: accepted values listed in messages are named in it. */
  lang: Lang;
  /**
   * Per-run scratch space, e.g. to find the same IIN twice in one file. One run validates every row of a sheet in
   * file order and then (when applying) calls apply with the same map, inside the same transaction.
   */
  state: Map<string, unknown>;
  /** While applying: how many of the rows given to apply are written so far, for the progress bar (optional). */
  progress?: (done: number) => void;
}

/** The child a row is about, when the importer found or read one: named in the row's messages. */
export interface RowChild {
  name: string;
  iin: string | null;
}

export type RowResult<T> =
  | { ok: true; value: T; warnings?: RowIssue[]; child?: RowChild }
  | { ok: false; errors: RowIssue[]; warnings?: RowIssue[]; child?: RowChild };

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface Importer<T = unknown> {
  kind: ImportKind;
  columns: ImportColumn[];
  /** The action a row of this kind is (the engine refuses the file to roles that never have it). */
  action: ScopedAction;
  /** Rows go into one unit given with `--org` (or the viewer's own unit); there is no unit column. */
  needsUnit?: boolean;
  /** An example row for the downloadable template, by column key. */
  example?: Record<string, string>;
  /**
   * Checks one row. `cells` holds the trimmed text of each known column by key ('' when empty); XLSX dates arrive
   * as 'YYYY-MM-DD', numbers as their plain digits. Must not write anything.
   */
  validate(cells: Record<string, string>, rowNumber: number, ic: ImportContext): Promise<RowResult<T>>;
  /**
   * Checks that depend on several rows together (what one fund can pay), after every row passed `validate`. It
   * must decide in an order of its own (by date, by IIN…) so the outcome never depends on the order of the
   * file's rows; the rows it returns issues for are refused and the others stay valid. Must not write anything.
   */
  settle?(rows: { row: number; value: T }[], ic: ImportContext): Promise<Map<number, RowIssue[]>>;
  /**
   * Writes the valid rows inside the import's single transaction (and their audit entries). Importing the same file
   * again must change nothing: rows are matched by their natural key (IIN, code, sponsor name, …).
   */
  apply(rows: T[], ic: ImportContext): Promise<ApplyResult>;
}
