import { normalizeClassLabel, parseClassLabel } from './class-label.ts';

describe('parseClassLabel', () => {
  it.each([
    ['5А', 5, 'А', '5А'],
    ['5 а', 5, 'А', '5А'],
    ['11-б', 11, 'Б', '11Б'],
    ['0', 0, '', '0'],
    ['9ә', 9, 'Ә', '9Ә'],
    [' 7b ', 7, 'B', '7B'],
  ])('reads %s as grade %i letter %s', (input, grade, letter, label) => {
    expect(parseClassLabel(input)).toEqual({ ok: true, grade, letter, label });
  });

  it.each(['12А', '', 'А5', '5АБ', '-1', '05', '5!'])('refuses %s', (input) => {
    expect(parseClassLabel(input).ok).toBe(false);
  });

  it('normalises labels so a teacher class matches whatever spacing was typed', () => {
    expect(normalizeClassLabel('5 а')).toBe(normalizeClassLabel('5А'));
    expect(normalizeClassLabel('x')).toBe('x');
  });
});
