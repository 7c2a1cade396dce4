import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type Resource, type ResourceLanguage, type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import { LANGS, type Lang } from '#domain/lang';
import { projectRoot } from '../project-root.ts';

// Every JSON file in i18n/<lang>/ is a namespace (errors.json → "errors:…"); features add files, not code.
const root = join(projectRoot, 'i18n');

function loadCatalogs(): Resource {
  const resources: Record<string, ResourceLanguage> = {};
  for (const lang of LANGS) {
    resources[lang] = {};
    for (const file of readdirSync(join(root, lang))) {
      if (!file.endsWith('.json')) continue;
      resources[lang][file.slice(0, -'.json'.length)] = JSON.parse(
        readFileSync(join(root, lang, file), 'utf8'),
      ) as ResourceLanguage;
    }
  }
  return resources;
}

const instance = i18next.createInstance();
await instance.use(ICU).init({
  resources: loadCatalogs(),
  lng: 'ru',
  fallbackLng: 'ru',
  supportedLngs: [...LANGS],
  defaultNS: 'errors',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function translator(lang: Lang): TFunction {
  return instance.getFixedT(lang);
}

export function translate(lang: Lang, key: string, params?: Record<string, unknown>): string {
  return instance.getFixedT(lang)(key, params ?? {});
}
