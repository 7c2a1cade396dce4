// A school class as people write it: grade 0–11 (0 is the pre-school class) and an optional letter, "5А",
// "5 а", "11-Б". Stored as one normalised label ("5А") plus the grade, so lists sort by grade and match a
// teacher's classes whatever spacing was typed.

export type ClassLabelParse = { ok: true; grade: number; letter: string; label: string } | { ok: false };

const PATTERN = /^(\d{1,2})\s*[-–.\s]?\s*(\p{L})?$/u;

export function parseClassLabel(input: string): ClassLabelParse {
  const match = PATTERN.exec(input.normalize('NFC').trim());
  if (!match) return { ok: false };
  const grade = Number(match[1]);
  if (grade > 11 || (match[1]!.length === 2 && match[1]!.startsWith('0'))) return { ok: false };
  const letter = (match[2] ?? '').toUpperCase();
  return { ok: true, grade, letter, label: `${grade}${letter}` };
}

/** The normalised label, or the input unchanged when it is not a class (so comparisons simply fail). */
export function normalizeClassLabel(input: string): string {
  const parsed = parseClassLabel(input);
  return parsed.ok ? parsed.label : input.trim();
}
