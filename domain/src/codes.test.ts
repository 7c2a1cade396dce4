// Every code list has display names in all languages, and those names parse back to the same code.
import { describe, expect, it } from 'vitest';
import { AID_FORMS, NEED_ITEMS, parseAidForm, parseNeedItem } from './aid-codes.ts';
import { COMMON_MESSAGES } from './common-messages.ts';
import { LANGS } from './lang.ts';
import { normalizeLabel } from './label-lookup.ts';
import { PARTICIPANT_KINDS, PLACE_KINDS, parseParticipantKind, parsePlaceKind } from './raid-codes.ts';
import { parseSponsorType, SPONSOR_TYPES } from './sponsor-types.ts';

const tables = [
  ['aidForm', AID_FORMS, parseAidForm],
  ['item', NEED_ITEMS, parseNeedItem],
  ['sponsorType', SPONSOR_TYPES, parseSponsorType],
  ['placeKind', PLACE_KINDS, parsePlaceKind],
  ['participantKind', PARTICIPANT_KINDS, parseParticipantKind],
] as const;

describe.each(tables)('%s', (namespace, codes, parse) => {
  it.each(LANGS)('names in %s exist and parse back', (lang) => {
    const names: Record<string, string> = COMMON_MESSAGES[lang][namespace];
    for (const code of codes) {
      const name = names[code];
      expect(name, `${lang}.${namespace}.${code}`).toBeTruthy();
      expect(parse(name ?? '')).toBe(code);
      expect(parse(code)).toBe(code);
    }
    expect(Object.keys(names).sort()).toEqual([...codes].sort());
  });

  it('unknown labels give undefined', () => {
    expect(parse('нечто непонятное')).toBeUndefined();
  });
});

describe('import-template labels', () => {
  it.each([
    ['деньги', parseAidForm, 'money'],
    ['Вещи', parseAidForm, 'goods'],
    ['сертификат', parseAidForm, 'certificate'],
    ['услуга', parseAidForm, 'service'],
    ['корпоративный фонд', parseSponsorType, 'corporate_fund'],
    ['ИП', parseSponsorType, 'entrepreneur'],
    ['Родительская общественность', parseSponsorType, 'parents'],
    ['выпускники', parseSponsorType, 'alumni'],
    ['частное лицо', parseSponsorType, 'private_person'],
    ['государственный орган', parseSponsorType, 'state_body'],
    ['общественное объединение', parseSponsorType, 'ngo'],
    ['компания', parseSponsorType, 'company'],
    ['другое', parseSponsorType, 'other'],
  ] as const)('%s', (label, parse, code) => {
    expect(parse(label)).toBe(code);
  });
});

describe('normalizeLabel', () => {
  it.each([
    ['  Сирота / Без   попечения ', 'сирота/без попечения'],
    ['«Ёлка»', 'елка'],
    ['ЕБҚ', 'ебқ'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });
});
