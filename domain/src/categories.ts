// Social categories of a child (the grounds for help) and the separate "not attending" risk flag.
import { COMMON_MESSAGES } from './common-messages.ts';
import { makeVocabulary } from './vocabulary.ts';

const { kk, ru, en } = COMMON_MESSAGES;

export const CATEGORY_CODES = [
  'asp',
  'low_income',
  'orphan',
  'emergency',
  'large_family',
  'disability',
  'other',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

// Not a ground for aid: it starts follow-up until the child is back at school.
export const RISK_FLAGS = ['not_attending'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** Anything that can be written in the "Категории" column of a child. */
export type ChildMark = CategoryCode | RiskFlag;

/**
 * Categories that allow aid from the fund of universal education. The first four come from the decree; the
 * rest are the "other categories" a school's board of trustees may add, which this system treats as decided.
 */
export const FV_CATEGORIES: ReadonlySet<CategoryCode> = new Set(CATEGORY_CODES);

export function isCategoryCode(value: string): value is CategoryCode {
  return (CATEGORY_CODES as readonly string[]).includes(value);
}

export function isFvCategory(code: string): boolean {
  return (FV_CATEGORIES as ReadonlySet<string>).has(code);
}

// Import-template labels. The Russian ones are canonical; kk and en are accepted so a translated template works.
export const CHILD_MARK_VOCABULARY = makeVocabulary<ChildMark>(
  {
    asp: [
      'АСП',
      'адресная социальная помощь',
      'получатели АСП',
      'получатель АСП',
      'АӘК алушы',
      'АӘК',
      'атаулы әлеуметтік көмек',
      'TSA',
      'targeted social assistance',
    ],
    low_income: [
      'малообеспеченная',
      'малообеспеченные',
      'малообеспеченная семья',
      'малообеспеченный',
      'малоимущая',
      'малоимущие',
      'малоимущая семья',
      'из малообеспеченной семьи',
      'аз қамтылған отбасынан',
      'аз қамтылған',
      'аз қамтылған отбасы',
      'low-income',
      'low income',
      'low-income family',
    ],
    orphan: [
      'сирота/без попечения',
      'сирота',
      'без попечения',
      'без попечения родителей',
      'сироты',
      'опекаемый',
      'под опекой',
      'оставшийся без попечения родителей',
      'жетім бала',
      'ата-анасының қамқорлығынсыз қалған',
      'жетім/қамқорлықсыз',
      'жетім',
      'қамқорлықсыз',
      'orphan/no parental care',
      'orphan',
      'no parental care',
      'without parental care',
    ],
    emergency: [
      'ЧС',
      'чрезвычайная ситуация',
      'пострадавшие от ЧС',
      'ТЖ',
      'төтенше жағдай',
      'төтенше жағдайдан зардап шеккен',
      'emergency',
    ],
    large_family: [
      'многодетная',
      'многодетная семья',
      'многодетные',
      'из многодетной семьи',
      'көпбалалы',
      'көпбалалы отбасы',
      'көп балалы отбасы',
      'large family',
    ],
    disability: [
      'инвалидность/ООП',
      'инвалидность',
      'ООП',
      'мүгедектік/ЕБҚ',
      'мүгедектік',
      'ЕБҚ',
      'инвалид',
      'ребенок-инвалид',
      'дети с ООП',
      'особые образовательные потребности',
      'мүгедек бала',
      'ерекше білім беру қажеттіліктері',
      'disability/SEN',
      'disability',
      'SEN',
    ],
    // A difficult life situation (ТЖС) is one of the board's "other" categories.
    other: [
      'другое',
      'ТЖС',
      'трудная жизненная ситуация',
      'басқа',
      'ҚӨЖ',
      'қиын өмірлік жағдай',
      'other',
      'difficult life situation',
    ],
    not_attending: [
      'не посещает',
      'не посещает школу',
      'мектепке бармайды',
      'не ходит в школу',
      'мектепке қатыспайды',
      'not attending',
      'not attending school',
    ],
  },
  [kk.categoryShort, ru.categoryShort, en.categoryShort, kk.category, ru.category, en.category],
);

export interface CategoryListParse {
  /** Every recognised mark, in the order written, without repeats. */
  codes: ChildMark[];
  categories: CategoryCode[];
  flags: RiskFlag[];
  /** Entries that matched nothing, as written (trimmed). */
  unknown: string[];
}

/** Parses a cell such as "АСП, многодетная; не посещает". Commas and semicolons separate entries. */
export function parseCategoryList(text: string): CategoryListParse {
  const result: CategoryListParse = { codes: [], categories: [], flags: [], unknown: [] };
  for (const raw of text.split(/[,;\n]/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const code = CHILD_MARK_VOCABULARY.match(entry);
    if (code === undefined) {
      if (!result.unknown.includes(entry)) result.unknown.push(entry);
      continue;
    }
    if (result.codes.includes(code)) continue;
    result.codes.push(code);
    if (isCategoryCode(code)) result.categories.push(code);
    else result.flags.push(code);
  }
  return result;
}
