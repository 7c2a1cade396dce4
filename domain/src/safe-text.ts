// Checks of text people type into records that end up on pages, in printouts and in spreadsheets.
// Output is escaped anyway and exports write text as text (never as a formula), so free text is refused only
// when it cannot mean anything to a person: markup and control characters. A person's own name stays a name.

export type TextProblem = 'html' | 'control' | 'formula' | 'chars';

const HTML_TAG = /<\s*\/?\s*[a-z!][^>]*>/i;
// Any C0/C1 control character; `multiline` text may keep line breaks and tabs. Control characters are exactly
// what these patterns look for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Letters of any script (Kazakh, Russian, Latin), combining marks, and the joiners names really use: hyphen and
// dash, the apostrophes of O'Brien / Ғалиʼ, space and the dot of an initial.
const NAME_CHAR = /[\p{L}\p{M}'’ʼ` .\-‐–]/u;
const NAME_START = /[\p{L}\p{M}]/u;

/** The problem with a free-text field (address, guardian, notes, sponsor), or null when it is fine to store. */
export function checkFreeText(text: string, opts: { multiline?: boolean } = {}): TextProblem | null {
  if (HTML_TAG.test(text)) return 'html';
  if ((opts.multiline ? CONTROL_EXCEPT_BREAKS : CONTROL).test(text)) return 'control';
  return null;
}

/** What is wrong with a person's surname, name or patronymic, and the first character that is wrong. */
export function personNameProblem(text: string): { problem: TextProblem; char: string } | null {
  const free = checkFreeText(text);
  if (free) return { problem: free, char: free === 'control' ? (CONTROL.exec(text)?.[0] ?? '') : '<' };
  const trimmed = text.trim();
  if (/^[=+\-@]/.test(trimmed)) return { problem: 'formula', char: trimmed[0]! };
  const chars = [...trimmed];
  if (chars.length > 0 && !NAME_START.test(chars[0]!)) return { problem: 'chars', char: chars[0]! };
  const bad = chars.find((c) => !NAME_CHAR.test(c));
  return bad === undefined ? null : { problem: 'chars', char: bad };
}

/** The problem with a person's surname, name or patronymic, or null. */
export function checkPersonName(text: string): TextProblem | null {
  return personNameProblem(text)?.problem ?? null;
}

/**
 * A character as a person can find it in a message: itself when visible, else its Unicode code point
 * (a tab or a zero-width space would otherwise print as nothing).
 */
export function visibleChar(char: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char)
    ? char
    : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A spreadsheet cell that cannot run as a formula: text starting with = + - @ (or a tab/CR a spreadsheet may
 * strip first) gets a leading apostrophe, the OWASP-recommended neutraliser. Only for CSV, where a cell has no
 * type; XLSX cells written as strings are never formulas and need nothing added.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
