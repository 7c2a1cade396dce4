import { COMMON_MESSAGES } from '#domain/common-messages';
import type { Lang } from '#domain/lang';
import type { Child, NeedItem } from './children.types.ts';

/** A category's (or the risk flag's) short name in the UI language, from the shared common catalog. */
export function categoryLabel(code: string, lang: Lang): string {
  return (COMMON_MESSAGES[lang].categoryShort as Record<string, string>)[code] ?? code;
}

export function fullName(child: Pick<Child, 'surname' | 'name' | 'patronymic'>): string {
  return [child.surname, child.name, child.patronymic].filter(Boolean).join(' ');
}

export function itemName(item: Pick<NeedItem, 'nameKk' | 'nameRu' | 'nameEn'>, lang: Lang): string {
  return lang === 'kk' ? item.nameKk : lang === 'en' ? item.nameEn : item.nameRu;
}

export function schoolName(child: Pick<Child, 'schoolNameKk' | 'schoolNameRu'>, lang: Lang): string {
  return lang === 'kk' ? child.schoolNameKk : child.schoolNameRu;
}
