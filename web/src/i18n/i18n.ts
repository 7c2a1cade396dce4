import i18next, { type i18n as I18n } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import en from '#i18n/en/ui.json';
import kk from '#i18n/kk/ui.json';
import ru from '#i18n/ru/ui.json';
import enImport from '#i18n/en/import.json';
import kkImport from '#i18n/kk/import.json';
import ruImport from '#i18n/ru/import.json';
import enOperations from '#i18n/en/operations.json';
import kkOperations from '#i18n/kk/operations.json';
import ruOperations from '#i18n/ru/operations.json';
import enReports from '#i18n/en/reports.json';
import kkReports from '#i18n/kk/reports.json';
import ruReports from '#i18n/ru/reports.json';
import enChildren from '#i18n/en/children.json';
import kkChildren from '#i18n/kk/children.json';
import ruChildren from '#i18n/ru/children.json';
import enHelp from '#i18n/en/help.json';
import kkHelp from '#i18n/kk/help.json';
import ruHelp from '#i18n/ru/help.json';
import { LANGS, type Lang } from '#domain/lang';

export const resources = {
  kk: {
    ui: kk,
    help: kkHelp,
    reports: kkReports,
    import: kkImport,
    operations: kkOperations,
    children: kkChildren,
  },
  ru: {
    ui: ru,
    help: ruHelp,
    reports: ruReports,
    import: ruImport,
    operations: ruOperations,
    children: ruChildren,
  },
  en: {
    ui: en,
    help: enHelp,
    reports: enReports,
    import: enImport,
    operations: enOperations,
    children: enChildren,
  },
} as const;

/**
 * A fresh i18next instance with the three catalogs bundled in: no network round-trip before the first
 * paint, and switching language is instant. Tests build their own instance the same way.
 */
export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  void instance
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources,
      lng: lang,
      fallbackLng: 'ru',
      supportedLngs: [...LANGS],
      ns: ['ui', 'help', 'reports', 'import', 'children', 'operations'],
      defaultNS: 'ui',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  const applyToDocument = () => {
    document.documentElement.lang = instance.language;
    document.title = instance.t('app.name');
  };
  applyToDocument();
  instance.on('languageChanged', applyToDocument);
  return instance;
}
