// Matching of human-typed labels (import files, spreadsheets) to codes. Spreadsheets vary in case, spacing,
// "ё"/"е" and quotes, so labels are compared in a normalised form.

export function normalizeLabel(label: string): string {
  return label
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»“”„]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Builds a lookup from code → accepted labels (in any language). The codes themselves are accepted too, and so
 * is every display name given (one record per language, from i18n/{lang}/common.json), so what the system prints
 * can always be read back.
 */
export function makeLabelLookup<C extends string>(
  labels: Readonly<Record<C, readonly string[]>>,
  displayNames: readonly Readonly<Partial<Record<C, string>>>[] = [],
): (label: string) => C | undefined {
  const map = new Map<string, C>();
  for (const code of Object.keys(labels) as C[]) {
    map.set(normalizeLabel(code), code);
    for (const label of labels[code]) map.set(normalizeLabel(label), code);
    for (const names of displayNames) {
      const name = names[code];
      if (name !== undefined) map.set(normalizeLabel(name), code);
    }
  }
  return (label) => map.get(normalizeLabel(label));
}
