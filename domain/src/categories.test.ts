import { describe, expect, it } from 'vitest';
import { COMMON_MESSAGES } from './common-messages.ts';
import { CATEGORY_CODES, FV_CATEGORIES, isFvCategory, parseCategoryList, RISK_FLAGS } from './categories.ts';
import { LANGS } from './lang.ts';

describe('parseCategoryList', () => {
  it.each([
    ['АСП, многодетная', ['asp', 'large_family'], []],
    ['АСП', ['asp'], []],
    ['малообеспеченная', ['low_income'], []],
    ['сирота/без попечения', ['orphan'], []],
    ['Сирота / без попечения', ['orphan'], []],
    ['ЧС', ['emergency'], []],
    ['чс', ['emergency'], []],
    ['многодетная', ['large_family'], []],
    ['инвалидность/ООП', ['disability'], []],
    ['другое', ['other'], []],
    ['ТЖС', ['other'], []],
    ['не посещает', ['not_attending'], []],
    ['АӘК, көпбалалы, жетім/қамқорлықсыз', ['asp', 'large_family', 'orphan'], []],
    ['мүгедектік/ЕБҚ; мектепке бармайды', ['disability', 'not_attending'], []],
    [
      'TSA, large family, orphan/no parental care, not attending',
      ['asp', 'large_family', 'orphan', 'not_attending'],
      [],
    ],
    ['low_income, disability', ['low_income', 'disability'], []],
    ['«многодетная»', ['large_family'], []],
    ['АСП, АСП, асп', ['asp'], []],
    ['', [], []],
    [' , ; ', [], []],
    ['АСП, бедные, бедные', ['asp'], ['бедные']],
    ['многодетная семья,  неизвестно ', ['large_family'], ['неизвестно']],
  ] as const)('%j -> %j unknown %j', (text, codes, unknown) => {
    const parsed = parseCategoryList(text);
    expect(parsed.codes).toEqual(codes);
    expect(parsed.unknown).toEqual(unknown);
    expect([...parsed.categories, ...parsed.flags].sort()).toEqual([...codes].sort());
  });

  it('splits categories from the risk flag', () => {
    expect(parseCategoryList('не посещает, АСП')).toEqual({
      codes: ['not_attending', 'asp'],
      categories: ['asp'],
      flags: ['not_attending'],
      unknown: [],
    });
  });
});

describe('FV categories', () => {
  it('all seven categories are ФВ categories, the flag is not', () => {
    expect([...FV_CATEGORIES].sort()).toEqual([...CATEGORY_CODES].sort());
    expect(isFvCategory('not_attending')).toBe(false);
    expect(isFvCategory('asp')).toBe(true);
  });

  it.each(LANGS)('every code has a display name in %s', (lang) => {
    for (const code of [...CATEGORY_CODES, ...RISK_FLAGS]) {
      expect(COMMON_MESSAGES[lang].category[code]).toBeTruthy();
      expect(COMMON_MESSAGES[lang].categoryShort[code]).toBeTruthy();
    }
  });

  it.each(LANGS)('the short %s names parse back to their codes', (lang) => {
    for (const code of [...CATEGORY_CODES, ...RISK_FLAGS]) {
      expect(parseCategoryList(COMMON_MESSAGES[lang].categoryShort[code]).codes).toEqual([code]);
    }
  });
});
