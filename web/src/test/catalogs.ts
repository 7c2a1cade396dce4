import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Reading the message catalogs in tests: every JSON file in i18n/<lang>/ is a namespace.
export const I18N_ROOT = join(import.meta.dirname, '..', '..', '..', 'i18n');

type Catalog = { [key: string]: string | Catalog | string[] };

/** Dotted key → message. Arrays (month names) count as one message per element. */
export function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (Array.isArray(value)) value.forEach((v, i) => out.set(`${path}.${i}`, v));
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

export function namespaces(): string[] {
  return readdirSync(join(I18N_ROOT, 'ru'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function loadCatalog(lang: 'kk' | 'ru' | 'en', namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(I18N_ROOT, lang, `${namespace}.json`), 'utf8')) as Catalog);
}

/** Literal keys a folder's source passes to a translate function (t, tc, tr …) that the catalog lacks. */
export function missingKeys(
  dir: string,
  fn: string,
  catalog: Map<string, string>,
  allowed: string[] = [],
): string[] {
  const missing: string[] = [];
  const call = new RegExp(`\\b${fn}\\(\\s*'([a-zA-Z0-9_.]+)'`, 'g');
  for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !n.includes('.test.'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const m of text.matchAll(call))
      if (!catalog.has(m[1]!) && !allowed.includes(m[1]!)) missing.push(`${name}: ${m[1]}`);
  }
  return missing;
}
