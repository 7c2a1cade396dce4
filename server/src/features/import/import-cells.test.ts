import { makeValidIin } from '#domain/iin';
import { dateCell, iinCell, intCell, RowReader, tengeCell, textCell, yearCell } from './import-cells.ts';

const key = (r: { ok: boolean; issue?: { message: { key: string } } }) =>
  r.ok ? 'ok' : r.issue!.message.key;

describe('import cells', () => {
  it.each([
    ['Абай Құнанбайұлы', { name: true }, 'ok'],
    ['  Школа   № 1  ', { name: true }, 'ok'],
    // What people write in a sponsor's or guardian's name: initials, relation, quotes, digits, slashes.
    ['Иванова А. С. (мать)', { name: true }, 'ok'],
    ['ТОО «Караганда Строй» / ф-л № 2', { name: true }, 'ok'],
    ['"Qazaq Oil" LLP', { name: true }, 'ok'],
    // Formulas are harmless (exports write text cells): a value may start with = + - @.
    ['=HYPERLINK("http://x","y")', { name: true }, 'ok'],
    ['+7 701 000 00 00', { name: true }, 'ok'],
    ['-Иванов', { name: true }, 'ok'],
    ['Иванов > Петров', { name: true }, 'ok'],
    ['<b>Иванов</b>', { name: true }, 'import:cell.html'],
    ['Иван\u0007ов', { name: true }, 'import:cell.control'],
    ['+7 701 000 00 00', {}, 'ok'],
    ['- купить рюкзак', {}, 'ok'],
    ['=1+2', {}, 'ok'],
    ['ул. Абая 1 <script>alert(1)</script>', {}, 'import:cell.html'],
    ['строка 1\nстрока 2', { multiline: true }, 'ok'],
    ['строка 1\nстрока 2', {}, 'import:cell.control'],
    ['x'.repeat(301), { max: 300 }, 'import:cell.tooLong'],
    ['', { required: true }, 'import:cell.required'],
  ])('text %j with %j → %s', (value, opts, expected) => {
    expect(key(textCell({ v: value }, 'v', opts))).toBe(expected);
  });

  it('names the control character it refuses by its code point', () => {
    const r = textCell({ v: 'Иван\u200bов\u0007' }, 'v');
    expect(r).toMatchObject({ ok: false, issue: { message: { params: { char: 'U+0007' } } } });
  });

  it('trims and collapses the spaces of a name, and gives null for an empty optional cell', () => {
    expect(textCell({ v: '  Школа   № 1 ' }, 'v', { name: true })).toEqual({ ok: true, value: 'Школа № 1' });
    expect(textCell({ v: '   ' }, 'v')).toEqual({ ok: true, value: null });
    expect(textCell({}, 'missing')).toEqual({ ok: true, value: null });
  });

  it('reads dates as DD.MM.YYYY or YYYY-MM-DD, refusing impossible and future ones', () => {
    expect(dateCell({ v: '01.09.2015' }, 'v')).toEqual({ ok: true, value: '2015-09-01' });
    expect(dateCell({ v: '2015-09-01' }, 'v')).toEqual({ ok: true, value: '2015-09-01' });
    expect(key(dateCell({ v: '31.02.2015' }, 'v'))).toBe('import:cell.dateInvalid');
    expect(key(dateCell({ v: '1 сентября' }, 'v'))).toBe('import:cell.dateFormat');
    expect(key(dateCell({ v: '01.01.2030' }, 'v', { notAfter: '2026-11-25' }))).toBe(
      'import:cell.dateFuture',
    );
  });

  it('reads whole tenge written with spaces, refusing fractions and negatives', () => {
    expect(tengeCell({ v: '1 196 448' }, 'v')).toEqual({ ok: true, value: 1196448 });
    expect(tengeCell({ v: '1\u00a0196\u00a0448 ₸' }, 'v')).toEqual({ ok: true, value: 1196448 });
    expect(tengeCell({ v: '37389.00' }, 'v')).toEqual({ ok: true, value: 37389 });
    expect(key(tengeCell({ v: '100,50' }, 'v'))).toBe('import:cell.tenge.fraction');
    expect(key(tengeCell({ v: '-5' }, 'v'))).toBe('import:cell.tenge.negative');
    expect(key(tengeCell({ v: 'сто' }, 'v'))).toBe('import:cell.tenge.not-a-number');
  });

  it('reads whole numbers and years', () => {
    expect(intCell({ v: '1 200' }, 'v')).toEqual({ ok: true, value: 1200 });
    expect(intCell({ v: '12.0' }, 'v')).toEqual({ ok: true, value: 12 });
    expect(key(intCell({ v: '12.5' }, 'v'))).toBe('import:cell.integer');
    expect(key(intCell({ v: '0' }, 'v', { min: 1 }))).toBe('errors:validation.tooSmall');
    expect(yearCell({ v: '2025' }, 'v')).toEqual({ ok: true, value: 2025 });
    expect(key(yearCell({ v: '25' }, 'v'))).toBe('import:cell.year');
  });

  it('collects every problem of a row before deciding', () => {
    const r = new RowReader({ name: '<b>x</b>', date: '99.99.2020', amount: '1 000' });
    const name = r.text('name', { name: true, required: true });
    const date = r.date('date');
    const amount = r.tenge('amount');
    expect([name, date, amount]).toEqual([null, null, 1000]);
    const result = r.result(() => ({ name }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['name', 'date']);
  });
});

describe('IIN cells as spreadsheets store them', () => {
  const valid = makeValidIin('2009-09-14', 'm', 4602);
  it.each([
    [valid, valid, null],
    [` ${valid} `, valid, null],
    // A number cell lost its leading zero: given back with a warning.
    [valid.slice(1), valid, 'import:cell.iinZeroRestored'],
    // Exponent form: the digits are gone, so the cell is refused with how to keep the column as text.
    ['1,60514E+11', null, 'import:cell.iinExponent'],
    ['9.09146E+10', null, 'import:cell.iinExponent'],
    // 11 digits that do not make a valid IIN with a zero in front stay as written (the IIN's own check refuses).
    ['12345678901', '12345678901', null],
  ])('%j → %j (%s)', (input, value, issue) => {
    const read = iinCell({ iin: input }, 'iin');
    if (read.ok) {
      expect(read.value).toBe(value);
      expect(read.warning?.message.key ?? null).toBe(issue);
    } else {
      expect(value).toBeNull();
      expect(read.issue.message.key).toBe(issue);
    }
  });
});
