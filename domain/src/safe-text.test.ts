import {
  checkFreeText,
  checkPersonName,
  neutralizeCell,
  personNameProblem,
  visibleChar,
} from './safe-text.ts';

describe('checkPersonName', () => {
  it.each([
    'Әбілқасымова',
    'Иванов-Петров',
    "O'Brien",
    'O’Brien',
    'Nurlan',
    'Жанна Мария',
    'Ş.',
    'Ғалиʼ',
    'Үмітқызы',
    'Ёлкин',
    'Jean–Luc',
  ])('accepts %s', (n) => {
    expect(checkPersonName(n)).toBeNull();
  });
  it.each([
    ['<b>Асан</b>', 'html'],
    ['<script>alert(1)</script>', 'html'],
    ['Асан\u0000', 'control'],
    ['Асан\nБек', 'control'],
    ['=HYPERLINK("http://x","y")', 'formula'],
    ['+77011234567', 'formula'],
    ['Асан1', 'chars'],
    ['Асан;', 'chars'],
  ])('refuses %s as %s', (n, problem) => {
    expect(checkPersonName(n)).toBe(problem);
  });
});

describe('personNameProblem', () => {
  it('names the first character a name may not hold', () => {
    expect(personNameProblem('Асан1')).toEqual({ problem: 'chars', char: '1' });
    expect(personNameProblem('Иванова (мать)')).toEqual({ problem: 'chars', char: '(' });
    expect(personNameProblem('.Асан')).toEqual({ problem: 'chars', char: '.' });
    expect(personNameProblem('Асан')).toBeNull();
  });
  it('shows an invisible character by its code point', () => {
    expect(visibleChar('(')).toBe('(');
    expect(visibleChar('\u00a0')).toBe('U+00A0');
    expect(visibleChar('\t')).toBe('U+0009');
  });
});

describe('checkFreeText', () => {
  it.each([
    'Иванова А. С. (мать)',
    'Жумабаева Гульнар (опекун)',
    '«Мать» Иванова',
    'ул. Абая, д. 5/2, кв. №12',
    'Smith J. (guardian)',
    '=1+2',
  ])('accepts what people write: %s', (text) => {
    expect(checkFreeText(text)).toBeNull();
  });

  it('keeps line breaks in multiline text but refuses other control characters and tags', () => {
    expect(checkFreeText('строка 1\nстрока 2', { multiline: true })).toBeNull();
    expect(checkFreeText('строка 1\nстрока 2')).toBe('control');
    expect(checkFreeText('a\u0007b', { multiline: true })).toBe('control');
    expect(checkFreeText('ул. <img src=x onerror=alert(1)>')).toBe('html');
    expect(checkFreeText('5 < 7 и 8 > 3')).toBeNull();
  });
});

describe('neutralizeCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+7 701 000 00 00', "'+7 701 000 00 00"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['Асан', 'Асан'],
    ['', ''],
  ])('turns %j into %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });
});
