/// <reference types="vite/client" />
import type { i18n as I18n } from 'i18next';
import { LANGS, type Lang } from '#domain/lang';
import { createI18nWith, NAMESPACES, type Catalogs } from '../i18n/i18n.ts';

const files = import.meta.glob<object>('../../../i18n/*/*.json', { eager: true, import: 'default' });

/** All three languages in memory, so a test renders at once and can switch language without waiting. */
export const resources = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    Object.fromEntries(NAMESPACES.map((ns) => [ns, files[`../../../i18n/${lang}/${ns}.json`]!])) as Catalogs,
  ]),
) as Record<Lang, Catalogs>;

export function createI18n(lang: Lang): I18n {
  return createI18nWith(lang, resources);
}
