/// <reference types="vite/client" />
import i18next, { type i18n as I18n, type InitOptions, type Module } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from '#domain/lang';

/** The web app's namespaces (i18n/<lang>/<namespace>.json). */
export const NAMESPACES = ['ui', 'help', 'reports', 'import', 'children', 'operations'] as const;

export type Namespace = (typeof NAMESPACES)[number];
export type Catalogs = Record<Namespace, object>;

const BASE: InitOptions = {
  supportedLngs: [...LANGS],
  ns: [...NAMESPACES],
  defaultNS: 'ui',
  interpolation: { escapeValue: false },
  returnNull: false,
};

/**
 * Each catalog file (i18n/<lang>/<namespace>.json) is a chunk of its own, fetched when first needed: the sign-in
 * page downloads only the user's language's `ui` namespace; the signed-in shell asks for the others
 * (useTranslation(NAMESPACES) in require-auth.tsx); switching language fetches the new language's files first and
 * then re-renders. No fallback language: the catalogs test keeps every key in all three.
 */
const CATALOG_FILES = import.meta.glob<{ default: object }>([
  '../../../i18n/*/ui.json',
  '../../../i18n/*/help.json',
  '../../../i18n/*/reports.json',
  '../../../i18n/*/import.json',
  '../../../i18n/*/children.json',
  '../../../i18n/*/operations.json',
]);

/** An i18next backend (https://www.i18next.com/misc/creating-own-plugins#backend) over the chunks above. */
const lazyCatalogs: Module & {
  read: (lng: string, ns: string, done: (error: unknown, data?: object) => void) => void;
} = {
  type: 'backend',
  read(lng, ns, done) {
    const load = CATALOG_FILES[`../../../i18n/${lng}/${ns}.json`];
    if (!load) return done(new Error(`no catalog ${lng}/${ns}`));
    load().then(
      (m) => done(null, m.default),
      (error: unknown) => done(error),
    );
  },
};

/** The app's instance, resolved once the user's language's `ui` namespace is in. */
export async function createLazyI18n(lang: Lang): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance
    .use(lazyCatalogs)
    .use(ICU)
    .use(initReactI18next)
    .init({ ...BASE, ns: ['ui'], lng: lang, fallbackLng: false, load: 'currentOnly' });
  return applyToDocument(instance);
}

/** An instance with the given catalogs already in memory (the web tests pass all three languages). */
export function createI18nWith(lang: Lang, resources: Record<Lang, Catalogs>): I18n {
  const instance = i18next.createInstance();
  void instance
    .use(ICU)
    .use(initReactI18next)
    .init({ ...BASE, resources, lng: lang, fallbackLng: 'ru', initAsync: false });
  return applyToDocument(instance);
}

function applyToDocument(instance: I18n): I18n {
  const apply = () => {
    document.documentElement.lang = instance.language;
    document.title = instance.t('app.name');
  };
  apply();
  instance.on('languageChanged', apply);
  return instance;
}
