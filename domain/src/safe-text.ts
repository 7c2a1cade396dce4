// Checks of free text people type into records that end up on pages, in printouts and in spreadsheets.
// Output is escaped anyway; refusing markup and control characters at the door keeps stored data clean and
// makes the refusal explainable to the person who typed it.

export type TextProblem = 'html' | 'control' | 'formula' | 'chars';

const HTML_TAG = /<\s*\/?\s*[a-z!][^>]*>/i;
// Any C0/C1 control character; `multiline` text may keep line breaks and tabs. Control characters are exactly
// what these patterns look for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Letters of any script (Kazakh, Russian, Latin), combining marks, and the joiners names really use.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}'’ .-]*$/u;

/** The problem with a free-text field (address, notes), or null when it is fine to store. */
export function checkFreeText(text: string, opts: { multiline?: boolean } = {}): TextProblem | null {
  if (HTML_TAG.test(text)) return 'html';
  if ((opts.multiline ? CONTROL_EXCEPT_BREAKS : CONTROL).test(text)) return 'control';
  return null;
}

/** The problem with a person's surname, name or patronymic, or null. */
export function checkPersonName(text: string): TextProblem | null {
  const free = checkFreeText(text);
  if (free) return free;
  const trimmed = text.trim();
  if (/^[=+\-@]/.test(trimmed)) return 'formula';
  if (!NAME.test(trimmed)) return 'chars';
  return null;
}

/**
 * A spreadsheet cell that cannot run as a formula: text starting with = + - @ (or a tab/CR a spreadsheet may
 * strip first) gets a leading apostrophe, the OWASP-recommended neutraliser.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
