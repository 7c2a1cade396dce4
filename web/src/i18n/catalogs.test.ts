import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { I18N_ROOT, loadCatalog, namespaces } from '../test/catalogs.ts';

// Every namespace (ui, children, help, operations, reports, errors, …) in all three languages.
describe.each(namespaces())('the %s catalogs', (ns) => {
  const ru = loadCatalog('ru', ns);

  it.each(['kk', 'en'] as const)('%s exists with exactly the keys of ru', (lang) => {
    expect(existsSync(join(I18N_ROOT, lang, `${ns}.json`))).toBe(true);
    const other = loadCatalog(lang, ns);
    expect([...ru.keys()].filter((k) => !other.has(k))).toEqual([]);
    expect([...other.keys()].filter((k) => !ru.has(k))).toEqual([]);
  });

  it.each(['kk', 'ru', 'en'] as const)('%s has no empty messages and every message is valid ICU', (lang) => {
    for (const [key, message] of loadCatalog(lang, ns)) {
      expect(message.trim(), `${lang} ${ns}:${key}`).not.toBe('');
      expect(() => parse(message), `${lang} ${ns}:${key}`).not.toThrow();
    }
  });
});

describe('the web app', () => {
  it('passes to t() only literal ui keys that exist', () => {
    const ui = loadCatalog('ru', 'ui');
    const missing: string[] = [];
    for (const file of sourceFiles(join(import.meta.dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!ui.has(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
