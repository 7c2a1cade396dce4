// Kinds of sponsors, with the labels of the import template ("Тип" column of the sponsors file).
import { COMMON_MESSAGES } from './common-messages.ts';
import { makeLabelLookup } from './label-lookup.ts';

const { kk, ru, en } = COMMON_MESSAGES;

export const SPONSOR_TYPES = [
  'corporate_fund',
  'company',
  'entrepreneur',
  'state_body',
  'ngo',
  'parents',
  'alumni',
  'private_person',
  'other',
] as const;
export type SponsorType = (typeof SPONSOR_TYPES)[number];

export const parseSponsorType = makeLabelLookup<SponsorType>(
  {
    corporate_fund: ['корпоративный фонд', 'корпоративтік қор', 'corporate foundation', 'corporate fund'],
    company: ['компания', 'ТОО', 'АО', 'company'],
    entrepreneur: ['ИП', 'индивидуальный предприниматель', 'ЖК', 'жеке кәсіпкер', 'individual entrepreneur'],
    state_body: ['государственный орган', 'мемлекеттік орган', 'state body'],
    ngo: ['общественное объединение', 'профсоюз', 'қоғамдық бірлестік', 'NGO'],
    parents: [
      'родительская общественность',
      'родители',
      'ата-аналар қауымы',
      'ата-аналар',
      "parents' community",
      'parents',
    ],
    alumni: ['выпускники', 'түлектер', 'alumni'],
    private_person: ['частное лицо', 'жеке тұлға', 'private person'],
    other: ['другое', 'басқа', 'other'],
  },
  [kk.sponsorType, ru.sponsorType, en.sponsorType],
);
