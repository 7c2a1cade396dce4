import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '#i18n/en/children.json';
import kk from '#i18n/kk/children.json';
import ru from '#i18n/ru/children.json';

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

describe('children catalogs', () => {
  it.each(['kk', 'en'] as const)('%s has exactly the keys of ru, each valid ICU', (lang) => {
    expect([...catalogs.ru.keys()].filter((k) => !catalogs[lang].has(k))).toEqual([]);
    expect([...catalogs[lang].keys()].filter((k) => !catalogs.ru.has(k))).toEqual([]);
    for (const [key, message] of catalogs[lang]) expect(() => parse(message), key).not.toThrow();
  });

  it('every literal key the children pages pass to tc() exists', () => {
    const dir = import.meta.dirname;
    const missing: string[] = [];
    for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !/\.test\./.test(n))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const m of text.matchAll(/\btc\(\s*'([a-zA-Z0-9_.]+)'/g))
        if (!catalogs.ru.has(m[1]!)) missing.push(`${name}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
