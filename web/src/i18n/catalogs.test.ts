import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '#i18n/en/ui.json';
import kk from '#i18n/kk/ui.json';
import ru from '#i18n/ru/ui.json';

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogs = { ru: flatten(ru), kk: flatten(kk), en: flatten(en) };

describe('ui catalogs', () => {
  it.each(['kk', 'en'] as const)('%s has exactly the keys of ru', (lang) => {
    const ruKeys = [...catalogs.ru.keys()].sort();
    const keys = [...catalogs[lang].keys()].sort();
    expect(ruKeys.filter((k) => !catalogs[lang].has(k))).toEqual([]);
    expect(keys.filter((k) => !catalogs.ru.has(k))).toEqual([]);
  });

  it.each(['kk', 'ru', 'en'] as const)('%s has no empty messages and every message is valid ICU', (lang) => {
    for (const [key, message] of catalogs[lang]) {
      expect(message.trim(), key).not.toBe('');
      expect(() => parse(message), `${lang} ${key}`).not.toThrow();
    }
  });

  it('every literal key the web app passes to t() exists', () => {
    const source = join(import.meta.dirname, '..');
    const missing: string[] = [];
    for (const file of sourceFiles(source)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = match[1]!;
        if (!catalogs.ru.has(key)) missing.push(`${file}: ${key}`);
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
