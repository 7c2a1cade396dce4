import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '#domain/lang';

/** The active UI language, typed for the domain formatters (numbers, tenge, dates). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return isLang(i18n.language) ? i18n.language : 'ru';
}
