import { parseDateInput } from '#domain/dates';
import { checkIin } from '#domain/iin';
import { parseTenge } from '#domain/money';
import { visibleChar } from '#domain/safe-text';
import type { Vocabulary } from '#domain/vocabulary';
import type { Message } from '../../http/app-error.ts';
import type { RowChild, RowIssue, RowResult } from './importer.ts';

// Reading one cell of an import row into a checked value. Every importer uses these, so text, dates and amounts
// are read alike in every template. Free text is what people write — initials, «(мать)», №, quotes, digits, a
// leading '+' or '=' — and is refused only for markup, control characters or length: formulas are harmless because
// exports write text cells as text.

export type CellResult<T> = { ok: true; value: T } | { ok: false; issue: RowIssue };

export interface TextOptions {
  required?: boolean;
  /** A one-line name (of a school, sponsor, head, place): inner runs of spaces collapsed to one. */
  name?: boolean;
  /** Longest accepted value; 500 unless told (the same limit as the API's field). */
  max?: number;
  /** Free text that may keep its line breaks (notes, addresses). */
  multiline?: boolean;
}

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (field: string, key: string, params?: Message['params']): CellResult<never> => ({
  ok: false,
  issue: { field, message: { key, params } },
});

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, keeping tab and line breaks
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const HTML_TAG = /<\s*\/?\s*[a-z!?][^>]*>/i;

function cell(cells: Record<string, string>, key: string): string {
  return (cells[key] ?? '').trim();
}

/** A text cell: '' → null (or "required"); refuses markup, control characters and over-long values. */
export function textCell(
  cells: Record<string, string>,
  key: string,
  opts: TextOptions = {},
): CellResult<string | null> {
  let value = cell(cells, key);
  if (value === '') return opts.required ? fail(key, 'import:cell.required') : ok(null);
  const max = opts.max ?? 500;
  if (value.length > max) return fail(key, 'import:cell.tooLong', { max, length: value.length });
  const control = (opts.multiline && !opts.name ? CONTROL_EXCEPT_BREAKS : CONTROL).exec(value);
  if (control) return fail(key, 'import:cell.control', { char: visibleChar(control[0]) });
  if (HTML_TAG.test(value)) return fail(key, 'import:cell.html');
  if (opts.name) value = value.replace(/\s+/g, ' ');
  return ok(value);
}

/** A date written DD.MM.YYYY or YYYY-MM-DD (Excel date cells arrive as the latter); `notAfter` refuses later dates. */
export function dateCell(
  cells: Record<string, string>,
  key: string,
  opts: { required?: boolean; notAfter?: string } = {},
): CellResult<string | null> {
  const value = cell(cells, key);
  if (value === '') return opts.required ? fail(key, 'import:cell.required') : ok(null);
  const parsed = parseDateInput(value);
  if (!parsed.ok) {
    return fail(key, parsed.error === 'format' ? 'import:cell.dateFormat' : 'import:cell.dateInvalid', {
      value,
    });
  }
  if (opts.notAfter && parsed.date > opts.notAfter) return fail(key, 'import:cell.dateFuture', { value });
  return ok(parsed.date);
}

/** Whole tenge: "1 196 448", "1 196 448 ₸", "37389.00" are accepted; fractions and negatives are refused. */
export function tengeCell(
  cells: Record<string, string>,
  key: string,
  opts: { required?: boolean } = {},
): CellResult<number | null> {
  const value = cell(cells, key);
  if (value === '') return opts.required ? fail(key, 'import:cell.required') : ok(null);
  const parsed = parseTenge(value);
  if (!parsed.ok) return fail(key, `import:cell.tenge.${parsed.error}`, { value });
  return ok(parsed.value);
}

/** A whole number (spaces between digit groups allowed; "12.0" as Excel may print it). */
export function intCell(
  cells: Record<string, string>,
  key: string,
  opts: { required?: boolean; min?: number; max?: number } = {},
): CellResult<number | null> {
  const value = cell(cells, key);
  if (value === '') return opts.required ? fail(key, 'import:cell.required') : ok(null);
  const match = /^(-?\d+)(?:[.,]0+)?$/.exec(value.replace(/[\s\u00a0\u202f]+/g, ''));
  const n = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(n)) return fail(key, 'import:cell.integer', { value });
  if (opts.min !== undefined && n < opts.min)
    return fail(key, 'errors:validation.tooSmall', { min: opts.min });
  if (opts.max !== undefined && n > opts.max) return fail(key, 'errors:validation.tooBig', { max: opts.max });
  return ok(n);
}

/** A campaign year such as 2025. */
export function yearCell(
  cells: Record<string, string>,
  key: string,
  opts: { required?: boolean } = {},
): CellResult<number | null> {
  const value = cell(cells, key);
  if (value === '') return opts.required ? fail(key, 'import:cell.required') : ok(null);
  const n = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 2000 && n <= 2100)) return fail(key, 'import:cell.year', { value });
  return ok(n);
}

/**
 * An IIN as a spreadsheet may have stored it. A number cell drops the leading zero (`090914602229` →
 * `90914602229`): 11 digits whose zero-padded form is a valid IIN get the zero back, with a warning saying so.
 * Exponent form (`1,60514E+11`) has lost digits for good and is refused with how to keep the column as text.
 * Anything else is left to the IIN's own check.
 */
export function iinCell(
  cells: Record<string, string>,
  key: string,
): { ok: true; value: string; warning?: RowIssue } | { ok: false; issue: RowIssue } {
  const value = cell(cells, key);
  if (/^\d(?:[.,]\d+)?e\+?\d+$/i.test(value)) {
    return {
      ok: false,
      issue: { field: key, message: { key: 'import:cell.iinExponent', params: { value } } },
    };
  }
  if (/^\d{11}$/.test(value) && checkIin(`0${value}`).ok) {
    return {
      ok: true,
      value: `0${value}`,
      warning: {
        field: key,
        message: { key: 'import:cell.iinZeroRestored', params: { value, iin: `0${value}` } },
      },
    };
  }
  return { ok: true, value };
}

/** The accepted values of a list as a person reads them: the display names in the user's language. */
export function acceptedWords(names: Readonly<Record<string, string>>, codes?: readonly string[]): string {
  return (codes ?? Object.keys(names))
    .map((c) => names[c])
    .filter(Boolean)
    .join(', ');
}

/**
 * One of a fixed list, read through its vocabulary (synonyms in ru/kk/en; case, spaces, punctuation and ё/е do not
 * matter). A value that matches nothing is refused with the accepted words in the user's language (`names`) and,
 * when it is a near miss, the value it most likely means.
 */
export function choiceCell<C extends string>(
  cells: Record<string, string>,
  key: string,
  vocabulary: Pick<Vocabulary<C>, 'match' | 'suggest' | 'codes'>,
  opts: { required?: boolean; names: Readonly<Record<string, string>> },
): CellResult<C | null> {
  const value = cell(cells, key);
  if (value === '') return opts.required ? fail(key, 'import:cell.required') : ok(null);
  const code = vocabulary.match(value);
  if (code !== undefined) return ok(code);
  const guess = vocabulary.suggest(value);
  return fail(key, 'import:cell.choice', {
    value,
    values: acceptedWords(opts.names, vocabulary.codes),
    suggestion: guess === undefined ? 'none' : (opts.names[guess] ?? guess),
  });
}

/**
 * Collects the problems of one row while reading its cells, so that a row reports every bad field at once:
 * `const r = new RowReader(cells); const name = r.text('name', { name: true, required: true }); … return r.result(() => ({ name: name! }))`.
 */
export class RowReader {
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  /** The child the row is about, once the importer has found it (named in the row's messages). */
  child: RowChild | undefined;

  constructor(readonly cells: Record<string, string>) {}

  private take<T>(result: CellResult<T>): T | null {
    if (result.ok) return result.value;
    this.errors.push(result.issue);
    return null;
  }

  text(key: string, opts?: TextOptions) {
    return this.take(textCell(this.cells, key, opts));
  }
  date(key: string, opts?: { required?: boolean; notAfter?: string }) {
    return this.take(dateCell(this.cells, key, opts));
  }
  tenge(key: string, opts?: { required?: boolean }) {
    return this.take(tengeCell(this.cells, key, opts));
  }
  int(key: string, opts?: { required?: boolean; min?: number; max?: number }) {
    return this.take(intCell(this.cells, key, opts));
  }
  year(key: string, opts?: { required?: boolean }) {
    return this.take(yearCell(this.cells, key, opts));
  }
  choice<C extends string>(
    key: string,
    vocabulary: Pick<Vocabulary<C>, 'match' | 'suggest' | 'codes'>,
    opts: { required?: boolean; names: Readonly<Record<string, string>> },
  ) {
    return this.take(choiceCell(this.cells, key, vocabulary, opts));
  }

  /** Whether this field already has an error (to skip checks that would only repeat it). */
  failed(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }
  error(field: string, key: string, params?: Message['params']): void {
    this.errors.push({ field, message: { key, params } });
  }
  warn(field: string, key: string, params?: Message['params']): void {
    this.warnings.push({ field, message: { key, params } });
  }

  /** The row's outcome: its errors if any were found, else the value built by `build`. */
  result<T>(build: () => T): RowResult<T> {
    const warnings = this.warnings.length > 0 ? this.warnings : undefined;
    const child = this.child;
    if (this.errors.length > 0) return { ok: false, errors: this.errors, warnings, child };
    return { ok: true, value: build(), warnings, child };
  }
}
