import { CATEGORY_CODES } from '#domain/categories';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { formatDayMonth } from '#domain/dates';
import type { Lang } from '#domain/lang';
import { translate } from '../../i18n/translator.ts';
import { TEXT_KEYS, type MaterialTexts } from './materials.schema.ts';

export interface MaterialSource {
  year: number;
  from: string;
  to: string;
  mottoRu: string | null;
  mottoKk: string | null;
  school: {
    nameRu: string;
    nameKk: string;
    address: string | null;
    director: string | null;
    phone: string | null;
    hotline: string | null;
  };
  coordinators: string[];
}

/** Everything the stand and booklets print, in one language. */
export interface MaterialContent {
  lang: Lang;
  year: number;
  brand: string;
  kind: string;
  dates: string;
  mottoLabel: string;
  schoolName: string;
  categories: string[];
  headings: Record<'about' | 'who' | 'how' | 'docs' | 'hotline' | 'contacts' | 'help', string>;
  texts: MaterialTexts;
}

/** Lines of a multi-line text, without blanks. */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function datesLine(source: Pick<MaterialSource, 'from' | 'to' | 'year'>, lang: Lang): string {
  return translate(lang, 'operations:materials.dates', {
    from: formatDayMonth(source.from, lang),
    to: formatDayMonth(source.to, lang),
    year: source.year,
  });
}

/** The generated wording, from the campaign's and the school's data. */
export function defaultTexts(source: MaterialSource, lang: Lang): MaterialTexts {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(lang, `operations:materials.${key}`, params);
  const s = source.school;
  const contacts = [
    lang === 'kk' ? s.nameKk : s.nameRu,
    s.address,
    s.director && t('contactLines.director', { name: s.director }),
    source.coordinators.length > 0 && t('contactLines.coordinator', { name: source.coordinators.join(', ') }),
    s.phone && t('contactLines.phone', { phone: s.phone }),
  ].filter((l): l is string => typeof l === 'string' && l !== '');
  return {
    title: t('defaults.title'),
    motto: (lang === 'kk' ? (source.mottoKk ?? source.mottoRu) : (source.mottoRu ?? source.mottoKk)) ?? '',
    purpose: t('defaults.purpose'),
    helpList: t('helpList'),
    howSteps: t('defaults.howSteps'),
    docs: t('defaults.docs'),
    hotline: s.hotline ?? s.phone ?? '',
    hotlineNote: t('defaults.hotlineNote'),
    contacts: contacts.join('\n'),
    closing: t('defaults.closing'),
  };
}

/** The school's wording over the generated one; a blank override falls back to the generated text. */
export function mergeTexts(defaults: MaterialTexts, overrides: Partial<MaterialTexts>): MaterialTexts {
  const out = { ...defaults };
  for (const key of TEXT_KEYS) {
    const value = overrides[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function buildContent(source: MaterialSource, lang: Lang, texts: MaterialTexts): MaterialContent {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(lang, `operations:materials.${key}`, params);
  const headings = Object.fromEntries(
    (['about', 'who', 'how', 'docs', 'hotline', 'contacts', 'help'] as const).map((k) => [
      k,
      t(`headings.${k}`),
    ]),
  ) as MaterialContent['headings'];
  return {
    lang,
    year: source.year,
    brand: t('brand'),
    kind: t('kind'),
    dates: datesLine(source, lang),
    mottoLabel: t('mottoLabel', { year: source.year }),
    schoolName: lang === 'kk' ? source.school.nameKk : source.school.nameRu,
    categories: CATEGORY_CODES.map((c) => COMMON_MESSAGES[lang].category[c]),
    headings,
    texts,
  };
}
