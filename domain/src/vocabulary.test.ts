import { describe, expect, it } from 'vitest';
import { AID_FORM_VOCABULARY, NEED_ITEM_VOCABULARY } from './aid-codes.ts';
import { CHILD_MARK_VOCABULARY } from './categories.ts';
import { PLACE_KIND_VOCABULARY } from './raid-codes.ts';
import { SPONSOR_TYPE_VOCABULARY } from './sponsor-types.ts';
import { editDistance, makeVocabulary, vocabularyKey } from './vocabulary.ts';

describe('vocabularyKey', () => {
  it.each([
    ['  Школьные  принадлежности ', 'школьныепринадлежности'],
    ['Канц. товары', 'канцтовары'],
    ['«Ёлка»', 'елка'],
    ['Сирота / без попечения', 'сиротабезпопечения'],
    ['ЕБҚ', 'ебқ'],
    ['Аяқ-киім!', 'аяқкиім'],
  ])('%j → %j', (input, key) => {
    expect(vocabularyKey(input)).toBe(key);
  });
});

describe('the words people write', () => {
  it.each([
    // items (ru)
    [NEED_ITEM_VOCABULARY, 'школьные принадлежности', 'supplies'],
    [NEED_ITEM_VOCABULARY, 'Канцтовары', 'supplies'],
    [NEED_ITEM_VOCABULARY, 'канц.товары', 'supplies'],
    [NEED_ITEM_VOCABULARY, 'форма', 'uniform'],
    [NEED_ITEM_VOCABULARY, 'Кроссовки', 'shoes'],
    [NEED_ITEM_VOCABULARY, 'портфель', 'backpack'],
    [NEED_ITEM_VOCABULARY, 'спортивный костюм', 'sportswear'],
    [NEED_ITEM_VOCABULARY, 'пуховик', 'winter_clothes'],
    // items (kk)
    [NEED_ITEM_VOCABULARY, 'оқу-жазу құралдары', 'supplies'],
    [NEED_ITEM_VOCABULARY, 'мектеп формасы', 'uniform'],
    [NEED_ITEM_VOCABULARY, 'аяқ киім', 'shoes'],
    [NEED_ITEM_VOCABULARY, 'Арқа сөмке', 'backpack'],
    [NEED_ITEM_VOCABULARY, 'қысқы киім', 'winter_clothes'],
    // forms of aid
    [AID_FORM_VOCABULARY, 'Денежные средства', 'money'],
    [AID_FORM_VOCABULARY, 'ақшалай', 'money'],
    [AID_FORM_VOCABULARY, 'в натуре', 'goods'],
    [AID_FORM_VOCABULARY, 'заттай көмек', 'goods'],
    [AID_FORM_VOCABULARY, 'Подарочный сертификат', 'certificate'],
    [AID_FORM_VOCABULARY, 'қызмет көрсету', 'service'],
    // sponsor types
    [SPONSOR_TYPE_VOCABULARY, 'ТОО', 'company'],
    [SPONSOR_TYPE_VOCABULARY, 'ЖШС', 'company'],
    [SPONSOR_TYPE_VOCABULARY, 'И.П.', 'entrepreneur'],
    [SPONSOR_TYPE_VOCABULARY, 'жеке кәсіпкер', 'entrepreneur'],
    [SPONSOR_TYPE_VOCABULARY, 'акимат', 'state_body'],
    [SPONSOR_TYPE_VOCABULARY, 'әкімдік', 'state_body'],
    [SPONSOR_TYPE_VOCABULARY, 'Родительский комитет', 'parents'],
    [SPONSOR_TYPE_VOCABULARY, 'физическое лицо', 'private_person'],
    // categories
    [CHILD_MARK_VOCABULARY, 'Сирота', 'orphan'],
    [CHILD_MARK_VOCABULARY, 'малоимущая семья', 'low_income'],
    [CHILD_MARK_VOCABULARY, 'көп балалы отбасы', 'large_family'],
    [CHILD_MARK_VOCABULARY, 'ребёнок-инвалид', 'disability'],
    [CHILD_MARK_VOCABULARY, 'қиын өмірлік жағдай', 'other'],
    // raid places
    [PLACE_KIND_VOCABULARY, 'Интернет-кафе', 'computer_club'],
    [PLACE_KIND_VOCABULARY, 'базар', 'market'],
    [PLACE_KIND_VOCABULARY, 'аула', 'street'],
  ] as const)('%#: «%s» → %s', (vocabulary, label, code) => {
    expect((vocabulary.match as (l: string) => string | undefined)(label)).toBe(code);
  });

  it.each([
    [NEED_ITEM_VOCABULARY, 'рюкзк', 'backpack'],
    [NEED_ITEM_VOCABULARY, 'кросовки', 'shoes'],
    [NEED_ITEM_VOCABULARY, 'канц', 'supplies'],
    [NEED_ITEM_VOCABULARY, 'школьная фарма', 'uniform'],
    [AID_FORM_VOCABULARY, 'денги', 'money'],
    [SPONSOR_TYPE_VOCABULARY, 'компани', 'company'],
    [CHILD_MARK_VOCABULARY, 'многодетня', 'large_family'],
    [CHILD_MARK_VOCABULARY, 'малобеспеченная', 'low_income'],
  ] as const)('%#: a near miss «%s» suggests %s', (vocabulary, label, code) => {
    expect((vocabulary.match as (l: string) => string | undefined)(label)).toBeUndefined();
    expect((vocabulary.suggest as (l: string) => string | undefined)(label)).toBe(code);
  });

  it('suggests nothing for words far from every value', () => {
    expect(NEED_ITEM_VOCABULARY.suggest('глобус')).toBeUndefined();
    expect(AID_FORM_VOCABULARY.suggest('ок')).toBeUndefined();
    expect(SPONSOR_TYPE_VOCABULARY.suggest('космос')).toBeUndefined();
  });
});

describe('makeVocabulary', () => {
  it('refuses a table where one word means two values', () => {
    expect(() => makeVocabulary({ a: ['форма'], b: ['Форма.'] })).toThrow(/форма/i);
  });
});

describe('editDistance', () => {
  it.each([
    ['рюкзак', 'рюкзак', 0],
    ['рюкзк', 'рюкзак', 1],
    ['рюзкак', 'рюкзак', 1],
    ['abc', 'xyz', 3],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
