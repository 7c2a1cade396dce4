import { foldName, nameSortKey, searchTerms, searchWords } from './name-search.ts';

describe('names in Kazakh and Russian', () => {
  it('sorts in the Kazakh-Russian alphabet order, not by code point', () => {
    const names = [
      'Ыбырай Алтынсарин',
      'Қанатұлы Ерлан',
      'Канатов Арман',
      'Әлиев Нұр',
      'Алиев Бек',
      'Ахметов Ұлан',
      'Иванов Иван',
      'Іскаков Дамир',
      'Үсенов Ержан',
      'Уалиев Ұлан',
      'Ұлықбек Асан',
      'Өмірзақ Ая',
      'Омаров Ай',
    ];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Алиев Бек',
      'Ахметов Ұлан',
      'Әлиев Нұр',
      'Иванов Иван',
      'Іскаков Дамир',
      'Канатов Арман',
      'Қанатұлы Ерлан',
      'Омаров Ай',
      'Өмірзақ Ая',
      'Уалиев Ұлан',
      'Ұлықбек Асан',
      'Үсенов Ержан',
      'Ыбырай Алтынсарин',
    ]);
  });

  it('puts a shorter name before a longer one that starts with it, whatever the case', () => {
    expect(nameSortKey('Ан Бота') < nameSortKey('Ана Бота')).toBe(true);
    expect(nameSortKey('АЛИЕВ')).toBe(nameSortKey('алиев'));
    expect(nameSortKey('Алиев-Ким')).toBe(nameSortKey('Алиев Ким'));
    expect(nameSortKey('Қанатұлы')).toMatch(/^[a-z]+$/);
  });

  it('folds Kazakh letters to their Russian look-alikes for search', () => {
    expect(foldName('Қанатұлы')).toBe(foldName('Канатулы'));
    expect(foldName('Әлия')).toBe('алия');
    expect(foldName('ҒӨҢҮҺІЁ')).toBe('гонухие');
    expect(searchWords('  Нурлан   Абенов ')).toEqual(['нурлан', 'абенов']);
  });

  it('finds a child by each name word and by every IIN tail of four digits or more', () => {
    const terms = searchTerms('Абенов Нұрлан', '080815500123');
    expect(terms).toEqual(expect.arrayContaining(['абенов', 'нурлан', '080815500123', '0123', '15500123']));
    expect(terms).not.toContain('123');
    expect(searchTerms('Абенов Нұрлан', null)).toEqual(['абенов', 'нурлан']);
  });
});
