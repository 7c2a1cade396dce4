// Kinds of sponsors, with the words people write for them ("Тип" column of the sponsors file) in ru, kk and en.
import { COMMON_MESSAGES } from './common-messages.ts';
import { makeVocabulary } from './vocabulary.ts';

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

export const SPONSOR_TYPE_VOCABULARY = makeVocabulary<SponsorType>(
  {
    corporate_fund: [
      'корпоративный фонд',
      'благотворительный фонд',
      'фонд',
      'корпоративтік қор',
      'қайырымдылық қоры',
      'қор',
      'corporate foundation',
      'corporate fund',
      'foundation',
    ],
    company: [
      'компания',
      'ТОО',
      'АО',
      'предприятие',
      'фирма',
      'организация',
      'ЖШС',
      'АҚ',
      'кәсіпорын',
      'серіктестік',
      'company',
      'LLP',
      'JSC',
    ],
    entrepreneur: [
      'ИП',
      'индивидуальный предприниматель',
      'предприниматель',
      'ЖК',
      'жеке кәсіпкер',
      'кәсіпкер',
      'individual entrepreneur',
      'entrepreneur',
    ],
    state_body: [
      'государственный орган',
      'госорган',
      'государственное учреждение',
      'акимат',
      'мемлекеттік орган',
      'мемлекеттік мекеме',
      'әкімдік',
      'state body',
      'government',
    ],
    ngo: [
      'общественное объединение',
      'общественная организация',
      'НПО',
      'ОО',
      'профсоюз',
      'қоғамдық бірлестік',
      'қоғамдық ұйым',
      'ҮЕҰ',
      'кәсіподақ',
      'NGO',
    ],
    parents: [
      'родительская общественность',
      'родители',
      'родительский комитет',
      'ата-аналар қауымы',
      'ата-аналар',
      'ата-аналар комитеті',
      "parents' community",
      'parents',
    ],
    alumni: ['выпускники', 'выпускник', 'түлектер', 'түлек', 'alumni', 'graduates'],
    private_person: [
      'частное лицо',
      'физическое лицо',
      'физлицо',
      'меценат',
      'жеке тұлға',
      'жеке адам',
      'private person',
      'individual',
    ],
    other: ['другое', 'прочее', 'басқа', 'other'],
  },
  [kk.sponsorType, ru.sponsorType, en.sponsorType],
);
export const parseSponsorType = SPONSOR_TYPE_VOCABULARY.match;
