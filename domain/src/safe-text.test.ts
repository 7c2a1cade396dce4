import { checkFreeText, checkPersonName, neutralizeCell } from './safe-text.ts';

describe('checkPersonName', () => {
  it.each(['Әбілқасымова', 'Иванов-Петров', "O'Brien", 'Nurlan', 'Жанна Мария', 'Ş.'])('accepts %s', (n) => {
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

describe('checkFreeText', () => {
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
