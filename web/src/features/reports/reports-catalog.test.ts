import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import en from '#i18n/en/reports.json';
import kk from '#i18n/kk/reports.json';
import ru from '#i18n/ru/reports.json';

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

describe('reports catalogs', () => {
  it.each(['kk', 'en'] as const)('%s has exactly the keys of ru, none empty, each valid ICU', (lang) => {
    expect([...catalogs.ru.keys()].filter((k) => !catalogs[lang].has(k))).toEqual([]);
    expect([...catalogs[lang].keys()].filter((k) => !catalogs.ru.has(k))).toEqual([]);
    for (const [key, message] of catalogs[lang]) {
      expect(message.trim(), key).not.toBe('');
      expect(() => parse(message), key).not.toThrow();
    }
  });

  it('every literal key the report pages pass to t() exists', () => {
    const dir = import.meta.dirname;
    const missing: string[] = [];
    for (const name of readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const match of text.matchAll(/\btr\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!catalogs.ru.has(match[1]!) && match[1] !== 'metric') missing.push(`${name}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
